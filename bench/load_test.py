"""A bounded load test of `dateline serve`: latency per endpoint under concurrent clients.

Starts `dateline serve` on a free port of 127.0.0.1 over the given store
(built by bench/load_store.py), picks real targets from the store itself (the
newest articles, the most named actors and the dyads between them, the most
reported measures, common words), then sends a fixed number of requests from
`--clients` concurrent connections and reports p50, p95 and max latency and
the errors per endpoint. It stops by itself: the request count is fixed and
every request has a timeout. Only loopback is used.

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
SEARCH_WORDS = ("trade", "oil prices", "Putin", "election", "bank")


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
    articles = [a["id"] for a in get("/api/articles?per_page=20")["items"]]
    actors = get("/api/actors?per_page=10")["items"]
    countries = [a for a in get("/api/actors?kind=country&per_page=6")["items"]]
    measures = [m["measure"] for m in get("/api/figures?measure=trade")["measures"][:5]]
    pairs = [(countries[i], countries[j]) for i in range(3) for j in range(i + 1, 4)]
    return {
        "article": [f"/api/articles/{quote(a, safe='')}" for a in articles],
        "search": [f"/api/search?q={quote(w)}" for w in SEARCH_WORDS],
        "actor": [f"/api/actors/{a['actor_id']}" for a in actors],
        "figures": [f"/api/figures?measure={quote(m)}" for m in measures or ["trade"]]
        + ["/api/figures"],
        "dyad": [f"/api/dyads/{a['country']}/{b['country']}" for a, b in pairs if a["country"]]
        + [f"/api/dyads/{actors[0]['actor_id']}/{actors[1]['actor_id']}"],
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


def measure(db: str, requests: int, clients: int) -> list[str]:
    server, base = start_server(db)
    try:
        stats = httpx.get(base + "/api/stats", timeout=REQUEST_TIMEOUT).json()
        urls = targets(base)
        started = time.monotonic()
        results = asyncio.run(run_load(base, urls, requests, clients))
        elapsed = time.monotonic() - started
    finally:
        server.terminate()
        server.wait(timeout=30)
    rows = []
    every: list[float] = []
    for group, found in results.items():
        seconds = [s for s, _ in found]
        every += seconds
        errors = sum(1 for _, status in found if status != 200)
        rows.append(
            f"| {stats['articles']:,} | {group} | {len(found)} | {errors} | "
            f"{statistics.median(seconds) * 1000:.0f} | {percentile(seconds, 0.95) * 1000:.0f} | "
            f"{max(seconds) * 1000:.0f} |"
        )
    rows.append(
        f"| {stats['articles']:,} | **all** ({len(every) / elapsed:.0f} req/s) | {len(every)} | "
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
    header = [
        "| articles | endpoint | requests | errors | p50 ms | p95 ms | max ms |",
        "| ---: | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    rows = [row for db in args.db for row in measure(db, args.requests, args.clients)]
    table = "\n".join(header + rows)
    print(table)
    if args.output:
        load = os.getloadavg()
        args.output.write_text(
            "# Server load test\n\n"
            f"- Date: {dt.date.today()}\n- Clients: {args.clients} concurrent, "
            f"{args.requests} requests per store, loopback only\n"
            f"- Machine: {os.cpu_count()} cores; load average at the end "
            f"{load[0]:.1f} {load[1]:.1f} {load[2]:.1f}\n"
            "- Produced by `bench/load_test.py` over stores built by `bench/load_store.py`\n\n"
            + table
            + "\n",
            encoding="utf-8",
        )


if __name__ == "__main__":
    main()
