"""The REST API and web UI over a store: `create_app(db_url)`, run by `dateline serve`.

Read-only by construction: routes only call the store's reading methods
(`store.articles`, `store.quotes`, ...); no SQL is built here. The UI is
plain HTML/CSS/JS under `static/`, served by the same app, so nothing is
fetched from a CDN or tile server at run time.
"""

from __future__ import annotations

from dateline.server.app import create_app

__all__ = ["create_app"]
