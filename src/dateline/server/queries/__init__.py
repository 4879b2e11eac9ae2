"""Read queries the server needs beyond `dateline.store`'s, in SQLAlchemy Core.

Each function takes a `Connection` and returns JSON-ready values, like
`dateline.store.read`, so it runs on SQLite and PostgreSQL alike.
"""
