"""Reading commands and the server open stores read-only (hostile-user report D8, D10, D11).

A mistyped `--db` must say there is no store rather than create an empty
one; someone else's SQLite file must be refused and left byte for byte as it
was; a search from the read-only server must not build an index in the
user's file; and none of these may end in a traceback.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from dateline.cli import main
from dateline.errors import StoreError
from dateline.model import Extraction
from dateline.server import create_app
from dateline.store import Store

READING_COMMANDS = (
    ["stats"],
    ["summary"],
    ["show", "kazinform-2022-07-04-smailov-mishustin"],
    ["actor", "Smailov"],
    ["quotes"],
    ["quotes", "--search", "cooperation"],
    ["figures", "--measure", "trade"],
    ["events"],
    ["dyad", "KAZ", "RUS"],
)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert not isinstance(result.exception, Exception) or isinstance(
        result.exception, SystemExit
    ), result.exception
    return result.exit_code, result.output


@pytest.mark.parametrize("command", READING_COMMANDS, ids=lambda c: " ".join(c))
def test_a_mistyped_path_is_an_error_and_creates_nothing(
    tmp_path: Path, command: list[str]
) -> None:
    missing = tmp_path / "typo.db"
    code, output = run(*command, "--db", str(missing))
    assert code == 1 and "no dateline store at" in output and "dateline ingest" in output
    assert not missing.exists()


@pytest.mark.parametrize("command", READING_COMMANDS, ids=lambda c: " ".join(c))
def test_a_foreign_sqlite_file_is_refused_and_left_unchanged(
    tmp_path: Path, command: list[str]
) -> None:
    foreign = tmp_path / "bookmarks.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("create table bookmarks(id integer primary key, url text)")
    before = digest(foreign)
    code, output = run(*command, "--db", str(foreign))
    assert code == 1 and "is not a dateline store" in output
    assert digest(foreign) == before


def test_a_missing_directory_and_a_file_that_is_no_database_give_errors(tmp_path: Path) -> None:
    code, output = run("stats", "--db", f"sqlite:///{tmp_path}/no/such/dir/x.db")
    assert code == 1 and "no dateline store at" in output
    junk = tmp_path / "junk.db"
    junk.write_bytes(bytes(range(256)) * 800)
    code, output = run("summary", "--db", str(junk))
    assert code == 1 and "cannot open the database" in output


def test_reading_commands_leave_a_store_byte_for_byte_unchanged(
    tmp_path: Path, seed: Extraction
) -> None:
    path = tmp_path / "news.db"
    with Store(str(path)) as store:
        store.save(seed)
    before = digest(path)
    for command in READING_COMMANDS:
        code, output = run(*command, "--db", str(path))
        assert code == 0, (command, output)
    assert digest(path) == before


def test_the_server_searches_without_writing_to_the_store(tmp_path: Path, seed: Extraction) -> None:
    path = tmp_path / "news.db"
    with Store(str(path)) as store:
        store.save(seed)
    before = digest(path)
    with TestClient(create_app(str(path)), base_url="http://127.0.0.1") as client:
        for query in ("/api/quotes?q=cooperation", "/api/search?q=trade", "/api/stats"):
            assert client.get(query).status_code == 200, query
        assert client.get("/api/quotes?q=cooperation").json()["total"] >= 1
    assert digest(path) == before


def test_a_read_only_store_cannot_be_written(tmp_path: Path, seed: Extraction) -> None:
    path = tmp_path / "news.db"
    Store(str(path)).close()
    with Store(str(path), readonly=True) as store, pytest.raises(StoreError):
        store.save(seed)
