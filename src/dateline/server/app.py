"""`create_app`: the FastAPI application, API routers and web pages together."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from dateline.server.errors import install_error_handlers
from dateline.server.routes import actors, articles, events, figures, quotes, search
from dateline.server.security import GuardMiddleware
from dateline.store import Store

STATIC = Path(str(resources.files("dateline.server") / "static"))
SWAGGER_UI = Path(str(resources.files("fastapi_offline") / "static"))
"""Swagger UI 5 (it reads OpenAPI 3.1) as the `fastapi-offline` package ships it."""

PAGES = {
    "/": "index.html",
    "/articles/{article_id}": "article.html",
    "/actors/{actor_id}": "actor.html",
    "/dyads/{a}/{b}": "dyad.html",
    "/figures": "figures.html",
    "/map": "map.html",
    "/docs": "docs.html",
}
"""Web pages: each is a static shell whose script reads its ids from the URL.

`/docs` is Swagger UI over `/openapi.json`, served from the `fastapi-offline`
package rather than FastAPI's default CDN page, so it works offline and under
the Content-Security-Policy (its start-up script is a file, not inline)."""


def create_app(db_url: str, allowed_hosts: Iterable[str] = ()) -> FastAPI:
    """The app over the store at `db_url` (a SQLAlchemy URL or SQLite path).

    The store is opened read-only: the server never creates, migrates or
    indexes anything in it. Requests must name a loopback host or one of `allowed_hosts` (see
    `dateline.server.security`). Raises `StoreError` at once if the store
    cannot be opened, rather than on the first request.
    """

    store = Store(db_url, readonly=True)
    store.cache.on_change = store.warm  # the first look at the store starts it, too

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(
        lifespan=lifespan,
        title="dateline",
        summary="Read-only API over news facts linked to their evidence.",
        description=(
            "Articles, actors, quotes, figures, events and places extracted by dateline. "
            "Every fact carries the character span of its evidence in the article text. "
            'Errors come as `{"error": {"status": ..., "message": ...}}`.'
        ),
        version="1",
        docs_url=None,
        redoc_url=None,
    )
    app.state.store = store
    install_error_handlers(app)
    for module in (articles, actors, quotes, figures, events, search):
        app.include_router(module.router)
    app.add_middleware(GuardMiddleware, allowed_hosts=allowed_hosts)
    app.mount("/static/swagger-ui", StaticFiles(directory=SWAGGER_UI), name="swagger-ui")
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for path, filename in PAGES.items():
        _add_page(app, path, filename)

    return app


def _add_page(app: FastAPI, path: str, filename: str) -> None:
    page = STATIC / filename

    def serve_page() -> FileResponse:
        return FileResponse(page, media_type="text/html")

    app.add_api_route(path, serve_page, include_in_schema=False, name=filename)
