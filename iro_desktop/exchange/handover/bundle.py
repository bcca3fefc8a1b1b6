"""The handover file (``.iro``): a child's records sealed for the next IRO, and opened again.

**The file**::

    magic "IROHAND\\0" (8) | version (1) | log2 N (1) | r (1) | p (1) | salt (16) | nonce (12)
    | key check (16) | AES-256-GCM ciphertext of the zlib-compressed JSON, with its 16-byte tag

The key comes from the handover passphrase with scrypt (N = 2**15, r = 8, p = 1 by default;
files asking for less than that, or absurdly more, are refused). scrypt gives 64 bytes: the
first 32 are the AES key, the last 32 key an HMAC-SHA256 whose first 16 bytes are the "key
check", so that a wrong passphrase is told apart from a changed file. The whole 56-byte
header is the GCM associated data: changing any byte of the file, or cutting it short, is
detected, and the file is refused before anything is written.

What goes in is ``collect``'s job; bringing it into a caseload is ``receive``'s.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import struct
import unicodedata
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from iro_desktop.domain.references import reference_problem
from iro_desktop.exchange.errors import ExchangeError
from iro_desktop.exchange.limits import (
    HANDOVER_MAX_BYTES,
    HANDOVER_MAX_CHILDREN,
    HANDOVER_MAX_INFLATED,
    HANDOVER_MAX_ROWS,
    MB,
    TooBig,
    inflate_capped,
)
from iro_desktop.storage.history import LOG_TABLE

__all__ = [
    "BUNDLE_SUFFIX",
    "Bundle",
    "HandoverError",
    "HandoverRefused",
    "open_bundle",
    "seal",
    "unseal",
]

BUNDLE_SUFFIX = ".iro"
MAGIC = b"IROHAND\x00"
VERSION = 1
FORMAT = "iro-desktop-handover"
# Format 1 keeps the rows' history under the name of the table it is copied from; the name is
# part of the file format (tests/exchange/handover pins it), so it must not follow a rename.
HISTORY_KEY = LOG_TABLE
_HEADER = struct.Struct("!8sBBBB16s12s16s")
HEADER_SIZE = _HEADER.size  # 56
TAG_SIZE = 16
LOG2_N, R, P = 15, 8, 1
_LIMITS = {"log2n": (15, 20), "r": (8, 16), "p": (1, 4)}
SCRYPT_MAXMEM = 256 * 1024 * 1024


def _scrypt_memory(log2n: int, r: int, p: int) -> int:
    """What scrypt needs for these settings (OpenSSL's own estimate, with room to spare)."""
    return 128 * r * (2**log2n + p + 2) + 1024 * 1024


MIN_PASSPHRASE = 8


class HandoverError(ExchangeError):
    """A handover could not be made (nothing was written)."""


class HandoverRefused(ExchangeError):
    """A handover file was refused: wrong passphrase, changed, cut short or not one at all.
    Nothing was imported."""


def _derive(passphrase: str, salt: bytes, log2n: int, r: int, p: int) -> tuple[bytes, bytes]:
    secret = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    out = hashlib.scrypt(secret, salt=salt, n=2**log2n, r=r, p=p, maxmem=SCRYPT_MAXMEM, dklen=64)
    return out[:32], out[32:]


def _check(check_key: bytes, head: bytes) -> bytes:
    return hmac.new(check_key, b"iro-handover-key-check\x00" + head, hashlib.sha256).digest()[:16]


def seal(payload: dict[str, Any], passphrase: str, *, log2n: int = LOG2_N) -> bytes:
    """The encrypted bundle for ``payload`` (see the module's docstring for the layout)."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise HandoverError(
            f"Choose a handover passphrase of at least {MIN_PASSPHRASE} characters (a short "
            "sentence is best), and give it to the next IRO separately from the file."
        )
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    key, check_key = _derive(passphrase, salt, log2n, R, P)
    head = _HEADER.pack(MAGIC, VERSION, log2n, R, P, salt, nonce, b"\x00" * 16)[:40]
    header = head + _check(check_key, head)
    plain = zlib.compress(
        json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 6
    )
    return header + AESGCM(key).encrypt(nonce, plain, header)


@dataclass
class Bundle:
    """A handover file, opened and checked: what it holds, ready to receive."""

    name: str
    payload: dict[str, Any]

    @property
    def children(self) -> list[str]:
        return list(self.payload["children"])

    @property
    def made_at(self) -> str:
        return str(self.payload.get("made_at", ""))

    def counts(self) -> dict[str, int]:
        return {t: len(rows) for t, rows in self.payload["tables"].items()}

    def summary(self) -> list[dict[str, str]]:
        """For a preview: each child's reference and initials (no names); a reference that
        breaks the reference rule is not shown (receiving refuses it)."""
        out = []
        for row in self.payload["tables"].get("children", []):
            initials = "".join(
                str(p)[:1].upper() for p in (row.get("first_name"), row.get("last_name")) if p
            )
            ref = row["child_ref"]
            shown = (
                ref if isinstance(ref, str) and not reference_problem(ref) else "(bad reference)"
            )
            out.append({"child": shown, "initials": initials})
        return out


def _refuse(name: str, what: str) -> HandoverRefused:
    return HandoverRefused(f"{name}: {what} Nothing was imported.")


def open_bundle(path: Path, passphrase: str) -> Bundle:
    """Decrypt and check a handover file. Raises HandoverRefused; never writes anything."""
    path = Path(path)
    try:
        if not path.is_file():
            raise _refuse(
                path.name, "it is not a file. Choose the .iro file the other IRO sent you."
            )
        if path.stat().st_size > HANDOVER_MAX_BYTES:
            raise _too_big(path.name, f"the file is over {HANDOVER_MAX_BYTES // MB} MB")
        with path.open("rb") as handle:
            data = handle.read(HANDOVER_MAX_BYTES + 1)
    except OSError as error:
        raise _refuse(path.name, f"the file cannot be read ({error.strerror}).") from error
    return unseal(path.name, data, passphrase)


def _too_big(name: str, what: str) -> HandoverRefused:
    return _refuse(
        name,
        f"{what}, more than a handover of a whole caseload holds, so it was not opened. "
        "Ask the sending IRO to hand over fewer children in each file.",
    )


def unseal(name: str, data: bytes, passphrase: str) -> Bundle:
    if len(data) > HANDOVER_MAX_BYTES:
        raise _too_big(name, f"the file is over {HANDOVER_MAX_BYTES // MB} MB")
    if len(data) < len(MAGIC) or data[: len(MAGIC)] != MAGIC:
        raise _refuse(
            name,
            "this is not an IRO Desktop handover file. Choose the .iro file the other IRO "
            "sent you.",
        )
    if len(data) < HEADER_SIZE + TAG_SIZE:
        raise _refuse(
            name,
            "the file is cut short (it is smaller than a handover file can be). Ask for it "
            "to be sent again.",
        )
    _, version, log2n, r, p, salt, nonce, check = _HEADER.unpack(data[:HEADER_SIZE])
    if version != VERSION:
        raise _refuse(
            name,
            f"the file is handover format {version}; this version of IRO Desktop reads "
            f"format {VERSION}. Install the newer version of IRO Desktop to receive it.",
        )
    for label, value in (("log2n", log2n), ("r", r), ("p", p)):
        low, high = _LIMITS[label]
        if not low <= value <= high or _scrypt_memory(log2n, r, p) > SCRYPT_MAXMEM:
            raise _refuse(
                name, "the file's key settings are not ones IRO Desktop makes; it was changed."
            )
    key, check_key = _derive(passphrase, salt, log2n, r, p)
    head = data[:40]
    if not hmac.compare_digest(_check(check_key, head), check):
        raise _refuse(
            name,
            "that passphrase does not open this handover file (or its first bytes were "
            "changed). Check the passphrase with the IRO who sent it, mind Caps Lock, and "
            "try again.",
        )
    try:
        plain = AESGCM(key).decrypt(nonce, data[HEADER_SIZE:], data[:HEADER_SIZE])
    except InvalidTag:
        raise _refuse(
            name,
            "the passphrase is right but the file was changed, damaged or cut short after it "
            "was made. Ask for it to be sent again.",
        ) from None
    try:
        text = inflate_capped(plain, HANDOVER_MAX_INFLATED)
        # Every row is a JSON object: counting them first bounds what parsing can build.
        if text.count(b"{") > HANDOVER_MAX_ROWS + 100:
            raise TooBig(f"it holds more than {HANDOVER_MAX_ROWS:,} records")
        payload = json.loads(text.decode("utf-8"))
    except TooBig as error:
        raise _too_big(name, error.what) from None
    except (zlib.error, UnicodeDecodeError, ValueError, RecursionError):
        raise _refuse(name, "the file's contents cannot be read.") from None
    if (
        not isinstance(payload, dict)
        or payload.get("format") != FORMAT
        or not isinstance(payload.get("tables"), dict)
        or not isinstance(payload.get(HISTORY_KEY), list)
        or not isinstance(payload.get("children"), list)
        or not all(isinstance(rows, list) for rows in payload["tables"].values())
    ):
        raise _refuse(name, "the file does not hold a handover IRO Desktop can read.")
    rows = sum(len(r) for r in payload["tables"].values()) + len(payload[HISTORY_KEY])
    if len(payload["children"]) > HANDOVER_MAX_CHILDREN or rows > HANDOVER_MAX_ROWS:
        raise _too_big(
            name,
            f"it holds {len(payload['children']):,} children and {rows:,} records (at most "
            f"{HANDOVER_MAX_CHILDREN:,} and {HANDOVER_MAX_ROWS:,})",
        )
    return Bundle(name, payload)
