"""One router a resource; `create_app` includes them all under /api."""
