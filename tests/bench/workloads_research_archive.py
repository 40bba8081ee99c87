"""Benchmark workloads of research_archive (see bench.py)."""

import time

from bench import Clock, measure_pair, report, workload


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
        # The rows were inserted without completeness, so every dossier changes and
        # the flush writes them all: one UPDATE per 100 rows is the ORM's own batch.
        with Clock(env) as clock:
            start, queries = time.perf_counter(), env.cr.sql_log_count
            with env.protecting(fields, dossiers):
                dossiers._compute_completeness()
            computed = time.perf_counter() - start, env.cr.sql_log_count - queries
        # The same recompute once the figures are stored: nothing to write back.
        env.invalidate_all()
        with Clock(env) as again, env.protecting(fields, dossiers):
            dossiers._compute_completeness()
        return {
            "seconds": clock.seconds,
            "queries": clock.queries,
            "compute_seconds": computed[0],
            "compute_queries": computed[1],
            "unchanged_seconds": again.seconds,
            "unchanged_queries": again.queries,
        }

    def grouped_sql(env):
        with Clock(env) as clock:
            env.cr.execute(
                "SELECT dossier_id, array_agg(type_id) FROM research_document"
                " WHERE dossier_id = ANY(%s) GROUP BY dossier_id",
                [dossier_ids],
            )
            env.cr.fetchall()
        return {"seconds": clock.seconds}

    figure, baseline = measure_pair(env, completeness, grouped_sql, repeat)
    per_1000 = count / 1000
    report(
        "W4",
        f"{count:,} dossiers, {50 * count:,} documents",
        [
            ("time to compute completeness", figure["seconds"], baseline["seconds"], 3, "s"),
            ("queries per 1,000 dossiers (target <= 5)", figure["queries"] / per_1000, 5, 1, "q"),
            (
                "  of which compute, before the flush",
                figure["compute_seconds"],
                baseline["seconds"],
                None,
                "s",
            ),
            (
                "  compute queries per 1,000 dossiers",
                figure["compute_queries"] / per_1000,
                5,
                1,
                "q",
            ),
            (
                "recompute, figures already stored",
                figure["unchanged_seconds"],
                baseline["seconds"],
                3,
                "s",
            ),
            ("  queries per 1,000 dossiers", figure["unchanged_queries"] / per_1000, 5, 1, "q"),
        ],
    )
