"""Time extraction of one long article at growing lengths, stage by stage.

Issue 22 measured 25K characters in 1.4 s, 200K in 17.1 s and 990K in
11.5 min: a stage whose cost grows with (length x length) stalls a worker on
one long transcript. This bench builds articles of 25K, 100K, 200K and 400K
characters from real BBC full texts (../shared/corpus, concatenated in corpus
order, joined by blank lines so paragraphs stay paragraphs), extracts each
once in this process and prints the CPU seconds of this process for the
parse and for all stages (`time.process_time`: other work on a shared
machine counts less than on a wall clock), and the wall seconds of each
stage from the pipeline's own `StageTimer`. Doubling the length should
roughly double every column.

    python bench/long_articles.py [--lengths 25000,100000,200000,400000] [--shared PATH]

It uses only `parse_article` and `run_stages`, so the same script times an
older checkout: `PYTHONPATH=/path/to/old/src python bench/long_articles.py`.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from dateline.parsing import load_model, parse_article
from dateline.pipeline import StageTimer, run_stages, warm_up
from dateline.readers import read_text

HERE = Path(__file__).resolve().parent
DEFAULT_SHARED = HERE.parent.parent / "shared"
CORPUS = "corpus/bbc-fulltext/bbc_fulltext.jsonl"
DEFAULT_LENGTHS = (25_000, 100_000, 200_000, 400_000)


def long_text(shared: Path, length: int) -> str:
    """The first `length` characters of the corpus bodies joined by blank lines."""

    pieces: list[str] = []
    total = 0
    with (shared / CORPUS).open(encoding="utf-8") as lines:
        for line in lines:
            text = json.loads(line).get("text")
            if not isinstance(text, str) or not text.strip():
                continue
            pieces.append(text.strip())
            total += len(pieces[-1]) + 2
            if total >= length:
                break
    if total < length:
        raise SystemExit(f"{shared / CORPUS} holds only {total} characters")
    return "\n\n".join(pieces)[:length]


def time_one(text: str) -> dict[str, float]:
    """Seconds to parse and to run the stages on one article of `text`."""

    nlp = load_model()
    article = read_text(text, id=f"long-{len(text)}")
    started = time.process_time()
    parsed = parse_article(article, nlp)
    seconds = {"parse cpu": time.process_time() - started}
    timer = StageTimer()
    started = time.process_time()
    run_stages(parsed, timer)
    seconds["stages cpu"] = time.process_time() - started
    seconds.update((f"{name} wall", spent) for name, spent in timer.seconds.items())
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--lengths", default=",".join(str(n) for n in DEFAULT_LENGTHS), help="characters"
    )
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    args = parser.parse_args(argv)
    lengths = [int(n) for n in args.lengths.split(",")]
    warm_up()
    rows = [(length, time_one(long_text(args.shared, length))) for length in lengths]
    columns = list(rows[0][1])
    print("| characters | " + " | ".join(columns) + " |")
    print("| ---: | " + " | ".join("---:" for _ in columns) + " |")
    for length, seconds in rows:
        cells = " | ".join(f"{seconds.get(c, 0.0):.2f}" for c in columns)
        print(f"| {length:,} | {cells} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
