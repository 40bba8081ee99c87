"""Benchmark workloads of gas_contracts (see bench.py)."""

from bench import Clock, measure, report, workload


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
