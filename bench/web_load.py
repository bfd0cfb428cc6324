"""Requests/s and latency of /api/ask and /api/search under a bounded loopback load.

    python bench/web_load.py [--db FILE] [--requests 2000] [--threads 4]
Starts `derek serve` on a free 127.0.0.1 port in a subprocess, sends a fixed number of GET
requests per endpoint from a few threads (http.client, keep-alive), stops the server and
prints JSON. Without --db the knowledge base is built from examples/corpus in a temp folder.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

# Questions and search words of our own, about facts the sample corpus states.
QUESTIONS = ["Қазақстан БҰҰ-ға қашан мүше болды?", "ШЫҰ қашан құрылды?",
             "ТМД-дан қай мемлекет шықты?", "АӨСШК-ге неше мемлекет мүше?",
             "Семей полигоны қашан жабылды?"]
SEARCHES = ["ШЫҰ", "Қазақстан БҰҰ", "Достастық", "ядролық қару", "Еуразиялық экономикалық одақ"]


def build_kb(folder: Path) -> Path:
    import derek
    from derek.ingest import ingest_paths

    path = folder / "kb.db"
    with derek.open(path) as kb:
        ingest_paths(kb, [str(REPO / "examples" / "corpus")])
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, port: int) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen([sys.executable, "-m", "derek", "serve", "--db", str(db), "--host",
                             "127.0.0.1", "--port", str(port)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/api/stats")
            if conn.getresponse().status == 200:
                return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not start within 60 s")


def worker(port: int, paths: list[str]) -> tuple[list[float], int]:
    """Send ``paths`` in order over one keep-alive connection; latencies (s) and errors."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    latencies, errors = [], 0
    for path in paths:
        t = time.perf_counter()
        conn.request("GET", path)
        response = conn.getresponse()
        response.read()
        latencies.append(time.perf_counter() - t)
        errors += response.status != 200
    conn.close()
    return latencies, errors


def load(port: int, route: str, texts: list[str], requests: int, threads: int) -> dict:
    paths = [f"{route}?q={quote(texts[i % len(texts)])}" for i in range(requests)]
    worker(port, paths[: len(texts)])  # warm-up: caches, lazily loaded models
    shares = [paths[i::threads] for i in range(threads)]
    started = time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        results = list(pool.map(lambda share: worker(port, share), shares))
    seconds = time.perf_counter() - started
    latencies = sorted(x for lat, _ in results for x in lat)
    pick = lambda q: round(latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000, 1)
    return {"requests": requests, "threads": threads, "errors": sum(e for _, e in results),
            "seconds": round(seconds, 2), "requests_per_s": round(requests / seconds, 1),
            "mean_ms": round(statistics.fmean(latencies) * 1000, 1), "p50_ms": pick(0.50),
            "p99_ms": pick(0.99), "max_ms": round(latencies[-1] * 1000, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", help="knowledge base (default: built from examples/corpus)")
    parser.add_argument("--requests", type=int, default=2000, help="requests per endpoint")
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(args.db) if args.db else build_kb(Path(tmp))
        port = free_port()
        server = start_server(db, port)
        try:
            results = {route: load(port, route, texts, args.requests, args.threads)
                       for route, texts in (("/api/search", SEARCHES), ("/api/ask", QUESTIONS))}
        finally:
            server.terminate()
            try:
                server.wait(10)
            except subprocess.TimeoutExpired:
                server.kill()
    print(json.dumps({"machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                                  "load_avg_1m": round(os.getloadavg()[0], 2)},
                      "server": "derek serve (uvicorn, 1 process)", "results": results}, indent=2))


if __name__ == "__main__":
    main()
