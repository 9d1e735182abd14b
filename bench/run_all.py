"""Runs every benchmark and writes bench/RESULTS.md: the machine's core count, the date, one table each.

Usage: python bench/run_all.py [--quick]   (--quick: 10k and 100k events, 100 articles)
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import ingest  # noqa: E402
import query  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    sizes = [10_000, 100_000] if args.quick else [10_000, 100_000, 1_000_000]
    pipeline = subprocess.run([sys.executable, str(HERE / "pipeline.py")], capture_output=True, text=True, check=True)
    print(pipeline.stdout)
    gazetteer = subprocess.run([sys.executable, str(HERE / "gazetteer.py")], capture_output=True, text=True,
                               check=True)
    print(gazetteer.stdout)
    ingested = ingest.run(100 if args.quick else 200, 8)
    captured = io.StringIO()
    with contextlib.redirect_stdout(captured):
        rows = query.run(sizes, ["sqlite", "postgresql"])
    print(captured.getvalue())

    lines = [
        "# Benchmarks", "",
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores. `make bench` rewrites this file.", "",
        "## Pipeline (bench/pipeline.py)", "", "```", pipeline.stdout.strip(), "```", "",
        "## Gazetteer (bench/gazetteer.py): load once per process, target ≤ 1 s and ≤ 100 MB", "", "```",
        gazetteer.stdout.strip(), "```", "",
        "## Ingest (bench/ingest.py): HTTP, uvicorn 2 workers + PostgreSQL vs in-process; target ≥ 0.6×", "",
        "| articles | in-process /s | HTTP /s | ratio | p50 ms | p95 ms | p99 ms |",
        "| --- | --- | --- | --- | --- | --- | --- |",
        f"| {ingested['articles']:.0f} | {ingested['in_process_per_s']:.1f} | {ingested['http_per_s']:.1f} | "
        f"{ingested['ratio']:.2f} | {ingested['p50_ms']:.0f} | {ingested['p95_ms']:.0f} | "
        f"{ingested['p99_ms']:.0f} |", "",
        "## Queries (bench/query.py): first page, limit 50, median of 5; target largest ≤ 2 × 10k", "",
        "| database | endpoint | filter | " + " | ".join(f"{s:,} ms" for s in sizes) + " | ratio |",
        "| --- | --- | --- | " + " | ".join("---" for _ in sizes) + " | --- |",
    ]
    for row in rows:
        cells = " | ".join(f"{row[f'ms_{s}']:.1f}" for s in sizes)
        flag = "" if row["ratio"] <= query.TARGET else " **missed**"
        lines.append(f"| {row['database']} | {row['endpoint']} | {row['filter']} | {cells} | "
                     f"{row['ratio']:.2f}{flag} |")
    lines += ["", "Query plans of the misses:", "", "```", captured.getvalue().strip(), "```", ""]
    (HERE / "RESULTS.md").write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
