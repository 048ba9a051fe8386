"""`make bench`: runs every tests/bench/bench_*.py module's run(), each in a fresh Python
process of its own, prints its result lines, and at the end the one table of issue 13's paths
with their peers (tests/bench/table.py), also written to bench/results.json (not committed)
under "table".

A process of its own, because what one bench leaves in the process (a 100,000-loan heap,
imported engines, a fragmented allocator) otherwise weighs on the next: the schedule build
measured 2.9 ms alone and 5.2 ms after the others in one process. ``run.py --one PATH ROWS``
runs one module and writes its table rows to the file ROWS as JSON.

Benchmarks measure speed and memory; tests never time anything.
"""

from __future__ import annotations

import importlib.util
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.bench import table  # noqa: E402


def run_one(path: Path, rows_file: Path) -> int:
    """Run one bench module here, print its lines, write its table rows to ``rows_file``."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    try:
        spec.loader.exec_module(module)
        for line in module.run():
            print(f"   {line}", flush=True)
    except Exception as exc:  # reported; the rows measured before it still count
        print(f"   FAILED: {exc!r}", flush=True)
        return 1
    finally:
        rows_file.write_text(json.dumps(table.as_json(), ensure_ascii=False), encoding="utf-8")
    return 0


def _rows_of(rows_file: Path) -> list[table.Row]:
    if not rows_file.exists() or not rows_file.stat().st_size:
        return []
    rows = []
    for item in json.loads(rows_file.read_text(encoding="utf-8")):
        item.pop("ratio", None)
        item["mine"] = tuple(item["mine"])
        rows.append(table.Row(**item))
    return rows


def main() -> int:
    failures = 0
    with tempfile.TemporaryDirectory(prefix="greendesk-bench-") as scratch:
        for path in sorted(HERE.glob("bench_*.py")):
            print(f"== {path.stem}", flush=True)
            rows_file = Path(scratch) / f"{path.stem}.json"
            started = time.perf_counter()
            done = subprocess.run(
                [sys.executable, str(Path(__file__).resolve()), "--one", str(path), str(rows_file)],
                check=False,
            )
            if done.returncode:
                failures += 1
                if done.returncode < 0:
                    print(f"   FAILED: killed by signal {-done.returncode}", flush=True)
            for row in _rows_of(rows_file):
                table.add(row)
            print(f"   ({time.perf_counter() - started:.1f} s)", flush=True)
    machine = (
        f"{platform.machine()}, {os.cpu_count()} cores shared with other work "
        f"(load average now {os.getloadavg()[0]:.1f}), Python {platform.python_version()}, "
        f"SQLite {__import__('sqlite3').sqlite_version}"
    )
    print(f"\n== the table ({machine})", flush=True)
    for line in table.render():
        print(line, flush=True)
    results = ROOT / "bench" / "results.json"
    results.parent.mkdir(exist_ok=True)
    stored = json.loads(results.read_text(encoding="utf-8")) if results.exists() else {}
    stored["table"] = {"machine": machine, "rows": table.as_json()}
    results.write_text(json.dumps(stored, ensure_ascii=False, indent=1), encoding="utf-8")
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--one":
        sys.exit(run_one(Path(sys.argv[2]), Path(sys.argv[3])))
    sys.exit(main())
