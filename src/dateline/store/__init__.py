"""Persisting extractions and querying them, through SQLAlchemy Core.

with Store.open("news.db") as store:
    store.save(extraction)
    quotes, total = store.page_quotes(speaker="mishustin")
"""

from dateline.store.connect import DEFAULT_URL, database_url
from dateline.store.names import normalise_name
from dateline.store.store import Store

__all__ = ["DEFAULT_URL", "Store", "database_url", "normalise_name"]
