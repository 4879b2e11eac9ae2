"""Every error as JSON `{"error": {"status", "message"}}`, like datasette does.

A client (or the UI) can show `message` as it is: it says what was wrong
and what to send instead.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from dateline.errors import DatelineError, NotFound, StoreError
from dateline.server.deps import shortened

LOG = logging.getLogger("dateline.server")


def error_response(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": {"status": status, "message": message}}, status_code=status)


def _validation_message(exc: RequestValidationError) -> str:
    """`since: Input should be a valid date (got '2024-13-01')` for each bad parameter."""

    parts = []
    for error in exc.errors():
        where = ".".join(str(x) for x in error.get("loc", ())[1:]) or "request"
        got = error.get("input")
        shown = shortened(got) if isinstance(got, str) else got
        suffix = f" (got {shown!r})" if got is not None and not isinstance(got, dict) else ""
        parts.append(f"{where}: {error.get('msg', 'invalid')}{suffix}")
    return "; ".join(parts) + ". See /docs for the parameters each endpoint takes."


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(NotFound)
    async def not_found(_: Request, exc: NotFound) -> JSONResponse:
        return error_response(404, str(exc))

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> JSONResponse:
        # The store's URL (a file path, a database server) is the operator's, not the client's.
        LOG.warning("store error: %s", exc)
        message = str(exc).replace(request.app.state.store.url, "the store")
        return error_response(503, f"the store cannot answer: {message}")

    @app.exception_handler(DatelineError)
    async def dateline_error(_: Request, exc: DatelineError) -> JSONResponse:
        return error_response(400, str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(422, _validation_message(exc))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        message = str(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}; the API is described at /docs."
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed here: the API is read-only, use GET."
        return error_response(exc.status_code, message)
