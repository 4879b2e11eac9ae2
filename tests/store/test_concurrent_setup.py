"""Several processes opening one new PostgreSQL store at once all get it.

A team's first two ingests, started together on an empty database, both
create the tables; without a lock one of them fails on PostgreSQL's catalog.
Here eight threads open the same new database at the same moment.
"""

from __future__ import annotations

import os
import threading

import pytest
from tests.conftest import POSTGRES_ENV, postgres_url

from dateline.store import Store

OPENERS = 8


@pytest.mark.skipif(not os.environ.get(POSTGRES_ENV), reason="needs the tests' PostgreSQL")
def test_stores_opened_together_on_a_new_database_all_open() -> None:
    url = postgres_url("dateline_setup_race")
    start = threading.Barrier(OPENERS)
    failures: list[BaseException] = []

    def open_store() -> None:
        start.wait()
        try:
            with Store(url) as store:
                store.check_writable()
        except Exception as exc:  # every failure is the finding
            failures.append(exc)

    threads = [threading.Thread(target=open_store) for _ in range(OPENERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert failures == []
    with Store(url, readonly=True) as store:
        assert store.stats().articles == 0
