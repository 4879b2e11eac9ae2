"""How much one input may hold, and opening only what can be read to its end.

A batch reads what it is given, so one input must not be able to stall it:
a FIFO nobody writes to blocks forever, ``/dev/zero`` never ends, and a
10 GB line without a newline fills memory before its first error. Inputs
are therefore regular files, read within a bound that follows from the
longest article accepted, and an input past its bound is one error that
says which limit to raise.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from dateline.errors import InputError

DEFAULT_ARTICLE_CHARS = 2_000_000
"""Longest article text read, in characters: about 300,000 words, ten times
the longest news feature; a longer text is a book or a concatenation, and
costs minutes of extraction."""


@dataclass(frozen=True, slots=True)
class ReadLimits:
    """The bounds every reader keeps; `--max-chars` sets `article_chars`."""

    article_chars: int = DEFAULT_ARTICLE_CHARS
    json_file_bytes: int = 256 * 2**20
    """A `.json` document (or a UTF-16 JSON Lines file) is decoded whole."""

    @property
    def text_file_bytes(self) -> int:
        """A text file of the longest article: at most 4 bytes a character, and a BOM."""

        return 4 * self.article_chars + 4

    @property
    def page_bytes(self) -> int:
        """A web page (a file, a download, a WARC record): markup around the text."""

        return 8 * self.article_chars + 2**20

    @property
    def line_bytes(self) -> int:
        """One JSON Lines record: the text with every character escaped
        (``\\u0416``, 6 bytes), and room for the other fields."""

        return 6 * self.article_chars + 2**16

    def too_long(self, chars: int) -> str:
        return (
            f"has an article text of {chars:,} characters, more than the {self.article_chars:,} "
            "an article may have; split it into articles, or raise the limit with --max-chars"
        )

    def too_large(self, limit: int, what: str) -> str:
        return (
            f"is larger than {limit:,} bytes, more than {what} of {self.article_chars:,} "
            "characters takes; split it, or raise the limit with --max-chars"
        )


DEFAULT_LIMITS = ReadLimits()


def open_regular_file(path: Path) -> BinaryIO:
    """`path` opened for reading, refusing anything that is not a regular file.

    The file is opened without blocking and checked on its descriptor, so a
    FIFO is refused at once instead of waiting for a writer, and a device
    (``/dev/zero``, a terminal) is refused instead of read without end.
    """

    where = str(path)
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        if path.is_symlink():
            raise InputError(where, "is a broken symbolic link; check where it points") from None
        raise InputError(where, "does not exist; check the path") from None
    except OSError as exc:
        raise InputError(where, f"cannot be read ({exc.strerror or exc}); check the path") from exc
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise InputError(
                where,
                f"is {_kind_of(mode)}, not a regular file; dateline reads files and folders "
                "of articles (and '-' for standard input)",
            )
        os.set_blocking(descriptor, True)
        return os.fdopen(descriptor, "rb", buffering=2**16)
    except BaseException:
        os.close(descriptor)
        raise


def read_at_most(path: Path, limit: int) -> bytes:
    """Up to `limit` + 1 bytes of the regular file `path` (one more says it is too large).

    Raises `InputError` for anything `open_regular_file` refuses and for a
    read that fails.
    """

    try:
        with open_regular_file(path) as handle:
            return handle.read(limit + 1)
    except OSError as exc:
        raise InputError(
            str(path), f"cannot be read ({exc.strerror or exc}); check the path"
        ) from exc


def _kind_of(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"
