"""bin/run and bin/test stop at once, with a clear sentence, when Odoo or PostgreSQL is missing
or wrong, before they change anything of the set-up already in place."""

import io
import os
import subprocess
import sys
import tarfile

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


def make_archive(path, files):
    """A .tar.gz holding `files` ({name: text}) under one top folder, as source archives do."""
    with tarfile.open(path, "w:gz") as tar:
        for name, text in files.items():
            data = text.encode()
            info = tarfile.TarInfo(f"odoo-19.0/{name}")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


RELEASE_19 = "version_info = (19, 0, 0, 'final', 0, '')\n"


@pytest.mark.parametrize("command", ["run", "test"])
def test_current_python_without_odoo(command):
    # -S: no site-packages, so this Python has no `odoo`
    code, err = run(command, "-S", ODOO_CURRENT_PYTHON="1", ODOO_SRC="")
    assert code != 0
    assert "ODOO_CURRENT_PYTHON is set but Odoo 19 is not importable" in err, err


@pytest.mark.parametrize("command", ["run", "test"])
def test_odoo_src_not_a_source_tree(command, tmp_path):
    code, err = run(command, ODOO_SRC=str(tmp_path))
    assert code != 0
    assert "is not an Odoo source tree" in err, err


def test_archive_missing(tmp_path):
    code, err = run("run", ODOO_SRC="", ODOO_ARCHIVE=str(tmp_path / "odoo.tar.gz"))
    assert code != 0
    assert "is not a file" in err, err


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"README.md": "not odoo"}, "is not an Odoo source tree"),
        (
            {"odoo-bin": "", "odoo/release.py": "version_info = (18, 0, 0, 'final', 0, '')\n"},
            "holds Odoo 18.0; these add-ons need 19.0",
        ),
        (
            {
                "odoo-bin": "",
                "odoo/release.py": RELEASE_19,
                "addons/web_enterprise/__manifest__.py": "{'name': 'Web Enterprise'}",
            },
            "holds Odoo Enterprise add-ons (web_enterprise)",
        ),
    ],
)
def test_archive_checked_before_use(tmp_path, files, message):
    archive = make_archive(tmp_path / "odoo.tar.gz", files)
    origin = devenv.ODOO_TREE / ".devenv-origin"
    before = origin.read_text() if origin.is_file() else None
    code, err = run("test", ODOO_SRC="", ODOO_ARCHIVE=str(archive))
    assert code != 0
    assert message in err, err
    # the tree in use, if any, is left as it was
    assert (origin.read_text() if origin.is_file() else None) == before


def test_download_failing_says_what_to_do():
    url = f"http://127.0.0.1:{devenv.free_port()}/odoo-19.0.tar.gz"
    code, err = run("run", ODOO_SRC="", ODOO_ARCHIVE=url)
    assert code != 0
    assert f"Could not download Odoo from {url}" in err and "ODOO_ARCHIVE" in err, err


@pytest.mark.parametrize("command", ["run", "test"])
def test_postgres_not_answering(command):
    code, err = run(command, PGHOST="127.0.0.1", PGPORT=str(devenv.free_port()))
    assert code != 0
    assert "did not accept a connection" in err, err


def test_postgres_superuser_role_refused():
    code, err = run("test", PGUSER="postgres")
    assert code != 0
    assert "refuses to run as the PostgreSQL role 'postgres'" in err, err
