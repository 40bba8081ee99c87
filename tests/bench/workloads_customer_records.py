"""Benchmark workloads of customer_records (see bench.py)."""

from datetime import date, timedelta

from bench import Clock, measure_pair, report, workload

# The fields of the customer file list view, as its web_search_read asks for them.
LIST_SPEC = {
    "partner_id": {"fields": {"display_name": {}}},
    "department_id": {"fields": {"display_name": {}}},
    "keeper_id": {"fields": {"display_name": {}}},
    "credit_rating": {},
    "last_review_date": {},
    "review_overdue": {},
    "active": {},
    "state": {},
}


def _bench_user(env, login, group_xmlid):
    return (
        env["res.users"]
        .with_context(no_reset_password=True)
        .create({"name": login, "login": login, "group_ids": [(6, 0, env.ref(group_xmlid).ids)]})
    )


@workload("W5", "record-rule cost on customer files: grant holder vs general manager")
def w5_record_rules(env, scale, repeat):
    count = max(1000, int(100_000 * scale))
    keeper = _bench_user(env, "bench_cr_keeper", "customer_records.group_customer_records_user")
    manager = _bench_user(env, "bench_cr_gm", "customer_records.group_customer_records_manager")
    grantee = _bench_user(env, "bench_cr_grantee", "base.group_user")
    today = date.today()
    # The data is built with SQL: building it is not what is measured.
    env.cr.execute(
        """
        INSERT INTO res_partner (name, complete_name, active, is_company, type,
                                 create_date, write_date)
        SELECT 'Bench customer ' || n, 'Bench customer ' || n, true, true, 'contact',
               now(), now()
          FROM generate_series(1, %s) n
        RETURNING id
        """,
        [count],
    )
    partner_ids = [row[0] for row in env.cr.fetchall()]
    env.cr.execute(
        """
        INSERT INTO customer_file (partner_id, name, company_id, keeper_id, state, active,
                                   credit_rating, review_overdue, create_uid, write_uid,
                                   create_date, write_date)
        SELECT p.id, 'Bench customer ' || p.id, %s, %s, 'approved', true,
               (ARRAY['a', 'b', 'c', 'd'])[1 + p.id %% 4], false, %s, %s, now(), now()
          FROM unnest(%s::int[]) AS p(id)
        RETURNING id
        """,
        [env.company.id, keeper.id, keeper.id, keeper.id, partner_ids],
    )
    file_ids = sorted(row[0] for row in env.cr.fetchall())
    # One approved grant in force for the grant holder, on every tenth file.
    env.cr.execute(
        """
        INSERT INTO customer_access_grant (name, requester_id, purpose, date_from, date_to,
                                           state, approver_id, create_date, write_date)
        VALUES ('Bench grant', %s, 'Benchmark', %s, %s, 'approved', %s, now(), now())
        RETURNING id
        """,
        [grantee.id, today - timedelta(days=1), today + timedelta(days=30), manager.id],
    )
    grant_id = env.cr.fetchone()[0]
    env.cr.execute(
        """
        INSERT INTO customer_access_grant_line (grant_id, file_id, user_id, state,
                                                date_from, date_to, create_date, write_date)
        SELECT %s, f.id, %s, 'approved', %s, %s, now(), now()
          FROM unnest(%s::int[]) AS f(id)
        """,
        [
            grant_id,
            grantee.id,
            today - timedelta(days=1),
            today + timedelta(days=30),
            file_ids[::10],
        ],
    )
    env.cr.execute("ANALYZE res_partner, customer_file, customer_access_grant_line")
    env.invalidate_all()

    def list_files(user):
        def run(env):
            files = env["customer.file"].with_user(user)
            with Clock(env) as clock:
                files.search_fetch([], list(LIST_SPEC), limit=80).web_read(LIST_SPEC)
            return {"seconds": clock.seconds, "queries": clock.queries}

        return run

    def count_files(user):
        def run(env):
            files = env["customer.file"].with_user(user)
            with Clock(env) as clock:
                files.search_count([])
            return {"seconds": clock.seconds, "queries": clock.queries}

        return run

    grantee_list, manager_list = measure_pair(env, list_files(grantee), list_files(manager), repeat)
    grantee_count, manager_count = measure_pair(
        env, count_files(grantee), count_files(manager), repeat
    )
    report(
        "W5",
        f"{count:,} customer files, {len(file_ids[::10]):,} granted to one user",
        [
            (
                "list 80 files: grant holder vs GM",
                grantee_list["seconds"],
                manager_list["seconds"],
                2,
                "s",
            ),
            ("list 80 files: queries", grantee_list["queries"], manager_list["queries"], 1, "q"),
            (
                "count files: grant holder vs GM",
                grantee_count["seconds"],
                manager_count["seconds"],
                10,
                "s",
            ),
            ("count files: queries", grantee_count["queries"], manager_count["queries"], 1, "q"),
        ],
    )
