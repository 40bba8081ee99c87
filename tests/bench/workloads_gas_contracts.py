"""Benchmark workloads of gas_contracts (see bench.py)."""

from bench import Clock, measure, measure_pair, report, workload


def _w1_contract_vals(types, partner_id, number):
    """A contract of each type in turn; instalment installations come with their lines."""
    kind = number % 5
    vals = {
        "title": f"Bench contract {number}",
        "partner_id": partner_id,
        "contract_date": "2026-03-01",
        "type_id": types[kind].id,
        "user_category": ("residential", "commercial")[number % 2],
    }
    if kind == 1:  # installation paid in instalments, with its two instalment lines
        vals |= {
            "payment_mode": "instalment",
            "charged_amount": 2800.0,
            "instalment_ids": [
                (0, 0, {"deadline": "2026-04-01", "amount": 1400.0, "installation_step": "Riser"}),
                (0, 0, {"deadline": "2026-05-01", "amount": 1400.0, "installation_step": "Meter"}),
            ],
        }
    elif kind == 4:  # take-or-pay of a large industrial user
        vals |= {
            "user_category": "industrial",
            "annual_quantity": 5_000_000.0,
            "daily_quantity": 20_000.0,
            "min_take_share": 80.0,
            "top_price": 2.5,
            "contract_year": 2025,
        }
    return vals


