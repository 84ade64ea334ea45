#!/usr/bin/env python3
"""The Python module against the command line, in the same run.

    PYTHONPATH=build/python python3 bench/python_bench.py [--claims 1000000] [--runs 3]

Generates a corpus (build/bench/generate), then, RUNS times each, alternating:
imports it into a fresh file and lists every conflict as JSON with the
`claimdb` command (`import`, then `conflicts --format json`), and does the
same through the module (`import_files`, then `conflicts()` as dicts). Prints
the median of each and the ratio; the target is a binding that costs at most
10% more than the command.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

import claimdb

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--claims", type=int, default=1000000)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--build", default=os.path.join(ROOT, "build"))
    args = p.parse_args()
    binary = os.path.join(args.build, "claimdb")
    with tempfile.TemporaryDirectory() as d:
        corpus = os.path.join(d, "corpus.jsonl")
        subprocess.run([os.path.join(args.build, "bench", "generate"), "--claims", str(args.claims),
                        "--seed", "7", "-o", corpus], check=True)
        cli, py = [], []
        for run in range(args.runs):
            db = os.path.join(d, "cli-%d.db" % run)
            start = time.perf_counter()
            subprocess.run([binary, "--db", db, "import", corpus], check=True, stderr=subprocess.DEVNULL)
            out = subprocess.run([binary, "--db", db, "conflicts", "--format", "json"], check=True,
                                 stdout=subprocess.PIPE).stdout
            cli.append(time.perf_counter() - start)
            n_cli = out.count(b'"explanation"')

            path = os.path.join(d, "py-%d.db" % run)
            start = time.perf_counter()
            with claimdb.open(path) as handle:
                handle.import_files([corpus])
                conflicts = handle.conflicts()
            py.append(time.perf_counter() - start)
            if len(conflicts) != n_cli:
                sys.exit("the module listed %d conflicts, the command %d" % (len(conflicts), n_cli))
            for f in (db, path):
                for suffix in ("", "-wal", "-shm"):
                    if os.path.exists(f + suffix):
                        os.remove(f + suffix)
        c, m = statistics.median(cli), statistics.median(py)
        print("%d claims, %d conflicts listed, %d runs each" % (args.claims, n_cli, args.runs))
        print("command line: import + conflicts --format json   median %.2f s  (%s)" %
              (c, ", ".join("%.2f" % x for x in cli)))
        print("python:       import_files + conflicts()         median %.2f s  (%s)" %
              (m, ", ".join("%.2f" % x for x in py)))
        print("RESULT python / command line (target <= 1.10) | %.3f" % (m / c))


if __name__ == "__main__":
    main()
