"""Real Odoo transactions in the pytest process, for tests that need several at once.

Odoo's own test classes run on one test cursor (the registry is in test mode), so two
transactions can never race there. These helpers open the test database's registry here,
give each concurrent step its own cursor in its own thread, and commit for real: the data
they create is committed too, under names unique to the run.
"""

import os
import sys
import threading
import uuid

import devenv
import pytest

# Row-level errors PostgreSQL raises when two transactions collide; Odoo's request
# handling retries on them, a raw transaction just loses.
CONCURRENCY_ERRORS = ("SerializationFailure", "DeadlockDetected", "LockNotAvailable")


def _import_odoo():
    src = os.environ.get("ODOO_SRC")
    if src and src not in sys.path:
        sys.path.insert(0, src)
    import odoo  # noqa: F401  (importable here when bin/test found it, see devenv.find_odoo)


@pytest.fixture(scope="session")
def registry(odoo_setup):
    """The Odoo registry of the test database, loaded in this process."""
    _import_odoo()
    from odoo.modules.registry import Registry
    from odoo.sql_db import close_db
    from odoo.tools import config

    pg = odoo_setup.pg
    config.parse_config(
        [
            "--addons-path",
            str(devenv.ADDONS),
            "--http-interface",
            "127.0.0.1",
            "--data-dir",
            str(devenv.LOCAL / "filestore"),
            "--db_host",
            pg["PGHOST"],
            "--db_port",
            pg["PGPORT"],
            "--db_user",
            pg["PGUSER"],
        ],
        setup_logging=False,
    )
    yield Registry(odoo_setup.database)
    close_db(odoo_setup.database)


def unique(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def superuser_env(cr):
    from odoo import SUPERUSER_ID, api

    return api.Environment(cr, SUPERUSER_ID, {})


def committed(registry, function):
    """Run ``function(env)`` as the superuser in a transaction of its own and commit it."""
    with registry.cursor() as cr:
        result = function(superuser_env(cr))
        cr.commit()
        return result


def new_user(env, login, groups):
    from odoo.tests import new_test_user

    return new_test_user(env, login=unique(login), groups=groups)


def is_concurrency_error(exc):
    return type(exc).__name__ in CONCURRENCY_ERRORS or "could not serialize" in str(exc)


def race(registry, *steps, retry=False, timeout=120):
    """Run each ``step(env)`` in its own thread, cursor and transaction, at the same time.

    Every transaction takes its snapshot before any step starts, so each step sees the
    database as it was before the others: the worst case of two users clicking at once.
    With ``retry`` a step runs as an HTTP request would (``odoo.service.model.retrying``:
    retried on serialization failures, then committed); without, it is committed once or
    fails. Returns one ("ok", result) or ("error", exception) per step, in order.
    """
    from odoo.service.model import retrying

    barrier = threading.Barrier(len(steps), timeout=timeout)
    outcomes = [("error", RuntimeError("step did not finish"))] * len(steps)

    def run(index, step):
        try:
            with registry.cursor() as cr:
                env = superuser_env(cr)
                cr.execute("SELECT 1")  # the transaction's snapshot is taken here
                barrier.wait()
                if retry:
                    result = retrying(lambda: step(env), env)
                else:
                    result = step(env)
                    cr.commit()
                outcomes[index] = ("ok", result)
        except Exception as exc:  # noqa: BLE001  (the outcome is what the test asserts)
            outcomes[index] = ("error", exc)

    threads = [
        threading.Thread(target=run, args=(index, step), daemon=True)
        for index, step in enumerate(steps)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout)
        assert not thread.is_alive(), "a concurrent step is still blocked"
    return outcomes
