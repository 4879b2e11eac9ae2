"""Record, or compare, everything a store answers: CLI readings and every /api response.

A change to how the store is read must not change what users see. This
script reads one store through the public surfaces only (the `dateline`
commands and the HTTP API, never library internals), so the same script
runs on the code before and after a change:

    .venv/bin/python scripts/store_snapshot.py ingest /tmp/dev.db
    .venv/bin/python scripts/store_snapshot.py write /tmp/dev.db /tmp/before.json
    ... change the code ...
    .venv/bin/python scripts/store_snapshot.py write /tmp/dev.db /tmp/after.json
    .venv/bin/python scripts/store_snapshot.py compare /tmp/before.json /tmp/after.json

`ingest` stores the dev gold from `../shared` (or `--shared PATH`). `write`
asks the store for every article (`show --json`, `summary`,
`/api/articles/ID`), every actor (`actor --json`, `/api/actors/ID`), the
lists with their filters and pages, dyads, figures, places, stats, search
and the error answers, and keeps each answer's exit status or HTTP status
with its exact text. `compare` says how many answers
are byte-identical, which differ only in key order, and shows the first
differences; it exits 1 unless every answer is byte-identical.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

REPO = Path(__file__).resolve().parent.parent
INPUTS = ("eval/dev/*.jsonl",)
"""What `ingest` stores, as globs under shared/."""


def ingest(db: Path, shared: Path) -> None:
    from click.testing import CliRunner

    from dateline.cli import main

    paths = [str(p) for pattern in INPUTS for p in sorted(shared.glob(pattern))]
    if not paths:
        raise SystemExit(f"nothing matches {INPUTS} under {shared}; pass --shared PATH")
    result = CliRunner().invoke(main, ["ingest", *paths, "--db", str(db), "--workers", "1"])
    print(result.output.strip().splitlines()[-1] if result.output.strip() else result.exit_code)


def _cli(db: Path, *args: str) -> dict[str, Any]:
    from click.testing import CliRunner

    from dateline.cli import main

    result = CliRunner().invoke(main, [*args, "--db", str(db)])
    return {"exit": result.exit_code, "output": result.output}


def _requests(client: Any) -> Iterator[str]:
    """Every URL to ask, read off the store's own answers so none is typed in."""

    def items(url: str) -> list[dict[str, Any]]:
        return list(client.get(url).json()["items"])

    articles = items("/api/articles?per_page=200")
    actors = items("/api/actors?per_page=200")
    yield "/api/stats"
    yield "/api/places"
    yield "/api/articles"
    for page in (1, 2, 3, 50):
        yield f"/api/articles?per_page=7&page={page}"
    sources = client.get("/api/articles").json()["sources"]
    for query in (
        *({"source": s} for s in sources),
        {"q": "trade turnover"},
        {"q": "Putin"},
        {"since": "2024-01-01"},
        {"until": "2023-01-01"},
        {"since": "2024-12-26", "until": "2024-12-26"},
        {"actor": "mishustin"},
        {"actor": str(actors[0]["actor_id"])},
        {"q": "visit", "per_page": "3", "page": "2"},
    ):
        yield f"/api/articles?{urlencode(query)}"
    for article in articles:
        yield f"/api/articles/{quote(article['id'])}"
    yield "/api/articles/no-such-article"
    yield "/api/actors"
    for query in (
        {"q": "mishustin"},
        {"q": "minister"},
        {"kind": "person"},
        {"kind": "country", "per_page": "5", "page": "2"},
        {"kind": "organization"},
        {"q": "ёж"},
    ):
        yield f"/api/actors?{urlencode(query)}"
    for actor in actors:
        yield f"/api/actors/{actor['actor_id']}"
    yield "/api/actors/999999"
    yield "/api/quotes?per_page=200"
    for query in (
        {"q": "sanctions"},
        {"q": "cooperat*"},
        {"q": "trade and economic"},
        {"speaker": "putin"},
        {"speaker": "statement"},
        {"since": "2024-12-26"},
        {"q": "!!!"},
        {"per_page": "4", "page": "3"},
    ):
        yield f"/api/quotes?{urlencode(query)}"
    events = items("/api/events?per_page=200")
    yield "/api/events?per_page=200"
    for kind in sorted({e["type"] for e in events}):
        yield f"/api/events?type={kind.lower()}"
    for query in (
        {"actor": "KAZ"},
        {"actor": "Putin"},
        {"actor": str(actors[0]["actor_id"])},
        {"pair": "KAZ,RUS"},
        {"pair": "RUS,USA"},
        {"pair": "KAZ"},
        {"actor": "nobody-of-that-name"},
        {"since": "2024-12-26"},
        {"until": "2023-01-01"},
        {"per_page": "3", "page": "2"},
        {"type": "NOT-A-TYPE"},
    ):
        yield f"/api/events?{urlencode(query)}"
    sides = {
        (p["id"], t["id"]) for e in events for p in e["participants"] for t in e["participants"]
    }
    for a, b in sorted(sides)[:40]:
        if a != b:
            yield f"/api/dyads/{a}/{b}"
    yield "/api/dyads/KAZ/RUS"
    yield "/api/dyads/RUS/UKR"
    yield "/api/dyads/KAZ/nobody-of-that-name"
    yield "/api/figures"
    measures = client.get("/api/figures").json()["measures"]
    for measure in measures[:15]:
        yield f"/api/figures?{urlencode({'measure': measure['measure']})}"
    yield "/api/figures?" + urlencode({"measure": "trade turnover", "between": "Kazakhstan,Russia"})
    yield "/api/figures?between=Kazakhstan"
    for words in ("Putin", "trade", "sanctions", "Kazakhstan Russia", "zzzz"):
        yield f"/api/search?{urlencode({'q': words})}"
    yield "/api/search?q="


