"""Write, or compare, dateline's extraction output on a fixed set of real articles.

A refactor that "changes no output" has to show it: this script extracts the
dev gold, the TASS politics sample, the first 300 BBC and the first 300
Reuters-21578 articles and writes one JSON line per article (the shape of
`dateline extract --format jsonl`, spans and confidences included). Run it
before and after a change and compare the two files:

    .venv/bin/python scripts/output_snapshot.py write /tmp/before.jsonl
    ... change the code ...
    .venv/bin/python scripts/output_snapshot.py write /tmp/after.jsonl
    .venv/bin/python scripts/output_snapshot.py compare /tmp/before.jsonl /tmp/after.jsonl

`compare` prints how many articles are byte-identical per corpus and, for
each that is not, the first fact that differs; it exits 1 on any difference.
The corpora are read from `../shared/corpus` beside the checkout (or
`--shared PATH`); nothing of them is copied into the repository.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent

CORPORA: tuple[tuple[str, str, int | None], ...] = (
    ("dev", "eval/dev/*.jsonl", None),
    ("tass-politics-sample", "corpus/tass-politics-sample/tass_politics_20.jsonl", None),
    ("bbc", "corpus/bbc-fulltext/bbc_fulltext.jsonl", 300),
    ("reuters", "corpus/reuters21578/reuters21578.jsonl", 300),
)
"""(name, path under shared/ (a glob), how many records with text; None = all)."""


def _records(shared: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    for name, pattern, limit in CORPORA:
        paths = sorted(shared.glob(pattern))
        if not paths:
            raise SystemExit(f"no files match {shared / pattern}; pass --shared PATH")
        lines = (line for path in paths for line in path.open(encoding="utf-8") if line.strip())
        records = (json.loads(line) for line in lines)
        with_text = (r for r in records if isinstance(r.get("text"), str) and r["text"].strip())
        for record in islice(with_text, limit):
            yield name, record


def write(out: Path, shared: Path, model: str | None) -> None:
    from dateline.pipeline import extract_records

    pairs = list(_records(shared))
    names = [name for name, _ in pairs]
    with out.open("w", encoding="utf-8") as sink:
        found = extract_records((record for _, record in pairs), model=model)
        for name, result in zip(names, found, strict=True):
            sink.write(json.dumps({"corpus": name, **result}, ensure_ascii=False, sort_keys=True))
            sink.write("\n")
    print(f"wrote {len(pairs)} articles to {out}")


def _first_difference(a: dict[str, Any], b: dict[str, Any]) -> str:
    for key in sorted(set(a) | set(b)):
        if a.get(key) == b.get(key):
            continue
        left, right = a.get(key), b.get(key)
        if isinstance(left, list) and isinstance(right, list):
            for i, (x, y) in enumerate(zip(left, right, strict=False)):
                if x != y:
                    return f"{key}[{i}]: {json.dumps(x)[:300]} != {json.dumps(y)[:300]}"
            return f"{key}: {len(left)} items != {len(right)} items"
        return f"{key}: {json.dumps(left)[:300]} != {json.dumps(right)[:300]}"
    return "key order only"


def compare(before: Path, after: Path, show: int) -> int:
    old = [json.loads(line) for line in before.open(encoding="utf-8")]
    new = [json.loads(line) for line in after.open(encoding="utf-8")]
    if [d["id"] for d in old] != [d["id"] for d in new]:
        print("the two files hold different articles (or in another order)")
        return 1
    same: Counter[str] = Counter()
    total: Counter[str] = Counter()
    differences = []
    for a, b in zip(old, new, strict=True):
        total[a["corpus"]] += 1
        if json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True):
            same[a["corpus"]] += 1
        else:
            differences.append((a["corpus"], a["id"], _first_difference(a, b)))
    for corpus in total:
        print(f"{corpus}: {same[corpus]} of {total[corpus]} articles identical")
    for corpus, article_id, what in differences[:show]:
        print(f"  {corpus} {article_id}: {what}")
    if len(differences) > show:
        print(f"  ... and {len(differences) - show} more")
    return 1 if differences else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    writing = commands.add_parser("write", help="extract the fixed articles into OUT")
    writing.add_argument("out", type=Path)
    writing.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    writing.add_argument("--model", help="spaCy pipeline (default: dateline's)")
    comparing = commands.add_parser("compare", help="compare two written files")
    comparing.add_argument("before", type=Path)
    comparing.add_argument("after", type=Path)
    comparing.add_argument("--show", type=int, default=20, help="differences to print")
    args = parser.parse_args()
    if args.command == "write":
        write(args.out, args.shared, args.model)
        return 0
    return compare(args.before, args.after, args.show)


if __name__ == "__main__":
    sys.exit(main())
