#!/usr/bin/env python3
"""Benchmarks of the add-ons at utility and archive scale (issue 6). Not part of bin/test.

Usage: python3 tests/bench/bench.py [--scale 1.0] [--repeat 3] [WORKLOAD ...]

Builds a throwaway database (archive_addons_bench, or --database) with the three add-ons,
without demo data, then runs each workload in-process against real PostgreSQL: one warm-up,
then --repeat runs, each rolled back. For every workload it prints the figure, the baseline
measured in the same run, their ratio against the target, and the query counts; figures are
medians. --scale shrinks the data (0.1 = a tenth) for a quick look; quote figures at
--scale 1. --keep-db leaves the database after the run and --reuse-db runs on it again
without rebuilding it (Python changes only; rebuild after a change of fields or data).
See docs/performance.md.
"""

import argparse
import importlib
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
import devenv

WORKLOADS = {}
# Run as a script, this module is __main__; the workload files import it as `bench`.
sys.modules.setdefault("bench", sys.modules[__name__])


def workload(name, title):
    def register(function):
        WORKLOADS[name] = (title, function)
        return function

    return register


class Clock:
    """Seconds and SQL queries spent in a block, measured on the environment's cursor.

    `writes` counts the INSERT, UPDATE and DELETE statements among the queries: the ORM
    writes rows in statements of at most 100 rows, so those grow by design with the
    number of rows written, while reads must not.
    """

    def __init__(self, env):
        self.env = env
        self.seconds = self.queries = self.writes = 0

    def __enter__(self):
        self.env.flush_all()
        cr = self.env.cr
        execute = cr.execute  # an enclosing Clock's counter, or the cursor's method
        self._previous = cr.__dict__.get("execute")

        def counting_execute(query, *args, **kwargs):
            text = str(getattr(query, "code", query)).lstrip().upper()
            if text.startswith(("INSERT", "UPDATE", "DELETE", "WITH")) and (
                not text.startswith("WITH") or " INSERT " in text or " UPDATE " in text
            ):
                self.writes += 1
            return execute(query, *args, **kwargs)

        cr.execute = counting_execute
        self._queries = cr.sql_log_count
        self._start = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.env.flush_all()
        self.seconds = time.perf_counter() - self._start
        self.queries = self.env.cr.sql_log_count - self._queries
        if self._previous:
            self.env.cr.execute = self._previous
        else:
            del self.env.cr.execute  # back to the class's method


def measure(env, run, repeat):
    """Median of each figure that `run(env)` returns, over `repeat` rolled-back runs."""
    return measure_pair(env, run, None, repeat)[0]


def measure_pair(env, run, baseline, repeat):
    """Medians of `run` and of its `baseline`, their rolled-back runs taking turns.

    Taking turns, the figure and its baseline see the same machine: a load that comes or
    goes during the workload (another process on the two cores) weighs on both alike
    instead of on whichever was measured at that moment.
    """
    runs = [run] if baseline is None else [run, baseline]
    samples = [[] for __ in runs]
    for attempt in range(repeat + 1):
        for function, results in zip(runs, samples, strict=True):
            env.cr.execute("SAVEPOINT bench")
            try:
                result = function(env)
            finally:
                env.invalidate_all()
                env.cr.execute("ROLLBACK TO SAVEPOINT bench")
            if attempt:  # the first round warms caches up and is not counted
                results.append(result)
    return [
        {key: statistics.median(s[key] for s in results) for key in results[0]}
        for results in samples
    ]


def report(name, title, rows):
    print(f"\n{name}  {title}")
    print(f"  {'figure':44} {'value':>12} {'baseline':>12} {'ratio':>7} {'target':>8}  verdict")
    for label, value, baseline, target, unit in rows:
        ratio = value / baseline if baseline else float("nan")
        verdict = "ok" if target is None or ratio <= target else "OVER"
        target_text = "" if target is None else f"<= {target:g}"
        print(
            f"  {label:44} {value:>10.3f}{unit:2} {baseline:>10.3f}{unit:2} {ratio:>7.2f} "
            f"{target_text:>8}  {verdict}"
        )


# ---------------------------------------------------------------- main


def load_workloads():
    """Each add-on's workloads live in workloads_<module>.py beside this file."""
    for module in devenv.OUR_MODULES:
        importlib.import_module(f"workloads_{module}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--database", default="archive_addons_bench")
    parser.add_argument("--keep-db", action="store_true", help="do not drop the database after")
    parser.add_argument(
        "--reuse-db",
        action="store_true",
        help="use the database left by --keep-db instead of building it (implies --keep-db)",
    )
    parser.add_argument("workloads", nargs="*", help="default: all")
    args = parser.parse_args()
    try:
        devenv.bootstrap()
        odoo_cmd, odoo_env = devenv.find_odoo()
        pg = devenv.find_postgres()
    except devenv.SetupError as exc:
        devenv.fail(str(exc))
    load_workloads()
    os.environ.update(odoo_env, **pg)
    if odoo_env.get("PYTHONPATH"):
        sys.path[:0] = odoo_env["PYTHONPATH"].split(os.pathsep)
    database = args.database
    if not (args.reuse_db and devenv.database_exists(pg, database)):
        devenv.drop_database(pg, database)
        cmd = odoo_cmd + devenv.odoo_args(database, devenv.free_port())
        cmd += ["--init", ",".join(devenv.OUR_MODULES), "--stop-after-init", "--log-level", "warn"]
        print("Building the benchmark database ...", flush=True)
        subprocess.run(cmd, env=os.environ, check=True)

    import odoo
    from odoo.modules.registry import Registry
    from odoo.tools import config

    config.parse_config(
        ["--addons-path", str(devenv.ADDONS), "--http-interface=127.0.0.1", "--log-level=warn"]
    )
    registry = Registry(database)
    try:
        with registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            names = args.workloads or sorted(WORKLOADS)
            # W3 measures the memory the process adds: first, before others grow the heap
            for name in sorted(names, key=lambda name: name != "W3"):
                title, function = WORKLOADS[name]
                # each workload's data is rolled back: the next one starts from the same base
                cr.execute("SAVEPOINT bench_workload")
                function(env, args.scale, args.repeat)
                env.invalidate_all()
                cr.execute("ROLLBACK TO SAVEPOINT bench_workload")
            cr.rollback()
    finally:
        odoo.sql_db.close_db(database)
        if not (args.keep_db or args.reuse_db):
            devenv.drop_database(pg, database)


if __name__ == "__main__":
    main()
