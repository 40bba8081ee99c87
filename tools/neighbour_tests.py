"""Other projects' tests, run with our add-ons installed and loaded, compared with a run without.

Our add-ons change what every model of a database does (locks, read audit, outbound messages),
so the tests of the projects they live beside must pass with them as they pass without them:
OCA base_tier_validation, Odoo's crm, survey and mail, and test_mail (the tests of mail's
mixins, on test models).

Odoo runs a module's at_install tests while it loads that module, before the modules that come
after it in the dependency graph: ours are then not loaded yet, and those tests prove nothing
about them. So each side installs everything first without tests, then a second Odoo process
loads the whole registry and runs the neighbours' at_install tests AFTER it, together with
their post_install tests (this file, run as a script, is that Odoo process: it defers the
at_install suites and runs them at the post_install point, see `_run_odoo`).

The baseline installs the same neighbours and every module ours depend on that is not ours
(report_xlsx, ...), so that a difference comes from our code alone. A test that fails only with
ours fails the run unless tests/neighbour-expected.txt lists it with the reason; so do a test
skipped only with ours, a WARNING/ERROR log line seen only with ours, and an entry of that file
that no longer differs.

Called by bin/test:  passed, failed, problems = neighbour_tests.run(odoo_cmd, env, pg, log_dir)
"""

import ast
import re
import subprocess
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent))
import devenv

NEIGHBOURS = ("base_tier_validation", "crm", "mail", "survey", "test_mail")
EXPECTED = devenv.REPO / "tests" / "neighbour-expected.txt"
RESULT = re.compile(r"(\d+) failed, (\d+) error\(s\) of (\d+) tests when loading database")
# "... ERROR db odoo.addons.crm.tests.test_crm_lead: FAIL: TestCRMLead.test_x" (or a subtest)
TEST_FAILED = re.compile(
    r" (?:ERROR|CRITICAL) \S+ odoo\.addons\.(?P<module>[\w.]+): (?:FAIL|ERROR): "
    r"(?:Subtest )?(?P<test>\w+\.\w+)"
)
TEST_SKIPPED = re.compile(r" INFO \S+ odoo\.addons\.(?P<module>[\w.]+): skipped (?P<test>\w+\.\w+)")
# one side's log line without what differs between runs: time, pid, database, numbers
LOG_PREFIX = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (?P<level>[A-Z]+) \S+ ")


def run(odoo_cmd, env, pg, log_dir, neighbours=NEIGHBOURS, keep_db=False, db_prefix="neighbours"):
    """Run the neighbours' tests without and with our add-ons; return (passed, failed, problems).

    `passed` counts the neighbours' tests that pass with ours as without them, `failed` the
    tests that fail (or error) only with ours and are not listed in tests/neighbour-expected.txt,
    `problems` says in one line each what else is wrong (a run that crashed or ran no test, a
    test skipped or a log line seen only with ours, a stale expected entry) and lists the
    failures. Logs go to log_dir/neighbours-{base,ours}-{install,tests}.log.
    """
    log_dir = Path(log_dir)
    log_dir.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d_%H%M%S")
    ours = devenv.OUR_MODULES
    sides = {
        "base": sorted(set(neighbours) | their_dependencies()),
        "ours": sorted(set(neighbours) | their_dependencies() | set(ours)),
    }
    tags = ",".join(f"/{m}" for m in neighbours)
    outcome, problems = {}, []
    for side, modules in sides.items():
        database = f"{db_prefix}_{side}_{stamp}"
        started = time.monotonic()
        try:
            install_log = log_dir / f"neighbours-{side}-install.log"
            code = _odoo(odoo_cmd, env, database, install_log, ["-i", ",".join(modules)])
            if code:
                problems.append(f"{side}: installing {','.join(modules)} failed, see {install_log}")
                outcome[side] = None
                continue
            installed = time.monotonic()
            test_log = log_dir / f"neighbours-{side}-tests.log"
            test_args = ["--test-enable", "--test-tags", tags]
            code = _odoo(odoo_cmd, env, database, test_log, test_args, deferred=True)
            outcome[side] = read_log(test_log)
            if outcome[side]["total"] is None:
                problems.append(f"{side}: Odoo ran no tests (exit code {code}), see {test_log}")
            print(
                f"neighbour tests {side}: installed in {installed - started:.0f} s, tests ran "
                f"in {time.monotonic() - installed:.0f} s; {_summary(outcome[side])}",
                flush=True,
            )
        finally:
            if not keep_db:
                devenv.drop_database(pg, database)
    if not outcome.get("base") or not outcome.get("ours") or outcome["ours"]["total"] is None:
        return 0, 1, problems
    expected = {t: why for t, why in load_expected().items() if t.split("/")[0] in neighbours}
    return compare(outcome["base"], outcome["ours"], expected, problems)


def their_dependencies():
    """The modules ours depend on, directly or not, that are not in addons/."""
    seen, todo, found = set(), list(devenv.OUR_MODULES), set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        manifest = devenv.ADDONS / name / "__manifest__.py"
        if not manifest.is_file():
            found.add(name)
            continue
        todo.extend(ast.literal_eval(manifest.read_text(encoding="utf-8")).get("depends", []))
    return found


