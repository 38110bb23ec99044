"""Opening the learner's files safely: checks, sniffing, decoding (not public).

Files are only ever opened for reading. Every failure becomes an
:class:`AuditInputError` whose message never quotes the file's content.
"""

from __future__ import annotations

import csv
import io
import os
import zipfile
from pathlib import Path

from ._text import fold
from .errors import AuditInputError

MAX_BYTES = 200 * 1024 * 1024  # LinkedIn caps connections at 30,000: a few megabytes


def resolve(path, what: str, suggest: str = "Connections.csv") -> Path:
    """An existing regular file, or an error that says how to find the right one."""
    if path is None:
        raise AuditInputError(f"no file given: pass the path of your {what}.")
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"the path of your {what} must be a text or a Path, "
                        f"not {type(path).__name__}.")
    p = Path(path).expanduser()
    if p.is_dir():
        inside = sorted(p.glob(suggest)) + sorted(p.glob(f"*/{suggest}"))
        hint = (f" It contains {inside[0]}: pass that file's path." if inside else
                f" Pass the path of the file itself (for example .../{suggest}).")
        raise AuditInputError(f"{p} is a folder, not a file.{hint}")
    if not p.exists():
        hint = ""
        if p.parent.is_dir():
            near = sorted(x.name for x in p.parent.iterdir()
                          if x.is_file() and fold(x.stem) == fold(Path(suggest).stem))
            if near:
                hint = f" The folder has {near[0]!r}: did you mean that file?"
        else:
            hint = f" The folder {p.parent} does not exist either."
        raise AuditInputError(
            f"there is no file at {p}.{hint} Check the path: copy it from your file manager "
            "(on Windows, write it as r\"C:\\...\\Connections.csv\" so the backslashes are kept).")
    if not p.is_file():
        raise AuditInputError(f"{p} is not a regular file: pass the path of your {what}.")
    return p


def read_bytes(p: Path, what: str) -> bytes:
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise AuditInputError(
                f"{p.name} is {size / 1e6:.0f} MB, far more than a {what} can be: "
                "is it the right file?")
        with open(p, "rb") as f:
            return f.read()
    except PermissionError:
        raise AuditInputError(f"you are not allowed to read {p}: check the file's "
                              "permissions, or copy it into a folder of yours.") from None
    except OSError as exc:
        raise AuditInputError(f"{p} could not be read ({exc.strerror}).") from None


_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG picture"),
    (b"\xff\xd8\xff", "a JPEG picture"),
    (b"GIF8", "a GIF picture"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Office document (.xls or .doc)"),
    (b"{\\rtf", "a rich-text (RTF) document"),
)


def refuse_non_text(data: bytes, p: Path, what: str, *, allow_xlsx: bool = False) -> None:
    """Raise a clear error for archives, documents and pictures."""
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        names = []
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                names = z.namelist()
        except zipfile.BadZipFile:
            pass
        if any(n.startswith("xl/") for n in names):
            if allow_xlsx:
                return
            raise AuditInputError(
                f"{p.name} is an Excel workbook, not a CSV file. If it is your own contact "
                "sheet, read it with read_contacts(). If you opened Connections.csv in a "
                "spreadsheet and saved it, use the original Connections.csv from LinkedIn's "
                "export instead (or save it as 'CSV UTF-8').")
        if any(n.startswith("word/") or n.startswith("ppt/") for n in names):
            raise AuditInputError(f"{p.name} is an Office document, not a {what}.")
        if any(n.startswith("content.xml") or n == "mimetype" for n in names):
            raise AuditInputError(f"{p.name} is an OpenDocument file, not a {what}: save it "
                                  "as CSV (UTF-8), or as .xlsx for a contact sheet.")
        inside = [n for n in names if n.rsplit("/", 1)[-1].lower() == "connections.csv"]
        where = (f" It contains {inside[0]!r}: extract it and pass the path of that file."
                 if inside else " Extract it, then pass the path of Connections.csv inside.")
        raise AuditInputError(f"{p.name} is a zip archive, not a {what}. LinkedIn sends "
                              f"your data as a zip archive.{where}")
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise AuditInputError(
                f"{p.name} is {kind}, not a {what}. In LinkedIn's data export (Settings, "
                "Data privacy, Get a copy of your data), the file is Connections.csv.")
    head = data[:4096].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")):
        raise AuditInputError(
            f"{p.name} is a web page or an XML file, not a {what}: did the browser save the "
            "download page instead of the file? Download the export again.")


def decode(data: bytes, p: Path, what: str, plausible) -> tuple[str, str]:
    """Text and encoding name; UTF-8 (with or without BOM) and UTF-16 with a BOM.

    A file that is not UTF-8 is decoded as Windows-1252 (what a spreadsheet
    writes when it saves a CSV on Windows) only if ``plausible(text)`` is
    true of the result; otherwise the error says how to get a UTF-8 file.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            pass
    elif len(data) >= 4 and data[1:2] == b"\x00" and data[3:4] == b"\x00" and data[0:1] != b"\x00":
        try:
            return data.decode("utf-16-le"), "utf-16-le"
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:65536]:
        raise AuditInputError(
            f"{p.name} is a binary file (it holds zero bytes), not a {what}. In LinkedIn's "
            "data export, the file is Connections.csv.")
    try:
        text = data.decode("utf-8-sig")
        return text, "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None and plausible(text):
        return text, "cp1252"
    line = data[:first_bad].count(b"\n") + 1
    raise AuditInputError(
        f"the characters of {p.name} cannot be read: line {line} holds bytes that are not "
        f"UTF-8 text, and the file does not look like a {what} in another encoding either. "
        "LinkedIn's export is UTF-8: use the original file from the export, or, if you "
        "edited it in a spreadsheet, save it again as 'CSV UTF-8'.")


def split_lines(text: str) -> list[str]:
    """Lines with any line ending (LF, CRLF or CR); a leading BOM removed."""
    text = text.lstrip("\ufeff")
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def parse_line(line: str, delimiter: str) -> list[str]:
    try:
        return next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:
        return []


DELIMITERS = (",", ";", "\t")
