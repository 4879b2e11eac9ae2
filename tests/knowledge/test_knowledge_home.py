"""knowledge/ is the one home of tables: stages and the store read them only through it,
and every table kept in memory is emptied by `knowledge.reset()`."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from dateline import knowledge
from dateline.knowledge import speech_words
from dateline.knowledge.tables import read_table

PACKAGE = Path(knowledge.__file__).resolve().parent.parent
TABLE_READERS = frozenset({"read_table", "open", "read_text", "read_bytes", "files", "tomllib"})
"""Names whose use in a module means it reads a file itself."""
TABLE_SUFFIXES = (".tsv", ".toml", ".json", ".csv")
FILE_MODULES = frozenset({"dateline.knowledge.tables.read_table", "csv", "json", "tomllib"})


def _modules(folder: str) -> list[Path]:
    paths = sorted((PACKAGE / folder).rglob("*.py"))
    assert paths, f"no modules under {folder}"
    return paths


def _imports(tree: ast.AST) -> Iterator[str]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


def _file_reads(tree: ast.AST) -> Iterator[str]:
    """Calls and imports through which a module would read a table itself."""

    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in TABLE_READERS:
                yield f"line {node.lineno}: {name}()"
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and node.value.endswith(TABLE_SUFFIXES)
        ):
            yield f"line {node.lineno}: {node.value!r}"
    for module in _imports(tree):
        if module in FILE_MODULES or module.startswith("importlib"):
            yield f"imports {module}"


@pytest.mark.parametrize("path", _modules("stages"), ids=lambda p: p.name)
def test_no_stage_reads_a_table(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert list(_file_reads(tree)) == [], f"{path} reads a table; load it in knowledge/"


@pytest.mark.parametrize("path", _modules("store"), ids=lambda p: p.name)
def test_store_imports_no_stage(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    stages = [m for m in _imports(tree) if m.startswith("dateline.stages")]
    assert stages == [], f"{path} imports {stages}; what it needs belongs in knowledge/"


def test_the_check_finds_a_module_that_reads_a_table() -> None:
    """The AST check above is not vacuous: a loader of the kind that used to sit in
    the stages is caught."""

    source = (
        "from dateline.knowledge.tables import read_table\n"
        "def verbs():\n"
        "    return read_table('speech_verbs.tsv')\n"
    )
    found = list(_file_reads(ast.parse(source)))
    assert "line 3: read_table()" in found
    assert "line 3: 'speech_verbs.tsv'" in found


@pytest.fixture
def fresh_tables() -> Iterator[None]:
    knowledge.reset()
    yield
    knowledge.reset()


@pytest.mark.usefixtures("fresh_tables")
def test_reset_reads_an_edited_table_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """A table is read once; after `reset()` an edit to it is seen."""

    shipped = speech_words.speech_verbs()
    assert speech_words.speech_verbs() is shipped, "kept, not read on every call"
    assert "harrumph" not in shipped

    def edited(name: str) -> list[dict[str, str]]:
        rows = read_table(name)
        return [*rows, {"lemma": "harrumph", "speech": "yes", "reported": "no"}]

    monkeypatch.setattr(speech_words, "read_table", edited)
    assert "harrumph" not in speech_words.speech_verbs(), "the kept table until reset"
    knowledge.reset()
    entries = speech_words.speech_verbs()["harrumph"]
    assert [(e.words, e.speech, e.reported) for e in entries] == [(("harrumph",), True, False)]
