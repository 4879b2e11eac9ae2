"""docs/cli.md is the CLI's --help as it is now: regenerate it when a command changes."""

from __future__ import annotations

from pathlib import Path

from dateline.cli import main
from dateline.cli.reference import cli_reference

REFERENCE = Path(__file__).resolve().parent.parent / "docs" / "cli.md"


def test_the_reference_is_current() -> None:
    assert REFERENCE.read_text(encoding="utf-8") == cli_reference(main), (
        "docs/cli.md is out of date: run `python scripts/cli_reference.py` and commit it"
    )


def test_the_reference_holds_every_command() -> None:
    text = REFERENCE.read_text(encoding="utf-8")
    for name in main.list_commands(None):  # type: ignore[arg-type]
        assert f"## dateline {name}\n" in text
        assert f"Usage: dateline {name} " in text
