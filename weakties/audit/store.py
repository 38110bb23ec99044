"""Saved annotations: a small CSV file keyed by pseudonym, next to the export.

What you record about each contact (how well you know them, how you met,
their sector, region and generation) is saved in a CSV file with the
columns ``contact`` (the pseudonym) and :data:`ANNOTATION_COLUMNS`, one row
per annotated contact. It never holds a name, an email or a profile address,
and no company or title either: only pseudonyms and the values you chose.

Where: next to the export, as ``<export name>.weakties-annotations.csv``
(``Connections.weakties-annotations.csv`` for ``Connections.csv``), so that
it stays in the learner's private folder with the data it describes. The
shipped sample is read-only: its annotations live in the learner's
configuration folder (``sample-audit/``), started from the sample
annotations shipped with the course.

Pseudonyms depend on the learner's secret: annotations saved on one
computer match the export read on another only if the secret file was
copied too (see :mod:`weakties.audit.pseudonym`).
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import tempfile
import warnings
from pathlib import Path

import pandas as pd

from ..learner import config_dir
from .errors import AuditInputError, AuditWarning
from .linkedin import _DATA
from .schema import (ANNOTATION_COLUMNS, BadValue, allowed_text, check_context,
                     check_generation, check_region, check_sector, check_strength)

__all__ = ["annotations_path", "load_annotations", "save_annotations", "with_annotations",
           "SAMPLE_ANNOTATIONS", "SUFFIX"]

#: Annotations of the shipped sample (keyed by its public-key pseudonyms).
SAMPLE_ANNOTATIONS = _DATA / "Connections.weakties-annotations.csv"
#: Appended to the export's name (without its extension) to name the annotation file.
SUFFIX = ".weakties-annotations.csv"
_PSEUDONYM = re.compile(r"^C-[0-9a-f]{8,12}$")
_CHECKS = {"strength": check_strength, "context": check_context, "sector": check_sector,
           "region": check_region, "generation": check_generation}


def _info(contacts) -> dict:
    info = getattr(contacts, "attrs", {}).get("weakties") if contacts is not None else None
    return info or {}


def annotations_path(contacts) -> Path:
    """Where the annotations of these contacts are saved (see the module documentation).

    Parameters
    ----------
    contacts : DataFrame
        As returned by :func:`~weakties.audit.read_linkedin` or
        :func:`~weakties.audit.read_contacts` (their ``attrs`` say which file).

    Raises
    ------
    AuditInputError
        The table does not say which file it comes from: pass ``path=``.

    Examples
    --------
    >>> import os, tempfile
    >>> os.environ["WEAKTIES_CONFIG_DIR"] = tempfile.mkdtemp()
    >>> from weakties.audit import read_linkedin, SAMPLE_EXPORT
    >>> annotations_path(read_linkedin(SAMPLE_EXPORT)).parent.name
    'sample-audit'
    >>> del os.environ["WEAKTIES_CONFIG_DIR"]
    """
    info = _info(contacts)
    if info.get("sample"):
        return config_dir() / "sample-audit" / ("Connections" + SUFFIX)
    if not info.get("path"):
        raise AuditInputError(
            "this table does not say which file it was read from (it was built by hand or "
            "its attributes were lost): pass path= with the file to save the annotations in.")
    p = Path(info["path"])
    return p.with_name(p.stem + SUFFIX)


def load_annotations(path) -> pd.DataFrame:
    """Read an annotation file; an empty table if the file does not exist yet.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``contact``, with the columns :data:`ANNOTATION_COLUMNS`
        (``strength`` as a nullable integer, the others as text or missing).

    Raises
    ------
    AuditInputError
        A row whose pseudonym or value is not allowed (row and column named).

    Examples
    --------
    >>> from weakties.audit.store import load_annotations, SAMPLE_ANNOTATIONS
    >>> a = load_annotations(SAMPLE_ANNOTATIONS)
    >>> list(a.columns) == ["strength", "context", "sector", "region", "generation"]
    True
    >>> bool(a.index.str.match(r"C-[0-9a-f]{8}").all())
    True
    """
    p = Path(path)
    empty = pd.DataFrame({c: pd.Series(dtype="Int64" if c == "strength" else "object")
                          for c in ANNOTATION_COLUMNS})
    empty.index = pd.Index([], name="contact", dtype="object")
    if not p.exists():
        return empty
    try:
        text = p.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        raise AuditInputError(f"the annotation file {p} cannot be read: if you edited it, "
                              "save it as CSV UTF-8; or delete it to start again.") from None
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        return empty
    header = [h.strip() for h in rows[0]]
    if "contact" not in header:
        raise AuditInputError(f"the annotation file {p} has no 'contact' column: it is not an "
                              "annotation file made by the audit. Move it away and start again.")
    problems, records = [], {}
    for number, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue
        cells = dict(zip(header, row))
        key = cells.get("contact", "").strip()
        if not _PSEUDONYM.match(key):
            problems.append(f"row {number}, column 'contact': not a pseudonym (C- followed by "
                            "8 to 12 hexadecimal digits)")
            continue
        rec = {}
        for col, check in _CHECKS.items():
            try:
                rec[col] = check(cells.get(col, ""))
            except BadValue:
                problems.append(f"row {number}, column {col!r}: allowed values are "
                                f"{allowed_text(col)}")
                rec[col] = None
        records[key] = rec
    if problems:
        raise AuditInputError(f"the annotation file {p} has values that cannot be used:\n"
                              + "\n".join(f"- {m}" for m in problems[:10])
                              + ("\n- and more." if len(problems) > 10 else "")
                              + "\nCorrect them, or delete the file to start again.")
    if not records:
        return empty
    df = pd.DataFrame.from_dict(records, orient="index")
    df = df.reindex(columns=list(ANNOTATION_COLUMNS))
    df["strength"] = pd.array(df["strength"].tolist(), dtype="Int64")
    for c in ANNOTATION_COLUMNS[1:]:
        df[c] = df[c].astype("object").where(df[c].notna(), None)
    df.index.name = "contact"
    return df


def save_annotations(annotations: pd.DataFrame, path) -> Path:
    """Write annotations atomically (a crash never leaves half a file); rows all empty are left out.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from weakties.audit.store import load_annotations, save_annotations, SAMPLE_ANNOTATIONS
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "a.csv"
    >>> a = load_annotations(SAMPLE_ANNOTATIONS)
    >>> load_annotations(save_annotations(a, target)).equals(a.sort_index())
    True
    """
    p = Path(path)
    df = annotations.reindex(columns=list(ANNOTATION_COLUMNS))
    keep = df.notna().any(axis=1)
    df = df[keep].sort_index()
    bad = [k for k in df.index if not _PSEUDONYM.match(str(k))]
    if bad:
        raise ValueError("annotations must be keyed by pseudonym (C-...): refusing to save "
                         f"{len(bad)} other key{'s' if len(bad) > 1 else ''}.")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["contact", *ANNOTATION_COLUMNS])
    for key, row in df.iterrows():
        writer.writerow([key] + ["" if pd.isna(v) else (int(v) if c == "strength" else v)
                                 for c, v in row.items()])
    try:
        p.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".annotations-", suffix=".tmp", dir=p.parent)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(out.getvalue())
        if os.name == "posix":
            os.chmod(tmp, 0o600)
        os.replace(tmp, p)
    except OSError as exc:
        raise AuditInputError(f"cannot save the annotations in {p.parent} ({exc.strerror}): "
                              "pass path= with a file in a folder of yours.") from None
    return p


def seed_sample(path: Path) -> None:
    """Start the sample's annotation file from the shipped one, if it does not exist yet."""
    if not path.exists() and SAMPLE_ANNOTATIONS.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SAMPLE_ANNOTATIONS, path)


