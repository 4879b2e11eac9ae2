"""The process-wide caches of dateline's knowledge, all cleared by one call.

Tables are read once per process and the lookups over them are memoised:
stages ask the same questions in every article. Every such cache is made
here, by `loaded_once` (a table, or an index built from tables), `memoised`
(answers to a lookup) or `emptied_on_reset` (a dict a module fills), so
that `reset()` can empty all of them at once: a test that edits a table, or
a long-lived process that wants the tables read again, calls
`dateline.knowledge.reset()` and the next lookup reads the files afresh.

>>> from dateline.knowledge.countries import country_by_name
>>> country_by_name("Kazakhstan").iso3
'KAZ'
>>> reset()  # the next lookup reads countries.tsv again
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar, cast

_Function = TypeVar("_Function", bound=Callable[..., object])
_Dict = TypeVar("_Dict", bound=dict[Any, Any])

_CLEARERS: list[Callable[[], None]] = []
"""How to empty each cache made here, in the order they were made."""


def loaded_once(function: _Function) -> _Function:
    """`function`'s result kept for the process: a table, or an index built from tables."""

    cached = functools.cache(function)
    _CLEARERS.append(cached.cache_clear)
    return cast(_Function, cached)


def memoised(maxsize: int | None) -> Callable[[_Function], _Function]:
    """Keep the answers of a lookup: at most `maxsize` of them, least recent dropped
    first, or every one (None) where the questions are few (country codes)."""

    def decorate(function: _Function) -> _Function:
        cached = functools.lru_cache(maxsize=maxsize)(function)
        _CLEARERS.append(cached.cache_clear)
        return cast(_Function, cached)

    return decorate


def emptied_on_reset(kept: _Dict) -> _Dict:
    """A module's own cache dict (for keys a decorator cannot hash), emptied by `reset()`."""

    _CLEARERS.append(kept.clear)
    return kept


def reset() -> None:
    """Empty every cache made here: tables are read again on their next use."""

    for clear in _CLEARERS:
        clear()
