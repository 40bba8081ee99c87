"""Find Odoo 19 and PostgreSQL for bin/run, bin/test and the repository tests.

Odoo is either importable by the running Python (a pip or editable install) or a source tree
named by ODOO_SRC. PostgreSQL comes from the usual PG* variables, else 127.0.0.1:5432; when no
server answers there and PostgreSQL's server programs are installed, a private throwaway
cluster is started in .local/postgres (ignored by git), listening on a Unix socket only.
Every failure to find either stops the caller with one sentence saying what to do.
"""

import atexit
import getpass
import glob
import importlib.util
import os
import pwd
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LOCAL = REPO / ".local"
ADDONS = REPO / "addons"
OUR_MODULES = ("research_archive", "customer_records", "gas_contracts")
# Technical add-ons ours depend on; they come with them, in the main database.
BASE_MODULES = (
    "base_input_guard",
    "base_record_guard",
    "base_tier_validation_texts",
    "web_live_progress",
)
# Bridges that install themselves when Invoicing or Sales is there too. They are tested in a
# database of their own, so that the main one stays as most customers run it: without
# accounting.
BRIDGE_MODULES = ("customer_records_account", "customer_records_sale")


class SetupError(Exception):
    """Something the commands need is missing; the message says what and how to provide it."""


def fail(message):
    print(f"\nERROR: {message}", file=sys.stderr, flush=True)
    sys.exit(2)


def run_quiet(cmd, **kwargs):
    return subprocess.run(cmd, capture_output=True, text=True, check=False, **kwargs)


# ---------------------------------------------------------------- Python requirements


