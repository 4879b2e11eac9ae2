"""The exceptions dateline raises, each with a message a user can act on."""

from __future__ import annotations


class DatelineError(Exception):
    """Base of every error dateline raises on purpose."""


class InputError(DatelineError):
    """An input file, or one record in it, that cannot be read.

    Carries where the problem is (`path`, and `line` or `offset` where known)
    so the message points the user at the exact place to fix.
    """

    def __init__(
        self,
        path: str,
        reason: str,
        *,
        line: int | None = None,
        offset: int | None = None,
    ) -> None:
        self.path = path
        self.reason = reason
        self.line = line
        self.offset = offset
        super().__init__(str(self))

    @property
    def location(self) -> str:
        if self.line is not None:
            return f"{self.path}:{self.line}"
        if self.offset is not None:
            return f"{self.path} (byte {self.offset})"
        return self.path

    def __str__(self) -> str:
        return f"{self.location}: {self.reason}"


class ModelNotFound(DatelineError):
    """The spaCy pipeline named by `--model` / `DATELINE_MODEL` is not installed."""

    def __init__(self, name: str) -> None:
        self.name = name
        package = name.replace("_", "-")
        super().__init__(
            f"spaCy pipeline {name!r} is not installed. Install it with "
            f"`pip install {package}` (the default is installed by `make run`), "
            "or choose another with --model / DATELINE_MODEL."
        )


class StoreError(DatelineError):
    """The database cannot be opened or written."""


class NotFound(DatelineError):
    """A looked-up article or actor is not in the store."""
