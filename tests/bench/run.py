"""`make bench`: runs every tests/bench/bench_*.py module's run(), prints its result lines, and
at the end the one table of issue 13's paths with their peers (tests/bench/table.py), also
written to bench/results.json (not committed) under "table".

Benchmarks measure speed and memory; tests never time anything.
"""

from __future__ import annotations

import importlib.util
import json
import os
import platform
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.bench import table  # noqa: E402


def main() -> int:
    failures = 0
    for path in sorted(HERE.glob("bench_*.py")):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # dataclasses look their module up there
        print(f"== {path.stem}", flush=True)
        started = time.perf_counter()
        try:
            spec.loader.exec_module(module)
            for line in module.run():
                print(f"   {line}", flush=True)
        except Exception as exc:  # a failing bench is reported, the others still run
            failures += 1
            print(f"   FAILED: {exc!r}", flush=True)
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
    sys.exit(main())