def _odoo(odoo_cmd, env, database, log_path, args, deferred=False):
    """Run one Odoo process to the end on the database; its output goes to log_path."""
    cmd = odoo_cmd
    if deferred:  # this file in place of odoo-bin: the same Odoo, at_install tests deferred
        cmd = [odoo_cmd[0], str(Path(__file__).resolve()), *odoo_cmd[1:]]
    cmd = [
        *cmd,
        *devenv.odoo_args(database, devenv.free_port()),
        "--with-demo",
        "--stop-after-init",
        "--log-level",
        "info",
        *args,
    ]
    print("$", " ".join(cmd), flush=True)
    with open(log_path, "w", encoding="utf-8") as log:
        return subprocess.call(cmd, env=env, stdout=log, stderr=subprocess.STDOUT)


def read_log(log_path):
    """What one test run says: its counts, failed and skipped tests, WARNING/ERROR lines."""
    lines = Path(log_path).read_text(encoding="utf-8", errors="replace").splitlines()
    results = [m for m in map(RESULT.search, lines) if m]
    failed = {_test_id(m) for m in map(TEST_FAILED.search, lines) if m}
    skipped = {_test_id(m) for m in map(TEST_SKIPPED.search, lines) if m}
    allowlist = devenv.load_log_allowlist()
    logged = {
        _normalized(line)
        for line in devenv.unexplained_log_lines(lines, allowlist)
        if not TEST_FAILED.search(line) and not RESULT.search(line)
    }
    total = int(results[-1][3]) if results else None
    count = int(results[-1][1]) + int(results[-1][2]) if results else 0
    return {"total": total, "count": count, "failed": failed, "skipped": skipped, "logged": logged}


def _test_id(match):
    """'test_mail/tests/test_mail_template.py::TestMailTemplate.test_x'"""
    module, _, file = match["module"].rpartition(".")
    return f"{module.replace('.', '/')}/{file}.py::{match['test']}"


def _normalized(line):
    line = LOG_PREFIX.sub(lambda m: m["level"] + " ", line)
    return re.sub(r"\d+", "N", line)


def _summary(result):
    if result["total"] is None:
        return "no test ran"
    return (
        f"{result['total']} tests, {len(result['failed'])} failed, {len(result['skipped'])} skipped"
    )


def load_expected():
    """tests/neighbour-expected.txt: 'test id ## why it fails with ours on purpose'."""
    expected = {}
    for number, line in enumerate(EXPECTED.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        test, sep, why = line.partition(" ## ")
        if not sep or not why.strip() or not test.strip():
            raise devenv.SetupError(f"{EXPECTED}:{number}: an entry needs 'test id ## why'.")
        expected[test.strip()] = why.strip()
    return expected


def compare(base, ours, expected, problems):
    """(passed, failed, problems) of the run with ours, measured against the baseline."""
    only_ours = ours["failed"] - base["failed"]
    unexpected = sorted(only_ours - set(expected))
    problems = list(problems)
    for side, result in (("without", base), ("with", ours)):
        if result["count"] and not result["failed"]:
            problems.append(f"{result['count']} test(s) failed {side} our add-ons; none named")
    problems += [f"fails only with our add-ons: {test}" for test in unexpected]
    problems += [
        f"listed in {EXPECTED.name} but no longer differs: {test}"
        for test in sorted(set(expected) - only_ours)
    ]
    problems += [
        f"skipped only with our add-ons: {test}"
        for test in sorted(ours["skipped"] - base["skipped"])
    ]
    problems += [
        f"logged only with our add-ons: {line}" for line in sorted(ours["logged"] - base["logged"])
    ]
    if base["failed"]:
        print(
            f"neighbour tests failing without our add-ons too ({len(base['failed'])}): "
            + ", ".join(sorted(base["failed"])),
            flush=True,
        )
    for test in sorted(only_ours & set(expected)):
        print(f"neighbour test failing with ours, as expected: {test} ({expected[test]})")
    return ours["total"] - len(ours["failed"]), len(unexpected), problems


# ---------------------------------------------------------------- run as Odoo itself


def _run_odoo(argv):
    """Run Odoo (argv: what follows the Python executable in odoo_cmd, then Odoo's options)
    with every at_install suite moved to the post_install point, after the whole registry
    is loaded: Odoo's loader asks for a module's at_install suite while loading that module
    (odoo/modules/loading.py) and for the post_install suite of all modules once all are
    loaded (odoo/service/server.py preload_registries)."""
    import runpy

    if argv[0] != "-m":  # odoo-bin finds Odoo beside itself; so must we
        sys.path.insert(0, str(Path(argv[0]).resolve().parent))
    from odoo.tests import loader
    from odoo.tests.suite import OdooSuite

    make_suite = loader.make_suite

    def deferred_make_suite(module_names, position="at_install"):
        if position == "at_install":
            return OdooSuite([])
        at_install = make_suite(module_names, "at_install")
        return OdooSuite([*at_install, *make_suite(module_names, position)])

    loader.make_suite = deferred_make_suite
    if argv[0] == "-m":
        sys.argv = [argv[1], *argv[2:]]
        runpy.run_module(argv[1], run_name="__main__", alter_sys=True)
    else:
        sys.argv = argv
        runpy.run_path(argv[0], run_name="__main__")


if __name__ == "__main__":
    _run_odoo(sys.argv[1:])
