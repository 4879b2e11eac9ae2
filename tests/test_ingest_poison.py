"""`dateline ingest` past poison records: one error each, the rest stored, `--resume` passes.

The hostile-user report (issue 22, D1) found records that ended the whole
ingest with a traceback and 0 stored, and a `--resume` that stopped at the
same record forever. The records are generated here between real TASS
dispatches; the run must store every good one and name each bad one by file
and line, and so must the resumed run.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli import main

TASS = [
    "HANOI, December 26. /TASS/. Thanks to the partial restoration of direct flights between "
    "Russia and Vietnam, the flow of Russian tourists arriving in Vietnam has increased again.",
    "DONETSK, December 26. /TASS/. More than 50 children have been killed and more than 200 "
    "others wounded in Ukrainian strikes, Anna Kuznetsova said.",
    "MOSCOW, December 26. /TASS/. Russia's trade with China reached $240bn in 2024, the "
    "Russian customs service said.",
]
POISON = [
    '{"id": "big-int", "text": "MOSCOW. Putin said.", "views": ' + "9" * 5000 + "}",
    '{"id": "deep", "text": "MOSCOW. Putin said.", "m": ' + "[" * 200_000 + "]" * 200_000 + "}",
    '{"id": "surrogate", "text": "MOSCOW, December 26. /TASS/. Putin said \\ud800 hello."}',
    '{"id": "surrogate-title", "title": "\\udc00", "text": "MOSCOW. Lavrov said hello."}',
    '{"title": "no id", "text": "MOSCOW. Lavrov said \\udbff hello."}',
    '{"id": "nul", "text": "MOSCOW. Lavrov\\u0000 said hello."}',
]


def poisoned_inputs(folder: Path) -> tuple[list[str], list[str]]:
    """Input paths with every poison case, and the `path:line` each error must name."""

    mixed = folder / "mixed.jsonl"
    lines = [json.dumps({"id": "tass-0", "text": TASS[0]}), *POISON]
    lines.append(json.dumps({"id": "tass-1", "text": TASS[1]}))
    mixed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    binary = folder / "binary.jsonl"
    binary.write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 40)
    late_nul = folder / "late-nul.txt"
    late_nul.write_bytes((TASS[2] + "\n\n").encode() * 80 + b"\x00tail")
    last = folder / "last.txt"
    last.write_text(TASS[2], encoding="utf-8")
    paths = [mixed, binary, late_nul, last, Path("/dev/zero")]
    named = [f"{mixed}:{n}" for n in range(2, 2 + len(POISON))]
    named += [str(binary), str(late_nul), "/dev/zero"]
    if hasattr(os, "mkfifo"):
        fifo = folder / "pipe.txt"
        os.mkfifo(fifo)
        paths.append(fifo)
        named.append(str(fifo))
    return [str(p) for p in paths], named


def errors_named(output: str) -> list[str]:
    """The place each reported error names (the progress bar may share its line)."""

    return re.findall(r"error: (.+?)(?: \(byte \d+\))?: ", output)


def ingest(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["ingest", "--workers", "1", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    return result.exit_code, result.output


@pytest.mark.slow
def test_poison_records_are_reported_the_rest_stored_and_resume_passes_them(
    tmp_path: Path,
) -> None:
    paths, named = poisoned_inputs(tmp_path)
    db = tmp_path / "news.db"

    code, output = ingest(*paths, "--db", str(db))

    assert code == 1 and "Traceback" not in output
    assert errors_named(output) == named
    with sqlite3.connect(db) as conn:
        stored = {row[0] for row in conn.execute("SELECT id FROM articles")}
    assert len(stored) == 3 and {"tass-0", "tass-1"} <= stored

    code, output = ingest(*paths, "--db", str(db), "--resume")

    assert code == 1 and "Traceback" not in output
    assert errors_named(output) == named
    assert "0 new, 0 updated, 3 already stored" in output
