"""Stable pseudonyms for contacts, keyed by a secret that stays on the learner's machine.

A contact's name is replaced, as soon as a file is read, by a pseudonym
such as ``C-3f9a1c2b``: the first 8 hexadecimal digits of an HMAC-SHA256
(RFC 2104) of the normalised full name, keyed by a secret of 32 random
bytes. The same person gets the same pseudonym every time the learner reads
a new export on the same machine, so annotations keep matching; nobody
without the secret can test a guess of a name against a pseudonym.

The secret lives in the file ``pseudonym-key`` of the learner's own
configuration folder (:func:`weakties.learner.config_dir`, which
``WEAKTIES_CONFIG_DIR`` can move), created on first use with permissions
that let only the learner read it (folder 0700, file 0600 on Unix). It is
never written into a notebook, a report or the project. Deleting it makes
every earlier pseudonym unmatchable: saved annotations would no longer
apply.

The normalised full name is the first and last names joined by a space,
Unicode NFKC, case-folded, with runs of spaces collapsed: ``"Émilie
 DURAND"`` and ``"émilie durand"`` give the same pseudonym, so a contact
sheet's single ``name`` column matches LinkedIn's two columns. Accents
count: ``"Emilie"`` and ``"Émilie"`` differ.

The shipped sample export is fictional: it is read with the public key
:data:`SAMPLE_KEY` so that its sample annotations match on every machine.

References
----------
.. [1] Krawczyk, H., Bellare, M., Canetti, R. (1997). HMAC: Keyed-hashing
   for message authentication. RFC 2104.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import unicodedata
from pathlib import Path

from ..learner import config_dir
from .errors import AuditInputError

__all__ = ["pseudonym", "pseudonymise_all", "identity_key", "learner_secret", "secret_path",
           "SAMPLE_KEY", "PREFIX", "DIGITS"]

#: Every pseudonym starts with this.
PREFIX = "C-"
#: Hexadecimal digits in a pseudonym (32 bits: among 30,000 contacts, the
#: chance that two share one is about 10%; :func:`pseudonymise_all`
#: lengthens the colliding ones).
DIGITS = 8
#: Public key of the fictional sample export (not a secret: the sample holds no real person).
SAMPLE_KEY = b"weakties fictional sample export: not a secret"
_KEY_FILE = "pseudonym-key"


def secret_path() -> Path:
    """Where the learner's pseudonym secret is kept (the file may not exist yet).

    Examples
    --------
    >>> secret_path().name
    'pseudonym-key'
    """
    return config_dir() / _KEY_FILE


def learner_secret() -> bytes:
    """The learner's secret key, created on first use in their configuration folder.

    The folder is created with permissions 0700 and the file with 0600 (on
    Unix), so other users of a shared machine cannot read it.

    Returns
    -------
    bytes
        32 random bytes.

    Raises
    ------
    AuditInputError
        The file exists but is damaged, or the folder cannot be written.

    Examples
    --------
    >>> import os, tempfile
    >>> os.environ["WEAKTIES_CONFIG_DIR"] = tempfile.mkdtemp()
    >>> key = learner_secret()
    >>> len(key), key == learner_secret()
    (32, True)
    >>> oct(secret_path().stat().st_mode & 0o777) if os.name == "posix" else "0o600"
    '0o600'
    >>> del os.environ["WEAKTIES_CONFIG_DIR"]
    """
    path = secret_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if os.name == "posix":
            os.chmod(path.parent, 0o700)
    except OSError as exc:
        raise AuditInputError(
            f"cannot create your private configuration folder {path.parent} "
            f"({exc.strerror}): set WEAKTIES_CONFIG_DIR to a folder of yours that you can "
            "write to.") from None
    if not path.exists():
        key = secrets.token_bytes(32)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass  # another process created it first: read theirs
        except OSError as exc:
            raise AuditInputError(
                f"cannot write the pseudonym secret in {path.parent} ({exc.strerror}): set "
                "WEAKTIES_CONFIG_DIR to a folder of yours that you can write to.") from None
        else:
            with os.fdopen(fd, "w", encoding="ascii") as f:
                f.write(key.hex() + "\n")
            return key
    try:
        text = path.read_text(encoding="ascii").strip()
        key = bytes.fromhex(text)
    except (OSError, UnicodeDecodeError, ValueError):
        key = b""
    if len(key) < 16:
        raise AuditInputError(
            f"the pseudonym secret {path} is damaged. If you have never annotated contacts, "
            "delete it and run again (a new one is made); otherwise restore it from a backup, "
            "or your saved annotations will no longer match your contacts.")
    return key


def identity_key(*names) -> str:
    """The normalised full name a pseudonym is computed from.

    Examples
    --------
    >>> identity_key("  Émilie ", "DURAND ")
    'émilie durand'
    >>> identity_key("Émilie Durand") == identity_key("Émilie", "Durand")
    True
    """
    text = " ".join("" if n is None else str(n) for n in names)
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(text.split())


def _digest(key: bytes, identity: str, extra: str = "") -> str:
    message = identity if not extra else f"{identity}\x1f{extra}"
    return hmac.new(key, message.encode("utf-8"), hashlib.sha256).hexdigest()


def pseudonym(*names, secret: bytes | None = None, extra: str = "", digits: int = DIGITS) -> str:
    """The pseudonym of a person, from their names.

    Parameters
    ----------
    *names : str
        First and last names (or one full name).
    secret : bytes, optional
        The key; by default the learner's (:func:`learner_secret`).
    extra : str, optional
        A discriminator for people who share a name (see
        :func:`pseudonymise_all`).
    digits : int, default 8

    Returns
    -------
    str
        ``"C-"`` followed by ``digits`` hexadecimal digits.

    Examples
    --------
    >>> key = b"an example key, never use a fixed key for real data"
    >>> p = pseudonym("Émilie", "Durand", secret=key)
    >>> p.startswith("C-") and len(p) == 10
    True
    >>> p == pseudonym("émilie durand", secret=key)
    True
    >>> p == pseudonym("Émilie", "Durand", secret=b"another key, another pseudonym")
    False
    """
    key = learner_secret() if secret is None else secret
    if not isinstance(key, (bytes, bytearray)) or len(key) < 16:
        raise TypeError("secret must be at least 16 bytes (or None for the learner's own).")
    return PREFIX + _digest(bytes(key), identity_key(*names), extra)[:digits]


def pseudonymise_all(identities, discriminators, *, secret: bytes) -> list[str]:
    """Pseudonyms for the people of one file, unique within it.

    Parameters
    ----------
    identities : list of str
        Normalised full names (:func:`identity_key`), one per person.
    discriminators : list of tuple
        For each person, values that tell namesakes apart, most stable
        first (profile address, email, connection date, company); empty
        strings where unknown.
    secret : bytes

    Returns
    -------
    list of str

    Notes
    -----
    A person whose name is unique in the file gets ``pseudonym(name)``.
    Namesakes are ordered by their discriminators; the first keeps the
    plain pseudonym (so an older contact keeps theirs when a namesake
    arrives in a later export, as long as the order holds) and the others
    get one keyed by name and discriminators. If two different people
    still share the first 8 digits (about 1 chance in 10 among 30,000
    contacts), both get 12 digits.

    Examples
    --------
    >>> key = b"an example key, never use a fixed key for real data"
    >>> ids = [identity_key("Ana", "Diaz"), identity_key("Ana", "Diaz"), identity_key("Bo", "Li")]
    >>> out = pseudonymise_all(ids, [("2019",), ("2024",), ("",)], secret=key)
    >>> out[0] == pseudonym("Ana", "Diaz", secret=key), out[0] != out[1]
    (True, True)
    """
    n = len(identities)
    groups: dict[str, list[int]] = {}
    for i, ident in enumerate(identities):
        groups.setdefault(ident, []).append(i)
    full = [""] * n
    for ident, members in groups.items():
        if len(members) == 1:
            full[members[0]] = _digest(secret, ident)
            continue
        ordered = sorted(members, key=lambda i: (tuple(discriminators[i]), i))
        full[ordered[0]] = _digest(secret, ident)
        for rank, i in enumerate(ordered[1:], start=1):
            extra = "\x1e".join(discriminators[i])
            if not extra.strip("\x1e"):
                extra = f"#{rank}"
            full[i] = _digest(secret, ident, extra)
        # identical discriminators: fall back on the rank among namesakes
        seen: dict[str, int] = {}
        for rank, i in enumerate(ordered):
            if full[i] in seen:
                full[i] = _digest(secret, ident, f"#{rank}")
            seen[full[i]] = i
    short = [h[:DIGITS] for h in full]
    counts: dict[str, int] = {}
    for s in short:
        counts[s] = counts.get(s, 0) + 1
    return [PREFIX + (h[:12] if counts[s] > 1 else s) for h, s in zip(full, short)]
