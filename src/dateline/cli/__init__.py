"""`dateline`: the command line, a thin layer over the library.

Every command maps onto a library call (readers, pipeline, store, render),
so anything done here can be done from Python too. Commands live in one
module a topic beside this one and register on `main` when imported.
"""

from __future__ import annotations

import click


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="dateline")
def main() -> None:
    """Turn news dispatches into evidence-linked data.

    dateline reads wire dispatches (Kazinform, TASS and Reuters datelines,
    plain text, JSONL), extracts actors, quotes, amounts, events and places,
    links each fact to the characters it came from, and stores them in
    SQLite (or PostgreSQL).

    \b
    Quick start:
      dateline extract article.txt          print what dateline finds
      dateline ingest corpus/ --db news.db  store a whole folder
      dateline summary --db news.db         read it back
    """


# Registration: each module adds its commands to `main`.
from dateline.cli import (  # noqa: E402
    actors,
    articles,
    evaluation,
    events,
    exporting,
    figures,
    queries,
    serve,
)

__all__ = [
    "actors",
    "articles",
    "evaluation",
    "events",
    "exporting",
    "figures",
    "main",
    "queries",
    "serve",
]
