"""Time and memory of `dateline export` on a big store, every format.

Each export runs as its own `dateline export` process (writing to a file in
a temporary folder), and its peak resident memory is read from the kernel
(`wait4`'s rusage), so the figure is what a user's export costs, Python,
SQLite or PostgreSQL driver and pyarrow together. An export that streams
stays at about the same memory whatever the store's size; run it on stores
of two sizes (bench/load_store.py builds them) to see it:

    python bench/load_store.py --db /tmp/big.db --articles 200 --total 20000
    python bench/export_store.py --db /tmp/big.db
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DATELINE = Path(sys.executable).with_name("dateline")
RUNS = (
    ("gdelt-events", ()),
    ("gdelt-mentions", ()),
    ("plover", ()),
    ("csv", ("--table", "mentions")),
    ("jsonl", ("--table", "articles")),
    ("parquet", ("--table", "mentions")),
)


def measure(db: str, fmt: str, extra: tuple[str, ...], folder: Path) -> tuple[float, int, int]:
    """Seconds, peak resident KiB and bytes written of one export."""

    output = folder / f"out.{fmt}"
    command = [str(DATELINE), "export", "--format", fmt, *extra, "--db", db, "-o", str(output)]
    started = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.monotonic() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed")
    return elapsed, usage.ru_maxrss, output.stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, help="the store to export (path or URL)")
    args = parser.parse_args()
    print("| format | seconds | peak RSS (MiB) | output (MiB) |")
    print("| --- | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory() as folder:
        for fmt, extra in RUNS:
            seconds, peak, size = measure(args.db, fmt, extra, Path(folder))
            label = " ".join((fmt, *extra))
            print(f"| {label} | {seconds:.1f} | {peak / 1024:.0f} | {size / 2**20:.1f} |")


if __name__ == "__main__":
    main()
