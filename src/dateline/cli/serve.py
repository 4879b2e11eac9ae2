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
@click.option(
    "--allow-host",
    "allowed_hosts",
    multiple=True,
    metavar="NAME",
    help="Also answer requests addressed to this host name (repeatable), e.g. the "
    "machine's name when serving on 0.0.0.0. Requests naming any other host are "
    "refused, which stops DNS-rebinding pages reaching the API.",
)
def serve(db_url: str, host: str, port: int, allowed_hosts: tuple[str, ...]) -> None:
    """Browse a store in the web browser, or query it over a JSON API.

    \b
    Pages:  http://HOST:PORT/           search, articles
            /articles/ID                text with facts highlighted
            /actors/ID, /dyads/A/B      actor profile, events between two sides
            /figures, /map              a measure over time, event places
    API:    /api/...                    documented at /docs (OpenAPI)

    Read-only: nothing in the store is changed. Pages load nothing from
    other servers and run no script of stored text (Content-Security-Policy).
    """

    import uvicorn

    from dateline.server import create_app

    try:
        app = create_app(db_url, allowed_hosts=(host, *allowed_hosts))
    except DatelineError as error:
        fail(str(error))
    click.echo(f"dateline: serving {app.state.store.url} at http://{host}:{port}/ (Ctrl-C stops)")
    uvicorn.run(app, host=host, port=port, log_level="warning")
