#!/usr/bin/env python3
"""Load test of `claimdb serve` on loopback: N concurrent clients, M requests.

    bench/serve_load.py --db build-bench/work/claims-1000000.db [--claimdb build/claimdb]
                        [--clients 8] [--requests 2000] [--seed 7]

Starts the server on a free loopback port (it waits for the line naming the
address), samples ids from the database through `claimdb claims`, then sends
a fixed mix of page requests from --clients threads, each on its own
keep-alive connection: entity pages and their JSON twins, claim, source and
search pages and range charts. Prints p50, p95 and p99 latency per kind and
overall, the errors (any answer but 200, or a failed connection), and the
load average before and after. Python's standard library only.
"""
import argparse
import csv
import http.client
import io
import os
import random
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse


def percentile(values, p):
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = max(0, min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1)))))
    return ordered[k]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", required=True)
    ap.add_argument("--claimdb", default="build/claimdb")
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()

    sample = subprocess.run([args.claimdb, "--db", args.db, "claims", "--limit", "5000", "--format", "csv"],
                            check=True, capture_output=True, text=True).stdout
    rows = list(csv.DictReader(io.StringIO(sample)))
    claims = [r["id"] for r in rows]
    entities = sorted({r["entity"] for r in rows})
    sources = sorted({r["claimant"] for r in rows})
    charts = sorted({(r["entity"], r["property"]) for r in rows if r["interval"]})
    words = ["drones", "heating", "power plant", "civilians", "missiles intercepted", "strike"]

    rng = random.Random(args.seed)
    q = urllib.parse.quote
    mix = [("entity", 30), ("api/entity", 15), ("claim", 25), ("source", 10), ("search", 10), ("chart", 10)]
    plan = []
    for _ in range(args.requests):
        kind = rng.choices([k for k, _ in mix], [w for _, w in mix])[0]
        if kind == "entity":
            path = "/entity/" + q(rng.choice(entities), safe="")
        elif kind == "api/entity":
            path = "/api/entity/" + q(rng.choice(entities), safe="")
        elif kind == "claim":
            path = "/claim/" + q(rng.choice(claims), safe="")
        elif kind == "source":
            path = "/source/" + q(rng.choice(sources), safe="")
        elif kind == "search":
            path = "/search?q=" + q(rng.choice(words))
        else:
            e, p = rng.choice(charts)
            path = "/chart.svg?entity=" + q(e, safe="") + "&property=" + q(p, safe="")
        plan.append((kind, path))

    server = subprocess.Popen([args.claimdb, "--db", args.db, "serve", "--port", "0",
                               "--threads", str(args.clients)],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = server.stdout.readline()
    if "read-only at http://" not in line:
        sys.exit("the server did not start: " + line)
    port = int(line.rsplit(":", 1)[1].strip().strip("/"))

    load_before = os.getloadavg()
    results = []  # (kind, seconds, ok)
    lock = threading.Lock()
    cursor = iter(plan)

    def client():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        while True:
            with lock:
                item = next(cursor, None)
            if item is None:
                break
            kind, path = item
            start = time.perf_counter()
            ok = False
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                ok = response.status == 200
                if response.getheader("Connection", "").lower() == "close":
                    conn.close()
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            elapsed = time.perf_counter() - start
            with lock:
                results.append((kind, elapsed, ok, path))
        conn.close()

    # The overview scans every contradiction once, then comes from the cache: timed alone, first.
    start = time.perf_counter()
    warm = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    warm.request("GET", "/")
    overview_status = warm.getresponse()
    overview_status.read()
    overview_first = time.perf_counter() - start
    warm.close()

    wall = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(args.clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - wall
    load_after = os.getloadavg()
    server.terminate()
    server.wait(timeout=30)

    errors = [r for r in results if not r[2]]
    print(f"claimdb serve load test: {args.clients} clients, {len(results)} requests, db {args.db}")
    print(f"load average before {load_before[0]:.2f} {load_before[1]:.2f} {load_before[2]:.2f}, "
          f"after {load_after[0]:.2f} {load_after[1]:.2f} {load_after[2]:.2f}; {os.cpu_count()} cores")
    print(f"overview, first request (scans every contradiction, then cached): "
          f"{overview_first * 1000:.0f} ms, status {overview_status.status}")
    print(f"{'kind':<12} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    for kind in [k for k, _ in mix] + ["all"]:
        times = [r[1] * 1000 for r in results if kind == "all" or r[0] == kind]
        if times:
            print(f"{kind:<12} {len(times):>5} {percentile(times, 50):>8.1f} {percentile(times, 95):>8.1f} "
                  f"{percentile(times, 99):>8.1f} {max(times):>8.1f}")
    print(f"wall {wall:.1f} s, {len(results) / wall:.1f} requests/s, errors {len(errors)}")
    for e in errors[:10]:
        print("  error:", e[3])
    print(f"RESULT serve p50 {percentile([r[1] * 1000 for r in results], 50):.1f} ms, "
          f"p99 {percentile([r[1] * 1000 for r in results], 99):.1f} ms, errors {len(errors)}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