def write(db: Path, out: Path) -> None:
    from fastapi.testclient import TestClient

    from dateline.server import create_app

    answers: dict[str, Any] = {}
    with TestClient(create_app(str(db)), raise_server_exceptions=False) as client:
        for url in _requests(client):
            response = client.get(url)
            answers[f"GET {url}"] = {"status": response.status_code, "body": response.text}
        article_ids = [a["id"] for a in client.get("/api/articles?per_page=200").json()["items"]]
        names = [a["name"] for a in client.get("/api/actors?per_page=200").json()["items"]]
    for article_id in article_ids:
        answers[f"show {article_id} --json"] = _cli(db, "show", article_id, "--json")
        answers[f"show {article_id}"] = _cli(db, "show", article_id)
        answers[f"summary {article_id}"] = _cli(db, "summary", article_id)
    for name in names:
        answers[f"actor {name} --json"] = _cli(db, "actor", name, "--json")
        answers[f"actor {name}"] = _cli(db, "actor", name)
    for args in (
        ("stats",),
        ("summary",),
        ("summary", "--last", "5"),
        ("summary", "no-such-article"),
        ("show", "no-such-article"),
        ("actor", "nobody-of-that-name"),
        ("actor", "a"),
        ("quotes",),
        ("quotes", "--limit", "500"),
        ("quotes", "--speaker", "putin"),
        ("quotes", "--speaker", "statement"),
        ("quotes", "--contains", "cooperation", "--since", "2024-01-01"),
        ("quotes", "--search", "sanctions"),
        ("quotes", "--search", "trade turnover", "--speaker", "tokayev"),
        ("quotes", "--search", "!!!"),
        ("events",),
        ("events", "--json"),
        ("events", "--type", "CONSULT", "--actor", "KAZ", "--since", "2022-01-01"),
        ("events", "--actor", "Putin", "--json"),
        ("events", "--until", "2023-01-01"),
        ("events", "--since", "not-a-date"),
        ("events", "--type", "ASSAULT", "--actor", "nobody"),
        ("dyad", "KAZ", "RUS"),
        ("dyad", "RUS", "UKR", "--json"),
        ("dyad", "KAZ", "nobody"),
        ("figures", "--measure", "trade turnover"),
        ("figures", "--measure", "trade turnover", "--between", "Kazakhstan", "Russia", "--json"),
        ("figures", "--measure", "gdp", "--levels"),
        ("figures", "--measure", "trade", "--unit", "USD", "--json"),
        ("figures", "--measure", "nothing of that name"),
    ):
        answers[" ".join(args)] = _cli(db, *args)
    out.write_text(json.dumps(answers, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"recorded {len(answers)} answers of {db} in {out}")


def _parsed(answer: dict[str, Any]) -> Any:
    """The answer with its text parsed where it is JSON, so key order no longer counts."""

    text = answer.get("body", answer.get("output"))
    try:
        value = json.loads(text)
    except (TypeError, ValueError):
        return answer
    return {"status": answer.get("status", answer.get("exit")), "json": value}


def _first_difference(old: Any, new: Any, path: str = "") -> str:
    if isinstance(old, dict) and isinstance(new, dict):
        for key in [*old, *(k for k in new if k not in old)]:
            if old.get(key, "<absent>") != new.get(key, "<absent>"):
                return _first_difference(
                    old.get(key, "<absent>"), new.get(key, "<absent>"), f"{path}.{key}"
                )
    if isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        for i, (x, y) in enumerate(zip(old, new, strict=True)):
            if x != y:
                return _first_difference(x, y, f"{path}[{i}]")
    return f"{path}: {json.dumps(old)[:300]} != {json.dumps(new)[:300]}"


def compare(before: Path, after: Path, show: int) -> int:
    old = json.loads(before.read_text(encoding="utf-8"))
    new = json.loads(after.read_text(encoding="utf-8"))
    if list(old) != list(new):
        missing = [k for k in old if k not in new][:5]
        added = [k for k in new if k not in old][:5]
        print(f"different questions: missing {missing}, added {added}")
        return 1
    identical = [k for k in old if old[k] == new[k]]
    order_only = [k for k in old if old[k] != new[k] and _parsed(old[k]) == _parsed(new[k])]
    different = [k for k in old if _parsed(old[k]) != _parsed(new[k])]
    print(f"{len(identical)} of {len(old)} answers byte-identical")
    print(f"{len(order_only)} differ in key order only, {len(different)} differ")
    for key in (different + order_only)[:show]:
        print(f"  {key}: {_first_difference(_parsed(old[key]), _parsed(new[key]))}")
    return 0 if len(identical) == len(old) else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    ingesting = commands.add_parser("ingest", help="store the dev gold in DB")
    ingesting.add_argument("db", type=Path)
    ingesting.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    writing = commands.add_parser("write", help="record every answer of DB in OUT")
    writing.add_argument("db", type=Path)
    writing.add_argument("out", type=Path)
    comparing = commands.add_parser("compare", help="compare two recorded files")
    comparing.add_argument("before", type=Path)
    comparing.add_argument("after", type=Path)
    comparing.add_argument("--show", type=int, default=10, help="differences to print")
    args = parser.parse_args()
    if args.command == "ingest":
        ingest(args.db, args.shared)
        return 0
    if args.command == "write":
        write(args.db, args.out)
        return 0
    return compare(args.before, args.after, args.show)


if __name__ == "__main__":
    sys.exit(main())
