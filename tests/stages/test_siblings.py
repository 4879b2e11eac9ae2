"""The stages are siblings: none imports another, and the document layer imports none.

What two stages both need about the text lives in `dateline.document`; a
later stage receives the facts of the earlier ones (`Extraction`), never
their internals. Read from the source with `ast`, so an import inside a
function counts too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import dateline

PACKAGE = Path(dateline.__file__).resolve().parent
STAGES = PACKAGE / "stages"


def _imported_modules(path: Path, package: str | None = None) -> list[tuple[int, str]]:
    """(line, module) of every absolute or relative import in one file of `package`
    (by default the package the file lies in)."""

    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    if package is None:
        package = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1])
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            found.append((node.lineno, module))
    return found


def _stage_of(module: str) -> str | None:
    """`actors` for `dateline.stages.actors.extract`; None outside the stages."""

    parts = module.split(".")
    if parts[:2] != ["dateline", "stages"] or len(parts) < 3:
        return None
    return parts[2]


def _stage_folders() -> list[Path]:
    return sorted(p for p in STAGES.iterdir() if p.is_dir() and (p / "__init__.py").exists())


def test_the_five_stages_are_folders() -> None:
    names = {folder.name for folder in _stage_folders()}
    assert names == {"actors", "quotes", "amounts", "places", "events"}


def test_no_stage_imports_another_stage() -> None:
    crossings = []
    for folder in _stage_folders():
        for path in sorted(folder.rglob("*.py")):
            for line, module in _imported_modules(path):
                other = _stage_of(module)
                if other is None or other == folder.name:
                    continue
                crossings.append(f"{path.relative_to(PACKAGE)}:{line} imports {module}")
    assert crossings == []


def test_nothing_lies_loose_in_the_stages_folder() -> None:
    loose = sorted(p.name for p in STAGES.glob("*.py") if p.name != "__init__.py")
    assert loose == []  # dates and ranges are no stages: they live in document/


def test_the_document_layer_imports_no_stage() -> None:
    crossings = [
        f"{path.relative_to(PACKAGE)}:{line} imports {module}"
        for path in sorted((PACKAGE / "document").rglob("*.py"))
        for line, module in _imported_modules(path)
        if _stage_of(module) is not None or module == "dateline.stages"
    ]
    assert crossings == []


def test_the_walk_sees_crossing_imports(tmp_path: Path) -> None:
    """The checker itself: relative, absolute and function-level imports are read."""

    probe = tmp_path / "probe.py"
    probe.write_text(
        "from ..actors.extract import extract_actors\n"
        "from .speakers import SpeakerResolver\n"
        "def late():\n"
        "    import dateline.stages.events.sides\n",
        encoding="utf-8",
    )
    modules = [module for _, module in _imported_modules(probe, "dateline.stages.quotes")]
    assert modules == [
        "dateline.stages.actors.extract",
        "dateline.stages.quotes.speakers",
        "dateline.stages.events.sides",
    ]
