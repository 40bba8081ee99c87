"""Each add-on installs alone, with its demo data, on a fresh database without a warning."""

import os
import subprocess

import devenv
import pytest


@pytest.mark.parametrize("module", devenv.OUR_MODULES)
def test_installs_alone_without_warnings(odoo_setup, module):
    database = f"archive_addons_alone_{module}_{os.getpid()}"
    cmd = odoo_setup.cmd + devenv.odoo_args(database, devenv.free_port())
    cmd += ["--init", module, "--with-demo", "--stop-after-init", "--log-level", "info"]
    try:
        done = subprocess.run(cmd, env=odoo_setup.env, capture_output=True, text=True, check=False)
    finally:
        devenv.drop_database(odoo_setup.pg, database)
    lines = (done.stdout + done.stderr).splitlines()
    assert done.returncode == 0, "\n".join(lines[-30:])
    problems = devenv.unexplained_log_lines(lines, devenv.load_log_allowlist())
    assert not problems, "\n".join(problems)
    installed = [line for line in lines if f"Loading module {module} " in line]
    assert installed, f"the log does not show {module} being loaded"
