"""Fixtures for the repository tests: a real Odoo server on a real database."""

import itertools
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
import devenv


class OdooSetup:
    """How to run Odoo on the test database (kept out of pytest's tracebacks: no env dump)."""

    def __init__(self, cmd, env, pg, database):
        self.cmd, self.env, self.pg, self.database = cmd, env, pg, database

    def __repr__(self):
        return f"<Odoo on database {self.database}>"


def _odoo_on_database(variable, modules, prefix):
    """Yield an OdooSetup on the database named by `variable`, or on one built here."""
    try:
        odoo_cmd, odoo_env = devenv.find_odoo()
        pg = devenv.find_postgres()
    except devenv.SetupError as exc:
        pytest.fail(str(exc), pytrace=False)
    env = dict(os.environ, **odoo_env, **pg)
    database = os.environ.get(variable)
    owned = not database
    if owned:
        database = f"{prefix}_{os.getpid()}"
        cmd = odoo_cmd + devenv.odoo_args(database, devenv.free_port())
        cmd += ["--init", ",".join(modules), "--stop-after-init"]
        with open(log_path(f"pytest-init-{prefix}"), "w", encoding="utf-8") as log:
            subprocess.run(cmd, env=env, check=True, stdout=log, stderr=subprocess.STDOUT)
    yield OdooSetup(odoo_cmd, env, pg, database)
    if owned:
        devenv.drop_database(pg, database)


@pytest.fixture(scope="session")
def odoo_setup():
    """An OdooSetup whose database has the three add-ons installed.

    bin/test hands over the database it has just tested (ODOO_TEST_DB); run alone, pytest
    builds its own and drops it afterwards.
    """
    yield from _odoo_on_database("ODOO_TEST_DB", devenv.OUR_MODULES, "archive_addons_pytest")


@pytest.fixture(scope="session")
def bridge_setup():
    """An OdooSetup whose database has the bridges (and so Invoicing and Sales) installed."""
    yield from _odoo_on_database(
        "ODOO_TEST_BRIDGE_DB", devenv.BRIDGE_MODULES, "archive_addons_bridges_pytest"
    )


def log_path(name):
    """A new file in .local/logs for the log of an Odoo process; bin/test checks them all."""
    devenv.LOGS.mkdir(parents=True, exist_ok=True)
    return devenv.LOGS / f"{name}-{next(_LOG_NUMBERS)}.log"


_LOG_NUMBERS = itertools.count(1)


def odoo_shell(odoo_setup, code):
    """Run Python in `odoo shell` on the test database; return what it printed last."""
    cmd = odoo_setup.cmd + ["shell", "--no-http", "--log-level", "warn"]
    cmd += devenv.odoo_args(odoo_setup.database, devenv.free_port())
    done = subprocess.run(
        cmd, env=odoo_setup.env, input=code, capture_output=True, text=True, check=False
    )
    log_path("pytest-shell").write_text(done.stderr, encoding="utf-8")
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1]


# the gevent (websocket) port of the multi-worker server of each database
GEVENT_PORTS = {}


@pytest.fixture(scope="session")
def odoo_server(odoo_setup):
    """(base URL, database) of an Odoo server on the test database, in multi-worker mode,
    started as a deployment starts it (odoo-bin); its gevent port is GEVENT_PORTS[database]."""
    port, gevent_port = devenv.free_port(), devenv.free_port()
    log = open(log_path("pytest-server"), "w", encoding="utf-8")  # noqa: SIM115
    cmd = odoo_setup.cmd + devenv.odoo_args(odoo_setup.database, port)
    cmd += ["--workers", "2", "--max-cron-threads", "0", "--gevent-port", str(gevent_port)]
    process = subprocess.Popen(cmd, env=odoo_setup.env, stdout=log, stderr=subprocess.STDOUT)
    try:
        devenv.wait_for_http(port, process)
        GEVENT_PORTS[odoo_setup.database] = gevent_port
        yield f"http://127.0.0.1:{port}", odoo_setup.database
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()
        time.sleep(0.5)
