"""Persisting extractions and reading them back, through SQLAlchemy Core.

One object per concept holds every operation on it:

    with Store("news.db") as store:
        store.save(extraction)
        article = store.articles.get("tass-1893813")   # StoredArticle: .extraction, .as_dict()
        page = store.quotes.page(speaker="mishustin", limit=20)
        page.items, page.total                           # QuoteRow rows, how many in all
        store.actors.find("Mishustin"), store.events.dyad("KAZ", "RUS")
        store.figures.page(measure="trade turnover"), store.places.mapped(), store.stats()

Every row type is a frozen dataclass with `as_dict()` for its JSON.
"""

from dateline.store.actors import ActorProfile, ActorRow, Actors, Counterpart
from dateline.store.articles import ArticleRow, Articles, StoredArticle
from dateline.store.connect import DEFAULT_URL, database_url
from dateline.store.events import DyadMonth, EventRow, Events, Side
from dateline.store.figures import FigureRow, Figures, MeasureCount
from dateline.store.names import normalise_name
from dateline.store.places import MappedPlace, Places
from dateline.store.quotes import QuoteRow, Quotes, RankedQuote
from dateline.store.rows import Page, Row
from dateline.store.store import Store, StoreStats

__all__ = [
    "DEFAULT_URL",
    "ActorProfile",
    "ActorRow",
    "Actors",
    "ArticleRow",
    "Articles",
    "Counterpart",
    "DyadMonth",
    "EventRow",
    "Events",
    "FigureRow",
    "Figures",
    "MappedPlace",
    "MeasureCount",
    "Page",
    "Places",
    "QuoteRow",
    "Quotes",
    "RankedQuote",
    "Row",
    "Side",
    "Store",
    "StoreStats",
    "StoredArticle",
    "database_url",
    "normalise_name",
]