def install_requirements():
    """Install the pinned requirements into the Python in use (a no-op when satisfied).

    requirements.txt holds the add-ons' runtime dependencies with all their own dependencies
    pinned, and is installed with --no-deps: the OCA wheels declare `odoo==19.0.*`, which pip
    cannot see satisfied by a source tree or a Debian-packaged Odoo.
    """
    pip = [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    for args in (["--no-deps", "-r", "requirements.txt"], ["-r", "requirements-dev.txt"]):
        done = run_quiet(pip + args, cwd=REPO)
        if done.returncode:
            raise SetupError(
                f"pip could not install {args[-1]} into {sys.executable}:\n{done.stderr.strip()}"
            )


# ---------------------------------------------------------------- Odoo


def find_odoo():
    """Return (command prefix, environment additions) to run Odoo 19."""
    src = os.environ.get("ODOO_SRC")
    if src:
        src = Path(src).expanduser().resolve()
        release = src / "odoo" / "release.py"
        if not (src / "odoo-bin").is_file() or not release.is_file():
            raise SetupError(
                f"ODOO_SRC={src} is not an Odoo source tree (no odoo-bin or odoo/release.py): "
                "point ODOO_SRC at a checkout of Odoo 19.0 Community."
            )
        version = _release_version(release)
        if not version.startswith("19.0"):
            raise SetupError(f"ODOO_SRC={src} holds Odoo {version}; these add-ons need 19.0.")
        pythonpath = os.pathsep.join(filter(None, [str(src), os.environ.get("PYTHONPATH")]))
        return [sys.executable, str(src / "odoo-bin")], {"PYTHONPATH": pythonpath}
    spec = importlib.util.find_spec("odoo")
    if spec is None:
        raise SetupError(
            f"Odoo 19 is not importable by {sys.executable} and ODOO_SRC is not set: install "
            "Odoo 19.0 Community into this Python (pip install -e <odoo source>) or set "
            "ODOO_SRC to an Odoo 19.0 source tree."
        )
    # `odoo` is a namespace package: OCA wheels add odoo/addons/* beside Odoo's own tree.
    releases = [Path(p) / "release.py" for p in spec.submodule_search_locations or []]
    version = next((_release_version(r) for r in releases if r.is_file()), "unknown")
    if not version.startswith("19.0"):
        raise SetupError(
            f"The odoo package importable by {sys.executable} is version {version}; "
            "these add-ons need Odoo 19.0 (or set ODOO_SRC to a 19.0 source tree)."
        )
    return [sys.executable, "-m", "odoo"], {}


def _release_version(release_py):
    """'19.0' from odoo/release.py's `version_info = (19, 0, ...)`, without running it."""
    match = re.search(r"^version_info\s*=\s*\((\d+),\s*(\d+)", release_py.read_text(), re.MULTILINE)
    return f"{match[1]}.{match[2]}" if match else "unknown"


def check_browser_and_pdf():
    """Tours and PDF tests are skipped by Odoo without these; a skip is a failure for us."""
    missing = []
    if not any(shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome")):
        missing.append("Chromium (apt-get install --no-install-recommends chromium)")
    if importlib.util.find_spec("websocket") is None:
        missing.append("the Python package websocket-client (pip install -r requirements-dev.txt)")
    if not shutil.which("wkhtmltopdf"):
        missing.append("wkhtmltopdf (apt-get install --no-install-recommends wkhtmltopdf)")
    if missing:
        raise SetupError(
            "Browser tours and PDF tests would be skipped; install " + ", ".join(missing) + "."
        )


# ---------------------------------------------------------------- PostgreSQL


def find_postgres():
    """Return the PG* settings to use, starting a private cluster if none answers."""
    pg = {
        "PGHOST": os.environ.get("PGHOST") or "127.0.0.1",
        "PGPORT": os.environ.get("PGPORT") or "5432",
        "PGUSER": os.environ.get("PGUSER") or getpass.getuser(),
    }
    if pg["PGUSER"] == "postgres":
        raise SetupError(
            "Odoo refuses to run as the PostgreSQL role 'postgres': create another role "
            "(createuser --createdb odoo) and set PGUSER to it."
        )
    status, detail = _probe(pg)
    if status == "ok":
        return pg
    if status == "refused" and not os.environ.get("PGHOST"):
        return _start_private_cluster(pg)
    raise SetupError(
        f"PostgreSQL at {pg['PGHOST']}:{pg['PGPORT']} as role {pg['PGUSER']} did not accept a "
        f"connection ({detail}); set PGHOST, PGPORT, PGUSER (and PGPASSWORD) to a role that may "
        "create databases."
    )


def _probe(pg):
    import psycopg2  # an Odoo requirement: present wherever Odoo runs

    try:
        _connect(pg).close()
    except psycopg2.OperationalError as exc:
        text = str(exc).strip().splitlines()[0] if str(exc).strip() else repr(exc)
        refused = "Connection refused" in str(exc) or "No such file" in str(exc)
        return ("refused" if refused else "error"), text
    return "ok", ""


def _server_bin():
    for directory in [Path(p) for p in os.environ.get("PATH", "").split(os.pathsep)] + sorted(
        (Path(p) for p in glob.glob("/usr/lib/postgresql/*/bin")),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
        reverse=True,
    ):
        if (directory / "pg_ctl").is_file() and (directory / "initdb").is_file():
            return directory
    return None


def _start_private_cluster(pg):
    bindir = _server_bin()
    if bindir is None:
        raise SetupError(
            f"No PostgreSQL server answers at {pg['PGHOST']}:{pg['PGPORT']} and PostgreSQL's "
            "server programs (initdb, pg_ctl) are not installed: start a server and set "
            "PGHOST/PGPORT/PGUSER, or install PostgreSQL (apt-get install postgresql)."
        )
    datadir = LOCAL / "postgres"
    sockdir = datadir / "socket"
    # PostgreSQL will not run as root; the cluster then belongs to the 'postgres' system user.
    as_user = []
    if os.geteuid() == 0:
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError as exc:
            raise SetupError(
                "Running as root, the private PostgreSQL cluster needs a 'postgres' system user "
                "to own it; run as an ordinary user or start a PostgreSQL server yourself."
            ) from exc
        as_user = ["runuser", "-u", "postgres", "--"]
    if not (datadir / "PG_VERSION").exists():
        datadir.mkdir(parents=True, exist_ok=True)
        if as_user:
            os.chown(datadir, owner.pw_uid, owner.pw_gid)
        done = run_quiet(
            as_user
            + [
                str(bindir / "initdb"),
                "-D",
                str(datadir),
                "-U",
                "odoo",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C",
            ]
        )
        if done.returncode:
            raise SetupError(f"initdb failed in {datadir}: {done.stderr.strip()}")
    sockdir.mkdir(exist_ok=True)
    if as_user:
        os.chown(sockdir, owner.pw_uid, owner.pw_gid)
    port = pg["PGPORT"]
    private = {"PGHOST": str(sockdir), "PGPORT": port, "PGUSER": "odoo"}
    if _probe(private)[0] != "ok":
        done = run_quiet(
            as_user
            + [
                str(bindir / "pg_ctl"),
                "-D",
                str(datadir),
                "-l",
                str(datadir / "server.log"),
                "-w",
                "-o",
                f"-k {sockdir} -p {port} -c listen_addresses=''",
                "start",
            ]
        )
        if done.returncode == 0:
            # Throwaway: it lives as long as the command that started it.
            stop = as_user + [str(bindir / "pg_ctl"), "-D", str(datadir), "-m", "fast", "stop"]
            atexit.register(run_quiet, stop)
        else:
            raise SetupError(
                f"The private PostgreSQL cluster in {datadir} did not start: "
                f"{(done.stderr or done.stdout).strip()} (see {datadir / 'server.log'})."
            )
    print(f"Using a private PostgreSQL cluster in {datadir} (socket {sockdir}).", flush=True)
    return private


def _connect(pg):
    import psycopg2

    return psycopg2.connect(
        dbname="postgres",
        host=pg["PGHOST"],
        port=pg["PGPORT"],
        user=pg["PGUSER"],
        password=os.environ.get("PGPASSWORD"),
        connect_timeout=5,
    )


def database_exists(pg, name):
    with _connect(pg) as conn, conn.cursor() as cr:
        cr.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        return cr.fetchone() is not None


def drop_database(pg, name):
    from psycopg2 import sql

    conn = _connect(pg)
    conn.autocommit = True  # DROP DATABASE cannot run inside a transaction
    try:
        with conn.cursor() as cr:
            cr.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
    finally:
        conn.close()
    shutil.rmtree(LOCAL / "filestore" / "filestore" / name, ignore_errors=True)


# ---------------------------------------------------------------- Odoo logs

LOG_LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (?P<level>[A-Z]+) ")


def load_log_allowlist():
    """tests/log-allowlist.txt: a regular expression, ' ## ', why the line is harmless."""
    entries = []
    path = REPO / "tests" / "log-allowlist.txt"
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        pattern, sep, why = line.rpartition(" ## ")
        if not sep or not why.strip() or not pattern.strip():
            raise SetupError(f"{path}:{number}: an entry needs 'regex ## why it is harmless'.")
        entries.append(re.compile(pattern.strip()))
    return entries


def unexplained_log_lines(lines, allowlist):
    """The WARNING, ERROR and CRITICAL lines that no allow-list entry explains."""
    return [
        line
        for line in lines
        if (match := LOG_LINE.match(line))
        and match["level"] in ("WARNING", "ERROR", "CRITICAL")
        and not any(pattern.search(line) for pattern in allowlist)
    ]


# ---------------------------------------------------------------- Odoo command lines


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def odoo_args(database, http_port):
    """Options common to every Odoo process we start."""
    return [
        "--database",
        database,
        "--db-filter",
        f"^{database}$",
        "--addons-path",
        str(ADDONS),
        "--http-interface",
        "127.0.0.1",
        "--http-port",
        str(http_port),
        "--data-dir",
        str(LOCAL / "filestore"),
    ]


def wait_for_http(port, process, timeout=180):
    """Wait until Odoo answers /web/health on the port, or the process dies."""
    import urllib.request

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SetupError(f"Odoo exited with code {process.returncode} before serving HTTP.")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/web/health", timeout=5):
                return
        except OSError:
            time.sleep(1)
    raise SetupError(f"Odoo did not answer on port {port} within {timeout} s.")
