"""Telling text from binary, and which Unicode encoding a text file is in.

A file is read as text only when its bytes say so: UTF-8 (with or without a
byte-order mark), or UTF-16/UTF-32 where a byte-order mark, or the NUL in
every other byte of mostly-ASCII UTF-16, says so (Windows Notepad's
"Unicode" and PowerShell's ``>`` write it). No other codec is guessed:
Latin-1 read as if it were something else garbles names silently, and a
garbled name is a wrong fact.

One rule for NUL: text never holds one (and PostgreSQL cannot store it), so
a NUL anywhere in a text is refused with its position, whether it sits in
the first bytes or after the first megabyte; a file whose first bytes are
full of NULs or control bytes is called binary, once.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from typing import BinaryIO

from dateline.errors import InputError

PROBE_BYTES = 8192
"""How much of a file is looked at to tell its encoding, or that it is binary."""

_BOMS = (
    # UTF-32's little-endian mark starts with UTF-16's, so it is tried first.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")
"""Control bytes that plain text does hold (tabs, line ends, form feeds, ANSI escapes)."""

BINARY_CONTROL_SHARE = 0.05
"""A head that is not UTF-8 with more than this share of other control bytes is
binary: Latin-1 or Windows-1252 text has almost none, random or compressed
bytes about one in nine."""

STRAY_NULS, STRAY_NUL_SHARE = 4, 0.01
"""UTF-8 text with a few stray NULs is text with a defect, named by position;
more NULs than these (a count, or a share of the head) make a binary file."""

BINARY_REASON = "looks like a binary file, not text; pass .txt or .jsonl files with article text"


@dataclass(frozen=True, slots=True)
class Encoding:
    """A text encoding found at the start of a file, and its byte-order mark's length."""

    codec: str
    bom: int = 0

    @property
    def name(self) -> str:
        return self.codec.upper().replace("-LE", " LE").replace("-BE", " BE")


UTF8 = Encoding("utf-8")


def peek_head(handle: BinaryIO) -> bytes:
    """Up to `PROBE_BYTES` from the start of `handle`, left unread (a pipe cannot seek)."""

    peek = getattr(handle, "peek", None)
    if peek is None:  # not buffered: sniff nothing rather than consume the head
        return b""
    head: bytes = peek(PROBE_BYTES)
    return head[:PROBE_BYTES]


def sniff_encoding(head: bytes) -> Encoding | None:
    """The encoding of a file from its first bytes, or None if it is binary.

    >>> sniff_encoding("Putin said".encode("utf-16"))
    Encoding(codec='utf-16-le', bom=2)
    >>> sniff_encoding(b"\\x7fELF\\x02\\x01\\x01\\x00\\x00\\x00") is None
    True
    """

    for bom, codec in _BOMS:
        if head.startswith(bom):
            return Encoding(codec, len(bom))
    decodes = _decodes_as_utf8(head)
    if b"\x00" not in head:
        return UTF8 if decodes or _control_share(head) <= BINARY_CONTROL_SHARE else None
    for codec, high_byte in (("utf-16-le", 1), ("utf-16-be", 0)):
        if _looks_like_utf16(head, codec, high_byte):
            return Encoding(codec)
    if decodes and head.count(0) <= max(STRAY_NULS, STRAY_NUL_SHARE * len(head)):
        return UTF8
    return None


def _decodes_as_utf8(head: bytes) -> bool:
    """True if `head` is valid UTF-8, allowing a character cut at its end."""

    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return False
    return True


def _control_share(head: bytes) -> float:
    controls = sum(
        1 for byte in head if (byte < 0x20 or byte == 0x7F) and byte not in _TEXT_CONTROLS
    )
    return controls / len(head) if head else 0.0


def _looks_like_utf16(head: bytes, codec: str, high_byte: int) -> bool:
    """Mostly-ASCII UTF-16 without a mark: NUL high bytes, printable characters.

    Latin, Cyrillic or CJK text has no NUL bytes in UTF-16 and no mark to
    find it by; such a file fails as UTF-8 with a hint to convert it.
    """

    even = head[: len(head) // 2 * 2]
    high = even[high_byte::2]
    if not high or high.count(0) < len(high) / 2:
        return False
    try:
        text = codecs.getincrementaldecoder(codec)().decode(even, final=False)
    except UnicodeDecodeError:
        return False
    printable = sum(1 for char in text if char.isprintable() or char in "\t\n\r\f")
    return printable >= 0.98 * len(text)


def decode_text(data: bytes, path: str) -> str:
    """The bytes of a text file as a string, or an `InputError` saying why not.

    Raises for a binary file, for bytes invalid in the file's encoding (with
    the byte offset and a conversion hint) and for a NUL character anywhere.
    """

    encoding, text = decode_bytes(data, path)
    nul = text.find("\x00")
    if nul >= 0:
        offset = encoding.bom + len(text[:nul].encode(encoding.codec))
        raise InputError(path, nul_reason(), offset=offset)
    return text


def decode_bytes(data: bytes, path: str) -> tuple[Encoding, str]:
    """`data` decoded in the encoding its head shows, NULs kept; raises `InputError`."""

    encoding = sniff_encoding(data[:PROBE_BYTES])
    if encoding is None:
        raise InputError(path, BINARY_REASON)
    try:
        return encoding, data[encoding.bom :].decode(encoding.codec)
    except UnicodeDecodeError as exc:
        offset = encoding.bom + exc.start
        bad = data[offset : offset + 1].hex()
        hint = (
            f"convert the file to UTF-8, e.g. `iconv -f WINDOWS-1252 -t UTF-8 {path}`"
            if encoding is UTF8
            else f"the file starts as {encoding.name} but is not that throughout; "
            "convert it to UTF-8"
        )
        raise InputError(
            path,
            f"is not valid {encoding.name} (byte 0x{bad} at byte offset {offset}); {hint}",
            offset=offset,
        ) from exc


def nul_reason(where: str = "") -> str:
    """Why a NUL byte is refused; `where` ("at column 7") where the location does not say."""

    return (
        f"has a NUL character{' ' + where if where else ''}; text never holds one and the store "
        "(PostgreSQL) cannot keep it: remove it, e.g. with `tr -d '\\000'`, or check "
        "that the input is text"
    )
