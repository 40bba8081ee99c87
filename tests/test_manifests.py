"""The add-ons' manifests, requirements.txt and requirements-dev.txt agree."""

import ast
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
MODULES = sorted(p.parent for p in (REPO / "addons").glob("*/__manifest__.py"))
# Python import name -> distribution name, where they differ.
DISTRIBUTIONS = {"xlsxwriter": "xlsxwriter", "xlrd": "xlrd", "openpyxl": "openpyxl"}


def manifest(module):
    return ast.literal_eval((module / "__manifest__.py").read_text(encoding="utf-8"))


def pins(filename):
    """{distribution name (lower case, '-' for '_'): [exact versions]} of a requirements file."""
    found = {}
    for line in (REPO / filename).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        match = re.fullmatch(r"([A-Za-z0-9_.\-]+)==([0-9][\w.]*)\s*(;.*)?", line)
        assert match, f"{filename}: {line!r} is not pinned to an exact version"
        found.setdefault(match[1].lower().replace("_", "-"), []).append(match[2])
    return found


def core_modules():
    """Names of the modules that come with Odoo itself."""
    import importlib.util
    import os

    roots = []
    if os.environ.get("ODOO_SRC"):
        src = Path(os.environ["ODOO_SRC"])
        roots += [src / "addons", src / "odoo" / "addons"]
    spec = importlib.util.find_spec("odoo")
    if spec:
        for location in spec.submodule_search_locations or []:
            roots += [Path(location) / "addons", Path(location).parent / "addons"]
    names = {p.parent.name for root in roots for p in root.glob("*/__manifest__.py")}
    if "base" not in names:
        pytest.fail("Odoo's own add-ons were not found: install Odoo 19 or set ODOO_SRC.")
    return names


def test_our_addons_exist():
    assert [m.name for m in MODULES] == [
        "base_input_guard",
        "base_record_guard",
        "base_role_overview",
        "base_tier_validation_texts",
        "customer_records",
        "customer_records_account",
        "customer_records_sale",
        "gas_contracts",
        "research_archive",
        "web_live_progress",
    ]


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.name)
def test_manifest_is_complete(module):
    data = manifest(module)
    assert re.fullmatch(r"19\.0\.\d+\.\d+\.\d+", data["version"]), data["version"]
    assert data["license"] in {"LGPL-3", "AGPL-3"}
    assert data["depends"], "an add-on depends on something"
    for path in data.get("data", []) + data.get("demo", []):
        assert (module / path).is_file(), f"{module.name}: {path} is listed but missing"
    assert (module / "readme" / "DESCRIPTION.md").is_file()
    assert (module / "i18n").is_dir()
    assert (module / "static" / "description" / "icon.png").is_file()


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.name)
def test_every_dependency_is_provided(module):
    """Each depends is Odoo core, one of ours, or an OCA wheel pinned in requirements.txt."""
    ours = {m.name for m in MODULES}
    core = core_modules()
    pinned = pins("requirements.txt")
    for dependency in manifest(module)["depends"]:
        if dependency in ours or dependency in core:
            continue
        wheel = "odoo-addon-" + dependency.replace("_", "-")
        assert wheel in pinned, f"{module.name} depends on {dependency}: pin {wheel}"
    for name in manifest(module).get("external_dependencies", {}).get("python", []):
        distribution = DISTRIBUTIONS.get(name.lower(), name.lower())
        assert distribution in pinned, f"{module.name} needs Python {name}: pin it"


def test_every_pinned_oca_addon_is_used():
    used = {d for m in MODULES for d in manifest(m)["depends"]}
    for wheel in pins("requirements.txt"):
        if wheel.startswith("odoo-addon-"):
            name = wheel.removeprefix("odoo-addon-").replace("-", "_")
            assert name in used, f"requirements.txt pins {wheel}, which no add-on depends on"


def test_test_tools_are_pinned():
    dev = pins("requirements-dev.txt")
    for tool in ("pytest", "websocket-client", "ruff", "pylint-odoo", "pyyaml"):
        assert tool in dev, f"requirements-dev.txt must pin {tool}"
