"""What dateline knows beyond the text: countries, organisations, roles, places,
and the word tables of every stage, read from `dateline/data/` once per process.

`reset()` empties every table and lookup kept (see `knowledge.cache`).
"""

from dateline.knowledge.cache import reset

__all__ = ["reset"]
