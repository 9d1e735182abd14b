"""Load time and memory of the gazetteer (`service/geo/`), and the time of one lookup:
`python bench/gazetteer.py`. Each figure is the median of fresh processes (the gazetteer loads once per process)."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys

_PROBE = """
import json, resource, sys, time, tracemalloc
traced = sys.argv[1] == "memory"
if traced:
    tracemalloc.start()
started = time.perf_counter()
from service.geo.gazetteer import default_gazetteer
from service.geo.resolution import CountryContext, resolve
gazetteer = default_gazetteer()
loaded = time.perf_counter() - started
current, peak = tracemalloc.get_traced_memory() if traced else (0, 0)
tracemalloc.stop()
names = ["Panjshir", "Kabul", "Hyderabad", "Georgia", "Peshawar", "Nowhereville Flats"] * 50
started = time.perf_counter()
for name in names:
    resolve(gazetteer, name, CountryContext())
lookup = (time.perf_counter() - started) / len(names)
print(json.dumps({"load_s": loaded, "held_mb": current / 2**20, "peak_mb": peak / 2**20,
                  "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "lookup_ms": lookup * 1000}))
"""


def _probe(kind: str) -> dict[str, float]:
    answer = subprocess.run([sys.executable, "-c", _PROBE, kind], check=True, capture_output=True, text=True)
    return dict(json.loads(answer.stdout))


def main(runs: int = 5) -> None:
    """Times from untraced processes; Python heap held after loading and its peak from traced ones."""
    timed = [_probe("time") for _ in range(runs)]
    traced = [_probe("memory") for _ in range(runs)]
    for figure, results in (("load_s", timed), ("lookup_ms", timed), ("max_rss_mb", timed), ("held_mb", traced),
                            ("peak_mb", traced)):
        print(f"{figure}: {statistics.median(r[figure] for r in results):.3f} (median of {runs} processes)")


if __name__ == "__main__":
    main()
