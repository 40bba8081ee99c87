#!/usr/bin/env python3
"""Benchmarks of the add-ons at utility and archive scale (issue 6). Not part of bin/test.

Usage: python3 tests/bench/bench.py [--scale 1.0] [--repeat 5] [WORKLOAD ...]

Builds a throwaway database (archive_addons_bench) with the three add-ons, without demo data,
then runs each workload in-process against real PostgreSQL: one warm-up, then --repeat runs,
each rolled back. For every workload it prints the figure, the baseline measured in the same
run, their ratio against the target, and the query counts; figures are medians. --scale
shrinks the data (0.1 = a tenth) for a quick look; quote figures at --scale 1.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
import devenv

WORKLOADS = {}


def workload(name, title):
    def register(function):
        WORKLOADS[name] = (title, function)
        return function

    return register


class Clock:
    """Seconds and SQL queries spent in a block, measured on the environment's cursor."""

    def __init__(self, env):
        self.env = env
        self.seconds = self.queries = 0

    def __enter__(self):
        self.env.flush_all()
        self._queries = self.env.cr.sql_log_count
        self._start = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.env.flush_all()
        self.seconds = time.perf_counter() - self._start
        self.queries = self.env.cr.sql_log_count - self._queries


def measure(env, run, repeat):
    """Median of each figure that `run(env)` returns, over `repeat` rolled-back runs."""
    samples = []
    for attempt in range(repeat + 1):
        env.cr.execute("SAVEPOINT bench")
        try:
            result = run(env)
        finally:
            env.invalidate_all()
            env.cr.execute("ROLLBACK TO SAVEPOINT bench")
        if attempt:  # the first run warms caches up and is not counted
            samples.append(result)
    return {key: statistics.median(s[key] for s in samples) for key in samples[0]}


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


# ---------------------------------------------------------------- workloads


@workload("W1", "create gas contracts in batches of 1,000 vs res.partner the same way")
def w1_create_contracts(env, scale, repeat):
    total = max(1000, int(100_000 * scale))
    batches = total // 1000
    contract_type = env["gas.contract.type"].search([("kind", "=", "installation")], limit=1)
    partner = env["res.partner"].create({"name": "Bench gas user"})
    env = env(context=dict(env.context, tracking_disable=False, mail_create_nolog=False))

    def contracts(env):
        per_batch = []
        with Clock(env) as clock:
            for batch in range(batches):
                with Clock(env) as one:
                    env["gas.contract"].create(
                        [
                            {
                                "title": f"Bench installation {batch}-{i}",
                                "type_id": contract_type.id,
                                "partner_id": partner.id,
                                "user_category": ("residential", "commercial")[i % 2],
                            }
                            for i in range(1000)
                        ]
                    )
                per_batch.append(one.queries)
        return {
            "seconds": clock.seconds,
            "queries_first_10k": sum(per_batch[:10]) / min(10, batches),
            "queries_last_10k": sum(per_batch[-10:]) / min(10, batches),
        }

    def partners(env):
        with Clock(env) as clock:
            for batch in range(batches):
                env["res.partner"].create(
                    [{"name": f"Bench partner {batch}-{i}"} for i in range(1000)]
                )
        return {"seconds": clock.seconds}

    figure = measure(env, contracts, repeat)
    baseline = measure(env, partners, repeat)
    report(
        "W1",
        f"{total:,} contracts",
        [
            ("time to create", figure["seconds"], baseline["seconds"], 1.5, "s"),
            (
                "queries per 1,000: last 10k vs first 10k",
                figure["queries_last_10k"],
                figure["queries_first_10k"],
                1.1,
                "q",
            ),
        ],
    )


@workload("W4", "completeness of dossiers with 50 documents each vs one grouped SQL query")
def w4_completeness(env, scale, repeat):
    count = max(1000, int(10_000 * scale))
    category = env.ref("research_archive.dossier_category_project")
    types = env["research.document.type"].search([("category_id", "=", category.id)])
    # The data is built with SQL: building it is not what is measured.
    env.cr.execute(
        """
        INSERT INTO research_dossier (name, category_id, company_id, year, retention,
                                      classification, state, create_date, write_date)
        SELECT 'Bench dossier ' || n, %s, %s, 2020 + n %% 5, 'D30', 'internal', 'draft',
               now(), now()
          FROM generate_series(1, %s) n
        RETURNING id
        """,
        [category.id, env.company.id, count],
    )
    dossier_ids = [row[0] for row in env.cr.fetchall()]
    env.cr.execute(
        """
        INSERT INTO research_document (dossier_id, type_id, name, item_number, carrier,
                                       copy_kind, page_count, create_date, write_date)
        SELECT d.id, (%s::int[])[1 + (d.id + i) %% %s], 'Item ' || i, i, 'text', 'original', 3,
               now(), now()
          FROM unnest(%s::int[]) AS d(id), generate_series(1, 50) i
        """,
        [types.ids, len(types), dossier_ids],
    )
    env.invalidate_all()

    def completeness(env):
        dossiers = env["research.dossier"].browse(dossier_ids)
        names = ("missing_count", "completeness_rate", "is_complete")
        fields = [dossiers._fields[name] for name in names]
        # As the ORM recomputes it: values go to the cache and are flushed in batch.
        with Clock(env) as clock, env.protecting(fields, dossiers):
            dossiers._compute_completeness()
        return {"seconds": clock.seconds, "queries": clock.queries}

    def grouped_sql(env):
        with Clock(env) as clock:
            env.cr.execute(
                "SELECT dossier_id, array_agg(type_id) FROM research_document"
                " WHERE dossier_id = ANY(%s) GROUP BY dossier_id",
                [dossier_ids],
            )
            env.cr.fetchall()
        return {"seconds": clock.seconds}

    figure = measure(env, completeness, repeat)
    baseline = measure(env, grouped_sql, repeat)
    report(
        "W4",
        f"{count:,} dossiers, {50 * count:,} documents",
        [
            ("time to compute completeness", figure["seconds"], baseline["seconds"], 3, "s"),
            (
                "queries per 1,000 dossiers (target <= 5)",
                figure["queries"] / (count / 1000),
                5,
                1,
                "q",
            ),
        ],
    )


