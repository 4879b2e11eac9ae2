"""Read queries only the server needs, in SQLAlchemy Core.

The article list (one page of a filtered, searched list with fact counts)
and the places of the map exist nowhere else. Actors, events, dyads,
figures and quote search come from `dateline.store.actors`, `.events`,
`.figures` and `.search`, which the CLI uses too, so both answer alike.
Each function here takes a `Connection` and returns JSON-ready values, like
`dateline.store.read`, so it runs on SQLite and PostgreSQL alike.
"""
