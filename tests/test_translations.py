"""Every user-facing string of the add-ons is translated into zh_CN and zh_TW.

The template is exported afresh from the test database (so a string added without updating
i18n/<module>.pot is caught), and each of its messages must have a non-empty, non-fuzzy
translation in i18n/zh_CN.po and i18n/zh_TW.po.
"""

import functools
import subprocess

import devenv
import polib
import pytest

LANGUAGES = ("zh_CN", "zh_TW")


ALL_MODULES = devenv.BASE_MODULES + devenv.OUR_MODULES + devenv.BRIDGE_MODULES


@pytest.fixture(scope="module")
def exported(odoo_setup, bridge_setup, tmp_path_factory):
    """{module: polib.POFile} exported from the database the add-on is installed in."""

    @functools.cache
    def export(module):
        # the base modules are installed in the main database as dependencies of ours
        setup = bridge_setup if module in devenv.BRIDGE_MODULES else odoo_setup
        path = tmp_path_factory.mktemp("i18n") / f"{module}.pot"
        cmd = setup.cmd + [f"--addons-path={devenv.ADDONS}", "i18n", "export"]
        cmd += ["-d", setup.database, "-l", "pot", "-o", str(path), module]
        done = subprocess.run(cmd, env=setup.env, capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr[-3000:]
        return polib.pofile(str(path))

    return export


@pytest.mark.parametrize("module", ALL_MODULES)
def test_template_is_current(exported, module):
    committed = devenv.ADDONS / module / "i18n" / f"{module}.pot"
    assert committed.is_file(), f"{committed} is missing: export it with `odoo i18n export`"
    missing = {e.msgid for e in exported(module)} - {e.msgid for e in polib.pofile(str(committed))}
    assert not missing, f"{committed.name} lacks {len(missing)} strings: {sorted(missing)[:10]}"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("module", ALL_MODULES)
def test_every_string_is_translated(exported, module, language):
    path = devenv.ADDONS / module / "i18n" / f"{language}.po"
    assert path.is_file(), f"{path} is missing"
    po = polib.pofile(str(path))
    assert po.metadata.get("Language") == language, f"{path.name}: wrong Language header"
    done = {e.msgid for e in po if e.msgstr.strip() and "fuzzy" not in e.flags and not e.obsolete}
    untranslated = sorted(e.msgid for e in exported(module) if e.msgid not in done)
    assert not untranslated, (
        f"{len(untranslated)} strings of {module} lack a {language} translation, e.g. "
        f"{untranslated[:10]}"
    )


EXTRA_PO_FILES = sorted(devenv.ADDONS.glob("*/i18n_extra/*.po"))


@pytest.mark.parametrize(
    "path", EXTRA_PO_FILES, ids=[str(p.relative_to(devenv.ADDONS)) for p in EXTRA_PO_FILES]
)
def test_i18n_extra_file_is_complete(path):
    """i18n_extra/<lang>.po (loaded without .pot merge) is for <lang> and fully translated."""
    po = polib.pofile(str(path))
    assert po.metadata.get("Language") == path.stem, f"{path.name}: wrong Language header"
    entries = [e for e in po if not e.obsolete]
    assert entries, f"{path} has no entry"
    untranslated = [e.msgid for e in entries if not e.msgstr.strip()]
    assert not untranslated, f"{path}: {len(untranslated)} empty msgstr, e.g. {untranslated[:5]}"
    msgids = [e.msgid for e in entries]
    assert len(msgids) == len(set(msgids)), f"{path}: duplicate msgids"
