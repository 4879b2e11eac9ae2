"""The REST API and web UI: `dateline serve`."""

from __future__ import annotations

import click

from dateline.cli import main
from dateline.cli.common import db_option, fail
from dateline.errors import DatelineError


@main.command()
@db_option
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on. The default serves this machine only; "
    "0.0.0.0 exposes the (read-only) store to the network.",
)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
def serve(db_url: str, host: str, port: int) -> None:
    """Browse a store in the web browser, or query it over a JSON API.

    \b
    Pages:  http://HOST:PORT/           search, articles
            /articles/ID                text with facts highlighted
            /actors/ID, /dyads/A/B      actor profile, events between two sides
            /figures, /map              a measure over time, event places
    API:    /api/...                    documented at /docs (OpenAPI)

    Read-only: nothing in the store is changed.
    """

    import uvicorn

    from dateline.server import create_app

    try:
        app = create_app(db_url)
    except DatelineError as error:
        fail(str(error))
    click.echo(f"dateline: serving {app.state.store.url} at http://{host}:{port}/ (Ctrl-C stops)")
    uvicorn.run(app, host=host, port=port, log_level="warning")