def with_annotations(contacts: pd.DataFrame, annotations=None) -> pd.DataFrame:
    """The contacts with saved annotations applied (a new table; the input is unchanged).

    Parameters
    ----------
    contacts : DataFrame
        From :func:`~weakties.audit.read_linkedin` or
        :func:`~weakties.audit.read_contacts`.
    annotations : DataFrame or path, optional
        As :func:`load_annotations` returns; by default the file at
        :func:`annotations_path` (for the sample: the sample annotations).

    Returns
    -------
    DataFrame
        ``strength``, ``context``, ``region``, ``generation`` set where
        annotated; ``sector`` set where annotated, else the guess.

    Warns
    -----
    AuditWarning
        Saved annotations that match no contact (made with another secret,
        or the contacts left the export).

    Examples
    --------
    >>> import os, tempfile
    >>> os.environ["WEAKTIES_CONFIG_DIR"] = tempfile.mkdtemp()
    >>> from weakties.audit import read_linkedin, SAMPLE_EXPORT
    >>> df = with_annotations(read_linkedin(SAMPLE_EXPORT))
    >>> int(df["strength"].notna().sum()) > 100
    True
    >>> del os.environ["WEAKTIES_CONFIG_DIR"]
    """
    if annotations is None:
        path = annotations_path(contacts)
        if _info(contacts).get("sample"):
            seed_sample(path)
        annotations = load_annotations(path)
    elif not isinstance(annotations, pd.DataFrame):
        annotations = load_annotations(annotations)
    out = contacts.copy()
    out.attrs = dict(contacts.attrs)
    if annotations.empty:
        return out
    keys = out["contact"]
    unmatched = int((~annotations.index.isin(keys)).sum())
    if unmatched:
        warnings.warn(
            f"{unmatched} saved annotation{'s match' if unmatched > 1 else ' matches'} no "
            "contact of this table: they were made with another secret (another computer?) "
            "or these contacts are no longer in the export.", AuditWarning, stacklevel=2)
    for col in ANNOTATION_COLUMNS:
        mapped = keys.map(annotations[col])
        has = mapped.notna()
        if col == "strength":
            out["strength"] = pd.array(out["strength"], dtype="Int64")
            out.loc[has, "strength"] = mapped[has].astype("int64")
        else:
            out[col] = out[col].astype("object")
            out.loc[has, col] = mapped[has].astype("object")
    return out