@workload("W6", "take-or-pay settlement from a year of daily readings vs one grouped SQL sum")
def w6_settlement(env, scale, repeat):
    count = max(100, int(2_000 * scale))
    year = 2025
    top_type = env.ref("gas_contracts.contract_type_take_or_pay")
    partner = env["res.partner"].create({"name": "Bench industrial user"})
    # The data is built with SQL: building it is not what is measured.
    env.cr.execute(
        """
        INSERT INTO gas_contract (name, title, type_id, type_kind, partner_id, company_id,
                                  user_category, state, payment_mode, contract_date,
                                  annual_quantity, daily_quantity, min_take_share, top_price,
                                  contract_year, create_date, write_date)
        SELECT 'TOP-' || n, 'Bench take-or-pay ' || n, %s, 'take_or_pay', %s, %s, 'industrial',
               'in_progress', 'lump_sum', '2024-12-01', 3650000, 10000, 80, 3.2, %s, now(), now()
          FROM generate_series(1, %s) n
        RETURNING id
        """,
        [top_type.id, partner.id, env.company.id, year, count],
    )
    contract_ids = [row[0] for row in env.cr.fetchall()]
    env.cr.execute(
        """
        WITH accounts AS (
            INSERT INTO gas_account (name, contract_id, partner_id, state)
            SELECT 'ACC-' || c, c, %s, 'open' FROM unnest(%s::int[]) c
            RETURNING id, contract_id
        ), linked AS (
            UPDATE gas_contract SET top_account_id = accounts.id
              FROM accounts WHERE gas_contract.id = accounts.contract_id
        ), meters AS (
            INSERT INTO gas_meter (name, account_id, meter_type, install_date)
            SELECT 'M-' || id, id, 'turbine', '2024-12-01' FROM accounts
            RETURNING id, account_id
        )
        INSERT INTO gas_meter_reading (meter_id, account_id, date, reading, volume)
        SELECT m.id, m.account_id, make_date(%s, 1, 1) + d, 8000.0 * (d + 1),
               8000.0 + (m.id %% 7) * 100
          FROM meters m, generate_series(0, 364) d
        """,
        [partner.id, contract_ids, year],
    )
    env.invalidate_all()

    def settle(env):
        contracts = env["gas.contract"].browse(contract_ids)
        with Clock(env) as clock:
            env["gas.top.settlement"]._settle(contracts, year)
        return {"seconds": clock.seconds, "queries": clock.queries}

    def grouped_sql(env):
        with Clock(env) as clock:
            env.cr.execute(
                "SELECT account_id, sum(volume) FROM gas_meter_reading"
                " WHERE date BETWEEN %s AND %s GROUP BY account_id",
                [f"{year}-01-01", f"{year}-12-31"],
            )
            env.cr.fetchall()
        return {"seconds": clock.seconds}

    figure = measure(env, settle, repeat)
    baseline = measure(env, grouped_sql, repeat)
    report(
        "W6",
        f"{count:,} contracts, {365 * count:,} readings",
        [
            ("time to settle a year", figure["seconds"], baseline["seconds"], 2, "s"),
            ("queries (for the record)", figure["queries"], figure["queries"], None, "q"),
        ],
    )


# ---------------------------------------------------------------- main


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep-db", action="store_true")
    parser.add_argument("workloads", nargs="*", default=sorted(WORKLOADS))
    args = parser.parse_args()
    try:
        odoo_cmd, odoo_env = devenv.find_odoo()
        devenv.install_requirements()
        pg = devenv.find_postgres()
    except devenv.SetupError as exc:
        devenv.fail(str(exc))
    os.environ.update(odoo_env, **pg)
    if odoo_env.get("PYTHONPATH"):
        sys.path[:0] = odoo_env["PYTHONPATH"].split(os.pathsep)
    database = "archive_addons_bench"
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
            for name in args.workloads:
                title, function = WORKLOADS[name]
                function(env, args.scale, args.repeat)
            cr.rollback()
    finally:
        odoo.sql_db.close_db(database)
        if not args.keep_db:
            devenv.drop_database(pg, database)


if __name__ == "__main__":
    main()
