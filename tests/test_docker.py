"""docker/ only references files that exist, and runs Odoo the way the README says."""

import re
import shlex
from pathlib import Path

import devenv
import yaml

REPO = Path(__file__).resolve().parent.parent
DOCKER = REPO / "docker"


def compose():
    return yaml.safe_load((DOCKER / "compose.yml").read_text(encoding="utf-8"))


def dockerfile_copies(dockerfile):
    """Sources of every COPY/ADD that reads from the build context (not --from=stage)."""
    text = re.sub(r"\\\n", " ", dockerfile.read_text(encoding="utf-8"))
    for line in text.splitlines():
        words = shlex.split(line, comments=True)
        if words and words[0].upper() in ("COPY", "ADD"):
            args = [w for w in words[1:] if not w.startswith("--")]
            if any(w.startswith("--from") for w in words[1:]):
                continue
            yield from args[:-1]


def test_build_contexts_and_dockerfiles_exist():
    for name, service in compose()["services"].items():
        build = service.get("build")
        if not build:
            continue
        context = (DOCKER / build["context"]).resolve()
        assert context.is_dir(), f"{name}: build context {context} is missing"
        dockerfile = context / build.get("dockerfile", "Dockerfile")
        assert dockerfile.is_file(), f"{name}: {dockerfile} is missing"
        for source in dockerfile_copies(dockerfile):
            assert (context / source).exists(), f"{dockerfile.name} copies missing {source}"
        if "target" in build:
            assert re.search(
                rf"^FROM .+ AS {build['target']}$", dockerfile.read_text(), re.MULTILINE
            ), f"{name}: no build stage {build['target']}"


def test_bind_mounts_exist():
    for name, service in compose()["services"].items():
        for volume in service.get("volumes", []):
            source = volume.split(":", 1)[0]
            if source.startswith((".", "/")):
                assert (DOCKER / source).exists(), f"{name} mounts missing {source}"


def test_database_is_healthy_before_odoo_starts():
    services = compose()["services"]
    assert "healthcheck" in services["db"]
    assert services["odoo"]["depends_on"]["db"]["condition"] == "service_healthy"
    assert set(compose()["volumes"]) >= {"db-data", "odoo-data"}


def test_odoo_runs_multi_worker_with_our_addons():
    conf = (DOCKER / "odoo.conf").read_text(encoding="utf-8")
    workers = re.search(r"^workers\s*=\s*(\d+)", conf, re.MULTILINE)
    assert workers and int(workers[1]) >= 2
    assert "/opt/archive-addons/addons" in conf
    # the bridges install themselves with Invoicing or Sales
    modules = ",".join(sorted(devenv.OUR_MODULES))
    command = compose()["services"]["odoo"]["command"]
    assert ",".join(sorted(command[command.index("--init") + 1].split(","))) == modules


def test_readme_gives_the_one_command_start():
    assert "docker compose -f docker/compose.yml up" in (REPO / "README.md").read_text()
