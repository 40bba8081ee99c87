"""Black-box: a running server answers the JSON-2 API for a user holding an API key."""

import json
import urllib.error
import urllib.request

import pytest
from conftest import odoo_shell

CREATE_USER_AND_KEY = """
from odoo.tests import new_test_user
user = new_test_user(
    env, login="json2_researcher", groups="research_archive.group_research_archive_user"
)
key = env["res.users.apikeys"].with_user(user)._generate(None, "pytest", None)
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


def test_researcher_creates_and_reads_a_dossier(odoo_server, api_key):
    status, ids = call(
        odoo_server, "research.dossier", "create", api_key, vals_list=[{"name": "API dossier"}]
    )
    assert status == 200, ids
    status, records = call(
        odoo_server, "research.dossier", "read", api_key, ids=ids, fields=["name", "user_id"]
    )
    assert status == 200, records
    assert records[0]["name"] == "API dossier"
    assert records[0]["user_id"][1].startswith("json2_researcher")


def test_wrong_key_is_refused(odoo_server):
    status, body = call(odoo_server, "research.dossier", "search", "not-a-key", domain=[])
    assert status == 401, body


def test_researcher_cannot_reach_other_apps(odoo_server, api_key):
    status, body = call(odoo_server, "gas.contract", "search", api_key, domain=[])
    assert status == 403, body
    assert body["name"] == "odoo.exceptions.AccessError"
