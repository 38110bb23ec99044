"""One entry point for the capstone: the sample, a LinkedIn export or a contact sheet."""

from __future__ import annotations

import pandas as pd

from . import _io
from .contacts import _header_of, read_contacts
from .linkedin import REQUIRED, SAMPLE_EXPORT, _find_header, read_linkedin

__all__ = ["read_network"]


def read_network(path="sample", *, secret: bytes | None = None) -> pd.DataFrame:
    """Read the sample, a LinkedIn ``Connections.csv`` or a contact sheet, whichever ``path`` is.

    Parameters
    ----------
    path : str or Path, default "sample"
        ``"sample"`` (or None) for the shipped fictional export; a ``.xlsx``
        file is read as a contact sheet; a CSV file as LinkedIn's export if
        its header is Connections.csv's (in any accepted language), else as
        a contact sheet.
    secret : bytes, optional
        Key of the pseudonyms; by default the learner's own.

    Returns
    -------
    pandas.DataFrame
        As :func:`~weakties.audit.read_linkedin` or
        :func:`~weakties.audit.read_contacts` return it.

    Raises
    ------
    AuditInputError
        As the reader chosen raises it.

    Examples
    --------
    >>> from weakties.audit import read_network
    >>> read_network("sample").attrs["weakties"]["source"]
    'linkedin'
    """
    if path is None or (isinstance(path, str) and path.strip().lower() == "sample"):
        return read_linkedin(SAMPLE_EXPORT)
    p = _io.resolve(path, "LinkedIn export (Connections.csv) or contact sheet")
    if p.suffix.lower() in (".xlsx", ".xlsm"):
        return read_contacts(p, secret=secret)
    with open(p, "rb") as f:
        head = f.read(65536)
    text = head.decode("utf-8", errors="replace")
    lines = _io.split_lines(text)[:100]
    found = _find_header(lines)
    if found and set(REQUIRED) <= set(found[2]):
        return read_linkedin(p, secret=secret)
    if _header_of(lines) is not None:
        return read_contacts(p, secret=secret)
    return read_linkedin(p, secret=secret)  # its errors speak of Connections.csv
