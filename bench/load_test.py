"""A bounded load test of `dateline serve`: latency per endpoint under concurrent clients.

Starts `dateline serve` on a free port of 127.0.0.1 over the given store
(built by bench/load_store.py), picks real targets from the store itself (the
newest articles, the most named actors and the dyads between them, the most
reported measures, common words, several pages of each list), then sends a
fixed number of requests from `--clients` concurrent connections and reports
p50, p95 and max latency and the errors per endpoint. It stops by itself: the
request count is fixed and every request has a timeout. Only loopback is used.

The server keeps answers until the store changes (`dateline.store.cache`), so
two numbers are reported: each URL's first request, one at a time, on a
server just started (nothing kept: what the first visitor after a change
waits), and the concurrent run, on a server started afresh, so its first
requests find nothing kept either and are counted with the rest. A third run
repeats the concurrent one on the server of the first requests, whose answers
are then kept: the steady state of pages people keep opening.

    python bench/load_test.py --db /tmp/load-50k.db --requests 2000 --clients 20
    python bench/load_test.py --db A.db --db B.db --output bench/LOAD.md
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import socket
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import quote

import httpx

REQUEST_TIMEOUT = 30.0
SEARCH_WORDS = (
    "trade",
    "oil prices",
    "Putin",
    "election",
    "bank",
    "minister",
    "war",
    "growth",
    "football",
    "talks",
)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(db: str) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    command = [str(Path(sys.executable).with_name("dateline")), "serve", "--db", db]
    server = subprocess.Popen(
        [*command, "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/api/stats", timeout=2).status_code == 200:
                return server, base
        except httpx.HTTPError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit(f"dateline serve did not answer: {server.stderr.read().decode()[-2000:]}")


def targets(base: str) -> dict[str, list[str]]:
    """Real URLs per endpoint group, read from the store through the API."""

    get = lambda path: httpx.get(base + path, timeout=REQUEST_TIMEOUT).json()  # noqa: E731
    listed = get("/api/articles?per_page=200")
    articles = [a["id"] for a in listed["items"][:100]]
    if listed["pages"] > 1:  # and some from deep in the list
        deep = get(f"/api/articles?per_page=200&page={listed['pages'] // 2}")["items"]
        articles += [a["id"] for a in deep[:50]]
    actors = get("/api/actors?per_page=20")["items"]
    countries = [a for a in get("/api/actors?kind=country&per_page=6")["items"]]
    measures = [m["measure"] for m in get("/api/figures")["measures"][:8]]
    pairs = [(countries[i], countries[j]) for i in range(4) for j in range(i + 1, 5)]
    return {
        "article": [f"/api/articles/{quote(a, safe='')}" for a in articles],
        "search": [f"/api/search?q={quote(w)}" for w in SEARCH_WORDS],
        "actor": [f"/api/actors/{a['actor_id']}" for a in actors]
        + [f"/api/actors/{a['actor_id']}?page={n}" for a in actors[:3] for n in (2, 3)]
        + ["/api/actors", "/api/actors?q=minister", "/api/actors?kind=person&page=2"],
        "figures": [f"/api/figures?measure={quote(m)}" for m in measures or ["trade"]]
        + [f"/api/figures?measure={quote(m)}&page=2" for m in measures[:2]]
        + ["/api/figures"],
        "places": ["/api/places", "/api/places?page=2", "/api/places?per_page=50"],
        "dyad": [f"/api/dyads/{a['country']}/{b['country']}" for a, b in pairs if a["country"]]
        + [
            f"/api/dyads/{actors[i]['actor_id']}/{actors[j]['actor_id']}"
            for i, j in ((0, 1), (0, 2), (1, 2))
        ]
        + [f"/api/dyads/{pairs[0][0]['country']}/{pairs[0][1]['country']}?page=2"],
    }


async def run_load(
    base: str, urls: dict[str, list[str]], requests: int, clients: int
) -> dict[str, list[tuple[float, int]]]:
    plan = [(group, url) for group, items in urls.items() for url in items]
    queue: asyncio.Queue[tuple[str, str]] = asyncio.Queue()
    for i in range(requests):
        queue.put_nowait(plan[i % len(plan)])
    results: dict[str, list[tuple[float, int]]] = defaultdict(list)

    async def client() -> None:
        async with httpx.AsyncClient(base_url=base, timeout=REQUEST_TIMEOUT) as http:
            while not queue.empty():
                group, url = queue.get_nowait()
                started = time.perf_counter()
                try:
                    status = (await http.get(url)).status_code
                except httpx.HTTPError:
                    status = 0
                results[group].append((time.perf_counter() - started, status))

    await asyncio.gather(*(client() for _ in range(clients)))
    return results


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def first_requests(base: str, urls: dict[str, list[str]]) -> dict[str, list[tuple[float, int]]]:
    """Each URL once, one at a time: what a request costs when nothing is kept."""

    results: dict[str, list[tuple[float, int]]] = defaultdict(list)
    with httpx.Client(base_url=base, timeout=REQUEST_TIMEOUT) as http:
        for group, items in urls.items():
            for url in items:
                started = time.perf_counter()
                try:
                    status = http.get(url).status_code
                except httpx.HTTPError:
                    status = 0
                results[group].append((time.perf_counter() - started, status))
    return results


def measure(db: str, requests: int, clients: int) -> tuple[list[str], list[str], list[str]]:
    """Rows of the first-request table and of the cold and warm concurrent tables."""

    server, base = start_server(db)
    try:
        stats = httpx.get(base + "/api/stats", timeout=REQUEST_TIMEOUT).json()
        urls = targets(base)
    finally:
        stop_server(server)
    server, base = start_server(db)  # nothing kept: the targets' answers are forgotten
    try:
        first = first_requests(base, urls)
        warm_before = os.getloadavg()[0]
        warm_started = time.monotonic()
        warm = asyncio.run(run_load(base, urls, requests, clients))
        warm_elapsed = time.monotonic() - warm_started
        warm_after = os.getloadavg()[0]
    finally:
        stop_server(server)
    server, base = start_server(db)
    try:
        load_before = os.getloadavg()[0]
        started = time.monotonic()
        results = asyncio.run(run_load(base, urls, requests, clients))
        elapsed = time.monotonic() - started
        load_after = os.getloadavg()[0]
    finally:
        stop_server(server)
    label = f"{stats['articles']:,}"
    first_rows = [
        f"| {label} | {group} | {len(found)} | "
        f"{sum(1 for _, status in found if status != 200)} | "
        f"{statistics.median([s for s, _ in found]) * 1000:.0f} | "
        f"{max(s for s, _ in found) * 1000:.0f} |"
        for group, found in first.items()
    ]
    load_rows = _latency_rows(label, results, elapsed)
    load_rows[-1] += f" {load_before:.1f} → {load_after:.1f} |"
    warm_rows = _latency_rows(label, warm, warm_elapsed)
    warm_rows[-1] += f" {warm_before:.1f} → {warm_after:.1f} |"
    return first_rows, load_rows, warm_rows


def stop_server(server: subprocess.Popen[bytes]) -> None:
    server.terminate()
    server.wait(timeout=30)


def _latency_rows(
    label: str, results: dict[str, list[tuple[float, int]]], elapsed: float
) -> list[str]:
    rows = []
    every: list[float] = []
    for group, found in results.items():
        seconds = [s for s, _ in found]
        every += seconds
        errors = sum(1 for _, status in found if status != 200)
        rows.append(
            f"| {label} | {group} | {len(found)} | {errors} | "
            f"{statistics.median(seconds) * 1000:.0f} | {percentile(seconds, 0.95) * 1000:.0f} | "
            f"{max(seconds) * 1000:.0f} | |"
        )
    rows.append(
        f"| {label} | **all** ({len(every) / elapsed:.0f} req/s) | {len(every)} | "
        f"{sum(1 for group in results.values() for _, st in group if st != 200)} | "
        f"{statistics.median(every) * 1000:.0f} | {percentile(every, 0.95) * 1000:.0f} | "
        f"{max(every) * 1000:.0f} |"
    )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", action="append", required=True, help="store to serve (repeat)")
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--output", type=Path, help="write a Markdown report here")
    args = parser.parse_args()
    measured = [measure(db, args.requests, args.clients) for db in args.db]
    first = "\n".join(
        [
            "| articles | endpoint | URLs | errors | p50 ms | max ms |",
            "| ---: | --- | ---: | ---: | ---: | ---: |",
        ]
        + [row for rows, _, _ in measured for row in rows]
    )
    header = [
        "| articles | endpoint | requests | errors | p50 ms | p95 ms | max ms | load avg |",
        "| ---: | --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    load = "\n".join(header + [row for _, rows, _ in measured for row in rows])
    warm = "\n".join(header + [row for _, _, rows in measured for row in rows])
    print(first, load, warm, sep="\n\n")
    if args.output:
        args.output.write_text(
            "# Server load test\n\n"
            f"- Date: {dt.date.today()}\n- Clients: {args.clients} concurrent, "
            f"{args.requests} requests per store, loopback only\n"
            f"- Machine: {os.cpu_count()} cores, shared; the 1-minute load average before "
            "and after each concurrent run is in its last row\n"
            "- Produced by `bench/load_test.py` over stores built by `bench/load_store.py`\n\n"
            "## Each URL's first request, one at a time, nothing kept\n\n"
            + first
            + "\n\n## Concurrent clients, server started afresh (misses counted)\n\n"
            + load
            + "\n\n## Concurrent clients, each URL asked once before (answers kept)\n\n"
            + warm
            + "\n",
            encoding="utf-8",
        )


if __name__ == "__main__":
    main()
