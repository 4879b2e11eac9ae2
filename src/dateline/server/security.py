"""What keeps the read-only server safe to open in a browser.

Three guards sit around every request, as one small ASGI middleware:

- **Host check.** The server listens on loopback, but a web page elsewhere can
  still reach it by DNS rebinding (a name of the attacker's that resolves to
  127.0.0.1). Browsers send that name in `Host`, so a request whose `Host` is
  not loopback, the host `dateline serve` was told to bind, or one the user
  allowed (`--allow-host`) is refused with 400.
- **Headers.** A Content-Security-Policy that allows scripts, styles and
  requests from this server only (no inline script, no inline style, no other
  origin), so even a missed escaping bug cannot run stored text; plus
  `nosniff`, no framing and no referrer.
- **Readable parameters.** A query string over `MAX_QUERY_STRING` characters, or a
  parameter or path holding a control character (a NUL, which PostgreSQL cannot
  even compare), is refused with 422 before any route runs; each route bounds
  its own parameters further.
- **No unhandled error escapes.** An exception a route did not expect becomes
  the JSON error envelope with status 500 (the traceback goes to the log), so
  clients always get JSON and a keep-alive connection stays open: uvicorn
  closes the connection when an exception reaches it.
"""

from __future__ import annotations

import json
import logging
import unicodedata
from collections.abc import Iterable
from typing import Any
from urllib.parse import parse_qsl

from starlette.types import ASGIApp, Message, Receive, Scope, Send

LOG = logging.getLogger("dateline.server")

LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})

MAX_QUERY_STRING = 4096
"""Characters of a query string: every parameter's own bound fits in it many times over."""

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        # data: only for images: the blank favicon and Swagger UI's icons.
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)

SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
)


def host_name(header: str) -> str:
    """The name in a `Host` header, without its port: `[::1]:8000` gives `::1`."""

    value = header.strip().lower()
    if value.startswith("["):
        return value[1 : value.find("]")] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


class GuardMiddleware:
    """Host check, security headers and a JSON 500 for every request."""

    def __init__(self, app: ASGIApp, allowed_hosts: Iterable[str] = ()) -> None:
        self.app = app
        self.allowed_hosts = LOOPBACK_HOSTS | {host_name(h) for h in allowed_hosts if h}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        host = _header(scope, b"host")
        if host is not None and host_name(host) not in self.allowed_hosts:
            await _send_error(
                send,
                400,
                f"this server does not answer to the host {host_name(host)!r}; open it as "
                "http://127.0.0.1:PORT, or start it with --allow-host NAME to allow that name.",
            )
            return

        unreadable = unreadable_request(scope)
        if unreadable is not None:
            await _send_error(send, 422, unreadable)
            return

        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            LOG.exception("unexpected error answering %s", scope.get("path"))
            if not started:
                await _send_error(
                    send,
                    500,
                    "the server failed on this request; the error is in the server's log. "
                    "Please report it with the URL.",
                )


def unreadable_request(scope: Scope) -> str | None:
    """Why the request's path or query string cannot be a dateline request, or None."""

    query = bytes(scope.get("query_string", b"")).decode("latin-1")
    if len(query) > MAX_QUERY_STRING:
        return (
            f"the query string is {len(query):,} characters long; the API takes at most "
            f"{MAX_QUERY_STRING:,}. See /docs for each parameter's bounds."
        )
    if _has_control(scope.get("path", "")):
        return "the path holds a control character (such as NUL); no stored id has one."
    for name, value in parse_qsl(query, keep_blank_values=True, errors="replace"):
        if _has_control(name) or _has_control(value):
            return f"{name[:40]}: the value holds a control character (such as NUL); remove it."
    return None


def _has_control(text: str) -> bool:
    return any(unicodedata.category(ch) == "Cc" for ch in text)


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return bytes(value).decode("latin-1")
    return None


async def _send_error(send: Send, status: int, message: str) -> None:
    body = json.dumps({"error": {"status": status, "message": message}}).encode()
    headers: list[Any] = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        *SECURITY_HEADERS,
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
