"""Black-box: a running multi-worker server answers the JSON-2 API for a user's API key."""

import json
import urllib.error
import urllib.request

import pytest
from conftest import odoo_shell

CREATE_USER_AND_KEY = """
from datetime import datetime, timedelta
from odoo.tests import new_test_user
user = new_test_user(
    env, login="json2_researcher", groups="research_archive.group_research_archive_user"
)
key = env["res.users.apikeys"].with_user(user)._generate(
    None, "pytest", datetime.now() + timedelta(days=1)
)
env.cr.commit()
print(key)
"""


@pytest.fixture(scope="module")
def api_key(odoo_setup):
    return odoo_shell(odoo_setup, CREATE_USER_AND_KEY)


def call(server, model, method, key, **params):
    url, database = server
    request = urllib.request.Request(
        f"{url}/json/2/{model}/{method}",
        data=json.dumps(params).encode(),
        headers={
            "Content-Type": "application/json",
            "Authorization": f"bearer {key}",
            "X-Odoo-Database": database,
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)


def test_key_authenticates_its_user(odoo_server, api_key):
    status, users = call(
        odoo_server,
        "res.users",
        "search_read",
        api_key,
        domain=[["login", "=", "json2_researcher"]],
        fields=["login"],
    )
    assert status == 200, users
    assert [u["login"] for u in users] == ["json2_researcher"]


def test_researcher_reaches_research_archive(odoo_server, api_key):
    status, count = call(odoo_server, "research.dossier", "search_count", api_key, domain=[])
    assert status == 200, count
    assert isinstance(count, int)


def test_researcher_cannot_reach_other_apps(odoo_server, api_key):
    status, body = call(odoo_server, "gas.contract", "search", api_key, domain=[])
    assert status == 403, body
    assert body["name"] == "odoo.exceptions.AccessError"


def test_wrong_key_is_refused(odoo_server):
    status, body = call(odoo_server, "research.dossier", "search", "not-a-key", domain=[])
    assert status == 401, body
