"""dateline: news dispatches to evidence-linked data.

`extract(text)` returns the actors, quotes, amounts, events and places of one
article, each tied to its character span; `extract_many(texts)` streams
many. The data types are in `dateline.model`.
"""

from dateline.api import extract, extract_many
from dateline.errors import DatelineError, InputError, ModelNotFound, StoreError
from dateline.model import Actor, Amount, Article, Event, Extraction, Place, Quote, Span

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Amount",
    "Article",
    "DatelineError",
    "Event",
    "Extraction",
    "InputError",
    "ModelNotFound",
    "Place",
    "Quote",
    "Span",
    "StoreError",
    "extract",
    "extract_many",
]