@workload("W1", "create gas contracts in batches of 1,000 vs res.partner the same way")
def w1_create_contracts(env, scale, repeat):
    total = max(1000, int(100_000 * scale))
    batches = total // 1000
    ref = env.ref
    types = [
        ref("gas_contracts.contract_type_installation"),
        ref("gas_contracts.contract_type_installation"),
        ref("gas_contracts.contract_type_alarm"),
        ref("gas_contracts.contract_type_residential_supply"),
        ref("gas_contracts.contract_type_take_or_pay"),
    ]
    # one gas user per contract, as in a city (built with SQL, not measured)
    env.cr.execute(
        """
        INSERT INTO res_partner (name, complete_name, active, type, create_date, write_date)
        SELECT 'Bench gas user ' || n, 'Bench gas user ' || n, true, 'contact', now(), now()
          FROM generate_series(1, %s) n
        RETURNING id
        """,
        [total],
    )
    partner_ids = [row[0] for row in env.cr.fetchall()]
    env = env(context=dict(env.context, tracking_disable=False, mail_create_nolog=False))

    # Each batch starts from an empty ORM cache, as each batch of an import is its own
    # request: otherwise the cache of one transaction holding 100,000 new records is
    # measured, on both sides.
    def contracts(env):
        per_batch = []
        with Clock(env) as clock:
            for batch in range(batches):
                env.invalidate_all()
                with Clock(env) as one:
                    env["gas.contract"].create(
                        [
                            _w1_contract_vals(types, partner_ids[number], number)
                            for number in range(batch * 1000, (batch + 1) * 1000)
                        ]
                    )
                per_batch.append((one.queries, one.seconds))
        queries, seconds = zip(*per_batch, strict=True)
        return {
            "seconds": clock.seconds,
            "queries_first_10k": sum(queries[:10]) / min(10, batches),
            "queries_last_10k": sum(queries[-10:]) / min(10, batches),
            "seconds_first_10k": sum(seconds[:10]) / min(10, batches),
            "seconds_last_10k": sum(seconds[-10:]) / min(10, batches),
        }

    def partners(env):
        with Clock(env) as clock:
            for batch in range(batches):
                env.invalidate_all()
                env["res.partner"].create(
                    [{"name": f"Bench partner {batch}-{i}"} for i in range(1000)]
                )
        return {"seconds": clock.seconds}

    figure, baseline = measure_pair(env, contracts, partners, repeat)
    report(
        "W1",
        f"{total:,} contracts of 5 types, {total // 5 * 2:,} instalment lines",
        [
            ("time to create", figure["seconds"], baseline["seconds"], 1.5, "s"),
            (
                "queries per 1,000: last 10k vs first 10k",
                figure["queries_last_10k"],
                figure["queries_first_10k"],
                1.1,
                "q",
            ),
            (
                "seconds per 1,000: last 10k vs first 10k",
                figure["seconds_last_10k"],
                figure["seconds_first_10k"],
                None,
                "s",
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
            INSERT INTO gas_meter (name, account_id, meter_type, install_date, initial_reading)
            SELECT 'M-' || id, id, 'turbine', '2024-12-01', 0.0 FROM accounts
            RETURNING id, account_id
        )
        INSERT INTO gas_meter_reading (meter_id, account_id, date, reading, volume)
        SELECT m.id, m.account_id, make_date(%s, 1, 1) + d,
               (8000.0 + (m.id %% 7) * 100) * (d + 1), 8000.0 + (m.id %% 7) * 100
          FROM meters m, generate_series(0, 364) d
        """,
        [partner.id, contract_ids, year],
    )
    # statistics as autovacuum keeps them on a live database (it cannot see this transaction)
    env.cr.execute("ANALYZE gas_contract, gas_account, gas_meter, gas_meter_reading")
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

    figure, baseline = measure_pair(env, settle, grouped_sql, repeat)
    # the settlements' figure is the readings' sum: checked on one more run
    env.cr.execute("SAVEPOINT bench_check")
    settlements = env["gas.top.settlement"]._settle(env["gas.contract"].browse(contract_ids), year)
    settled = sum(settlements.mapped("taken_volume"))
    env.cr.execute(
        "SELECT sum(volume) FROM gas_meter_reading WHERE date BETWEEN %s AND %s",
        [f"{year}-01-01", f"{year}-12-31"],
    )
    summed = env.cr.fetchone()[0]
    env.invalidate_all()
    env.cr.execute("ROLLBACK TO SAVEPOINT bench_check")
    report(
        "W6",
        f"{count:,} contracts, {365 * count:,} readings",
        [
            ("time to settle a year", figure["seconds"], baseline["seconds"], 2, "s"),
            ("queries (for the record)", figure["queries"], figure["queries"], None, "q"),
            ("million m³ settled vs the readings' volumes", settled / 1e6, summed / 1e6, 1, " "),
        ],
    )


# The fields of the contract list view (gas_contract_view_list, optional columns as shipped),
# as the web client's web_search_read asks for them.
CONTRACT_LIST_SPEC = {
    "name": {},
    "title": {},
    "type_id": {"fields": {"display_name": {}}},
    "partner_id": {"fields": {"display_name": {}}},
    "user_category": {},
    "contract_date": {},
    "charged_amount": {},
    "currency_id": {"fields": {"display_name": {}}},
    "user_id": {"fields": {"display_name": {}}},
    "state": {},
}
# The "Contracts to Review" menu opens gas_contract_action_to_review, whose search view
# filter "to_review" is this domain.
TO_REVIEW_DOMAIN = [("can_review", "=", True)]


def _bench_user(env, login, group_xmlid):
    return (
        env["res.users"]
        .with_context(no_reset_password=True)
        .create({"name": login, "login": login, "group_ids": [(6, 0, env.ref(group_xmlid).ids)]})
    )


@workload("W2", "approval routing of submitted contracts; a reviewer's 'to review' list")
def w2_approval_routing(env, scale, repeat):
    total = max(1000, int(10_000 * scale))
    staff = _bench_user(env, "bench_gc_staff", "gas_contracts.group_gas_contracts_user")
    reviewer = _bench_user(env, "bench_gc_market", "gas_contracts.group_gas_market_manager")
    installation = env.ref("gas_contracts.contract_type_installation")
    supply = env.ref("gas_contracts.contract_type_residential_supply")
    env["gas.tariff"].create(
        {"name": "Bench installation", "type_id": installation.id, "amount": 2800.0}
        | {"date_from": "2026-01-01"}
    )
    partner = env["res.partner"].create({"name": "Bench gas user"})
    # Drafts of the staff user, built with the ORM (not measured): one in ten is a
    # commercial installation (market manager's route), the others residential supply
    # with installation fees unpaid (general manager's route). 1,000 more stay drafts.
    Contract = env["gas.contract"].with_user(staff)

    def drafts(count, offset):
        created = Contract.browse()
        for start in range(offset, offset + count, 1000):
            created |= Contract.create(
                [
                    {
                        "title": f"Bench contract {i}",
                        "partner_id": partner.id,
                        "contract_date": "2026-03-01",
                    }
                    | (
                        {
                            "type_id": installation.id,
                            "user_category": "commercial",
                            "charged_amount": 2800.0,
                        }
                        if i % 10 == 0
                        else {"type_id": supply.id, "user_category": "residential"}
                    )
                    for i in range(start, min(start + 1000, offset + count))
                ]
            )
        return created

    to_submit = drafts(total, 0)
    drafts(1000, total)
    env.flush_all()
    env.cr.execute("ANALYZE gas_contract")

    def submit(count):
        def run(env):
            contracts = to_submit[:count].with_env(env(user=staff.id))
            with Clock(env) as clock:
                contracts.action_submit()
            return {
                "seconds": clock.seconds,
                "queries": clock.queries,
                "reads": clock.queries - clock.writes,
                "writes_per_1000": clock.writes * 1000 / count,
            }

        return run

    small = measure(env, submit(total // 10), repeat)
    large = measure(env, submit(total), repeat)
    # now for real (in the benchmark's transaction): the reviewer has total / 10 waiting
    to_submit.action_submit()
    env.flush_all()
    env.cr.execute("ANALYZE gas_contract, tier_review")
    waiting = total // 10

    def open_list(domain):
        def run(env):
            contracts = env["gas.contract"].with_user(reviewer)
            with Clock(env) as clock:
                result = contracts.web_search_read(domain, CONTRACT_LIST_SPEC, limit=waiting)
            assert len(result["records"]) == waiting, len(result["records"])
            return {"seconds": clock.seconds, "queries": clock.queries}

        return run

    to_review, drafts_list = measure_pair(
        env, open_list(TO_REVIEW_DOMAIN), open_list([("state", "=", "draft")]), repeat
    )
    report(
        "W2",
        f"submit {total:,} contracts; reviewer's list of {waiting:,}",
        [
            (
                f"submit {total:,} vs {total // 10:,}: seconds",
                large["seconds"],
                small["seconds"],
                None,
                "s",
            ),
            (
                f"routing queries: {total:,} vs {total // 10:,}",
                large["queries"],
                small["queries"],
                None,
                "q",
            ),
            ("  of which reads (target: same)", large["reads"], small["reads"], 1, "q"),
            (
                "  writes per 1,000 contracts (100-row batches)",
                large["writes_per_1000"],
                small["writes_per_1000"],
                1.1,
                "q",
            ),
            (
                f"'to review' list of {waiting:,} vs drafts",
                to_review["seconds"],
                drafts_list["seconds"],
                5,
                "s",
            ),
            ("'to review' list: queries (target < 10)", to_review["queries"], 10, 0.9, "q"),
            ("  plain draft list: queries", drafts_list["queries"], 10, None, "q"),
        ],
    )


def _rss_kib():
    """(VmRSS, VmHWM) of this process in KiB, from /proc/self/status."""
    values = {}
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            key, __, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(rest.split()[0])
    return values["VmRSS"], values["VmHWM"]


class PeakMemory:
    """Peak memory of the process in a block, above its size when the block starts.

    `rss_mib`: Linux resets the peak resident size (VmHWM) to the current size when 5
    is written to /proc/self/clear_refs; the peak at the end minus the size at the start
    is what the block added to the process at its worst moment (xlsxwriter's
    constant_memory rows go to temporary files, whose page cache is not the process's).
    Memory the process freed earlier and kept is reused without showing: W3 runs first
    in the process for that reason. Where the reset is refused, a thread samples VmRSS
    every 5 ms instead.
    `python_mib` (with trace=True, slower): the peak of Python allocations traced by
    tracemalloc above the start, whatever the process freed and kept before.
    """

    def __init__(self, trace=False):
        self.trace = trace
        self.rss_mib = self.python_mib = 0.0

    def __enter__(self):
        import gc
        import threading
        import tracemalloc

        gc.collect()
        if self.trace:
            tracemalloc.start()
            self._traced = tracemalloc.get_traced_memory()[0]
        self.start = self.peak = _rss_kib()[0]
        self._sampler = None
        try:
            with open("/proc/self/clear_refs", "w", encoding="ascii") as clear:
                clear.write("5")
        except OSError:
            self._stop = threading.Event()

            def sample():
                while not self._stop.wait(0.005):
                    self.peak = max(self.peak, _rss_kib()[0])

            self._sampler = threading.Thread(target=sample, daemon=True)
            self._sampler.start()
        return self

    def __exit__(self, *exc):
        import tracemalloc

        if self._sampler:
            self._stop.set()
            self._sampler.join()
        else:
            self.peak = _rss_kib()[1]
        self.rss_mib = (self.peak - self.start) / 1024
        if self.trace:
            self.python_mib = (tracemalloc.get_traced_memory()[1] - self._traced) / 2**20
            tracemalloc.stop()


@workload("W3", "Excel export of the contract register vs xlsxwriter from plain lists")
def w3_xlsx_export(env, scale, repeat):
    import io

    import xlsxwriter

    from odoo.addons.base_record_guard.models.safe_export import TEXT_WORKBOOK_OPTIONS

    # what our register export gives xlsxwriter: text stays text, bounded memory
    WORKBOOK_OPTIONS = dict(TEXT_WORKBOOK_OPTIONS, constant_memory=True)

    count = max(1000, int(100_000 * scale))
    staff = _bench_user(env, "bench_gc_exporter", "gas_contracts.group_gas_contracts_user")
    types = env["gas.contract.type"].search([])
    # The data is built with SQL: building it is not what is measured. One gas user per
    # ten contracts, every type, state and category, amounts and dates filled in.
    env.cr.execute(
        """
        INSERT INTO res_partner (name, complete_name, active, type, create_date, write_date)
        SELECT 'Bench gas user ' || n, 'Bench gas user ' || n, true, 'contact', now(), now()
          FROM generate_series(1, %s) n
        RETURNING id
        """,
        [count // 10],
    )
    partner_ids = [row[0] for row in env.cr.fetchall()]
    env.cr.execute(
        """
        INSERT INTO gas_contract (name, title, type_id, type_kind, partner_id, company_id,
                                  user_category, state, payment_mode, contract_date,
                                  standard_amount, charged_amount, annual_quantity, user_id,
                                  create_uid, write_uid, create_date, write_date)
        SELECT 'GC-BENCH-' || n, 'Bench register contract ' || n, t.id, t.kind,
               (%(partners)s::int[])[1 + n %% %(partner_count)s], %(company)s,
               (ARRAY['residential', 'commercial', 'collective', 'industrial'])[1 + n %% 4],
               (ARRAY['draft', 'to_approve', 'approved', 'signed', 'in_progress', 'done'])
                   [1 + n %% 6],
               'lump_sum', DATE '2020-01-01' + n %% 2000, 2800, 2800 + n %% 3 * 100,
               n %% 7 * 100000, %(user)s, %(user)s, %(user)s, now(), now()
          FROM generate_series(1, %(count)s) n
          JOIN (SELECT id, kind, row_number() OVER (ORDER BY id) - 1 AS k
                  FROM gas_contract_type) t ON t.k = n %% %(type_count)s
        RETURNING id
        """,
        {
            "partners": partner_ids,
            "partner_count": len(partner_ids),
            "company": env.company.id,
            "user": staff.id,
            "count": count,
            "type_count": len(types),
        },
    )
    contract_ids = [row[0] for row in env.cr.fetchall()]
    env.cr.execute("ANALYZE res_partner, gas_contract")
    env.invalidate_all()
    report_name = env.ref("gas_contracts.action_report_contract_register_xlsx").report_name

    def export(env, trace=False):
        reports = env["ir.actions.report"].with_user(staff)
        with PeakMemory(trace) as memory, Clock(env) as clock:
            content, kind = reports._render_xlsx(report_name, contract_ids, {})
        assert kind == "xlsx" and content[:2] == b"PK"
        return {
            "seconds": clock.seconds,
            "queries": clock.queries,
            "rss_mib": memory.rss_mib,
            "python_mib": memory.python_mib,
        }

    # Memory first, on the process's first export, then the Python heap traced.
    env.cr.execute("SAVEPOINT bench_memory")
    first = export(env)
    env.invalidate_all()
    traced = export(env, trace=True)
    env.invalidate_all()
    env.cr.execute("ROLLBACK TO SAVEPOINT bench_memory")

    # The same rows, read beforehand into plain lists (not measured), as the report
    # writes them: labels for selections, names for the many2ones, dates as dates.
    states = dict(env["gas.contract"]._fields["state"]._description_selection(env))
    categories = dict(env["gas.contract"]._fields["user_category"]._description_selection(env))
    env.cr.execute(
        """
        SELECT t.name->>'en_US', c.state, c.name, c.title, p.complete_name, c.user_category,
               c.contract_date, c.standard_amount::float, c.budget_amount::float,
               c.charged_amount::float, c.annual_quantity, up.name, c.archive_number
          FROM gas_contract c
          JOIN gas_contract_type t ON t.id = c.type_id
          JOIN res_partner p ON p.id = c.partner_id
          LEFT JOIN res_users u ON u.id = c.user_id
          LEFT JOIN res_partner up ON up.id = u.partner_id
         WHERE c.id = ANY(%s)
         ORDER BY t.sequence, c.state, c.name
        """,
        [contract_ids],
    )
    rows = [
        [row[0], states[row[1]], *row[2:5], categories[row[5]], *row[6:]]
        for row in env.cr.fetchall()
    ]

    def plain_xlsxwriter(env, trace=False):
        with PeakMemory(trace) as memory, Clock(env) as clock:
            output = io.BytesIO()
            workbook = xlsxwriter.Workbook(output, WORKBOOK_OPTIONS)
            date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
            sheet = workbook.add_worksheet("Contract Register")
            sheet.write_row(0, 0, [f"Column {i}" for i in range(13)])
            for number, row in enumerate(rows, 1):
                sheet.write_row(number, 0, row)
                sheet.write_datetime(number, 6, row[6], date_format)
            workbook.close()
        return {"seconds": clock.seconds, "python_mib": memory.python_mib}

    figure, baseline = measure_pair(env, export, plain_xlsxwriter, repeat)
    baseline_traced = plain_xlsxwriter(env, trace=True)
    report(
        "W3",
        f"contract register of {count:,} contracts (13 columns)",
        [
            ("time to export", figure["seconds"], baseline["seconds"], 3, "s"),
            ("peak RSS above start, first export (MiB)", first["rss_mib"], 150, 1, "M"),
            ("peak Python heap above start (MiB)", traced["python_mib"], 150, 1, "M"),
            (
                "  plain xlsxwriter: Python heap (MiB)",
                baseline_traced["python_mib"],
                150,
                None,
                "M",
            ),
            ("queries (for the record)", figure["queries"], figure["queries"], None, "q"),
        ],
    )
