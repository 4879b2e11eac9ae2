"""Write docs/cli.md from the CLI's --help, or check that it is current.

    python scripts/cli_reference.py           # rewrite docs/cli.md
    python scripts/cli_reference.py --check   # exit 1, saying so, if it is out of date

The text comes from `dateline.cli.reference.cli_reference`; tests/test_cli_reference.py
runs the same comparison in `make test`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dateline.cli import main
from dateline.cli.reference import cli_reference

REFERENCE = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def run() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args()
    wanted = cli_reference(main)
    if args.check:
        current = REFERENCE.read_text(encoding="utf-8") if REFERENCE.exists() else ""
        if current != wanted:
            print(
                f"{REFERENCE} is out of date: run python scripts/cli_reference.py", file=sys.stderr
            )
            return 1
        return 0
    REFERENCE.write_text(wanted, encoding="utf-8")
    print(f"wrote {REFERENCE}")
    return 0


if __name__ == "__main__":
    sys.exit(run())
