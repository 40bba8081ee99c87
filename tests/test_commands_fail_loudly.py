"""bin/run and bin/test stop at once, with a clear sentence, when Odoo or PostgreSQL is missing."""

import os
import subprocess
import sys

import devenv
import pytest


def run(command, *python_flags, **env):
    done = subprocess.run(
        [sys.executable, *python_flags, str(devenv.REPO / "bin" / command)],
        env=dict(os.environ, **env),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    return done.returncode, done.stderr


@pytest.mark.parametrize("command", ["run", "test"])
def test_odoo_not_importable(command):
    # -S: no site-packages, so this Python has no `odoo` (and ODOO_SRC is unset)
    code, err = run(command, "-S", ODOO_SRC="")
    assert code != 0
    assert "Odoo 19 is not importable" in err and "ODOO_SRC" in err, err


@pytest.mark.parametrize("command", ["run", "test"])
def test_odoo_src_not_a_source_tree(command, tmp_path):
    code, err = run(command, ODOO_SRC=str(tmp_path))
    assert code != 0
    assert "is not an Odoo source tree" in err, err


@pytest.mark.parametrize("command", ["run", "test"])
def test_postgres_not_answering(command):
    code, err = run(command, PGHOST="127.0.0.1", PGPORT=str(devenv.free_port()))
    assert code != 0
    assert "did not accept a connection" in err, err


def test_postgres_superuser_role_refused():
    code, err = run("test", PGUSER="postgres")
    assert code != 0
    assert "refuses to run as the PostgreSQL role 'postgres'" in err, err
