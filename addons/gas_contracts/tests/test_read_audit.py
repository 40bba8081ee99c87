"""[GC-8] Generated matrix: each sensitive field of the gas user file (and the shown identity
number computed from it) × every read path × every role: the levels below financial get
nothing clear, by no path (group keys included); every clear read is logged once."""

import json
from io import BytesIO

import openpyxl

from odoo import http
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.base_record_guard.tests.test_read_audit import (
    audit_cleanup,
    audit_mark,
    audit_new_request,
    audit_rows,
)

from .common import GasCommon

CLEAR = {
    "id_number": "110101199003071234",
    "bank_account": "6222020200112233445",
    "deposit_amount": 1234.5,
    "id_number_display": "110101199003071234",
}
ORM_PATHS = ("search", "read", "web_read", "read_group_totals", "formatted_read_group", "export")
HTTP_PATHS = ("/web/export/xlsx", "/web/content")
OPERATION = {
    "search": "search",
    "read": "read",
    "web_read": "read",
    "read_group_totals": "group",
    "formatted_read_group": "group",
    "export": "export",
    "/web/export/xlsx": "export",
    "/web/content": "download",
    "report": "report",
}


@tagged("post_install", "-at_install")
class TestReadAuditMatrix(GasCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        contract = cls.env["gas.contract"].create(
            cls._contract_vals(type_id=cls.t_res_supply.id, charged_amount=0.0)
        )
        cls.account = cls.env["gas.account"].create(
            {
                "contract_id": contract.id,
                "partner_id": cls.partner.id,
                "id_number": CLEAR["id_number"],
                "bank_account": CLEAR["bank_account"],
                "deposit_amount": CLEAR["deposit_amount"],
            }
        )
        cls.roles = (
            cls.basic,
            cls.budget,
            cls.archivist,
            cls.staff,
            cls.planning,
            cls.market,
            cls.vp,
            cls.finance,
            cls.gm,
            cls.admin_gas,
        )
        cls.env.ref("base.group_allow_export").user_ids |= cls.env["res.users"].union(*cls.roles)

    def _financial(self, user):
        return user.has_group("gas_contracts.group_gas_query_financial")

    # ------------------------------------------------------------ the paths
    def _orm(self, user, path, fname):
        """The value of fname that comes back to user by path (None: refused)."""
        Accounts = self.env["gas.account"].with_user(user)
        account = self.account.with_user(user)
        domain = [("id", "=", self.account.id)]
        stored = fname != "id_number_display"
        try:
            if path == "search":
                if not stored:
                    return None
                found = Accounts.search(domain + [(fname, "=", CLEAR[fname])])
                return CLEAR[fname] if found else None
            if path == "read":
                return account.read([fname])[0][fname]
            if path == "web_read":
                return account.web_read({fname: {}})[0][fname]
            if path == "read_group_totals":
                if not stored:
                    return None
                aggregate = "sum" if fname == "deposit_amount" else "max"
                [(total,)] = Accounts._read_group(domain, [], [f"{fname}:{aggregate}"])
                return total
            if path == "formatted_read_group":
                if not stored:
                    return None
                [group] = Accounts.formatted_read_group(domain, [fname], ["__count"])
                return group[fname]
            if path == "export":
                value = account.export_data([fname])["datas"][0][0]
                return float(value) if fname == "deposit_amount" else value
        except AccessError:
            return None
        raise AssertionError(path)

    def _http(self, user, path, fname):
        self.authenticate(user.login, user.login)
        with mute_logger("odoo.http", "odoo.addons.web.controllers.export"):
            if path == "/web/export/xlsx":
                spec = {
                    "model": "gas.account",
                    "fields": [{"name": fname, "label": fname, "type": "char"}],
                    "ids": self.account.ids,
                    "domain": [],
                    "import_compat": False,
                }
                response = self.url_open(
                    "/web/export/xlsx",
                    data={"data": json.dumps(spec), "csrf_token": http.Request.csrf_token(self)},
                )
                if response.status_code != 200:
                    return None
                sheet = openpyxl.load_workbook(BytesIO(response.content)).active
                return list(sheet.iter_rows(values_only=True))[1][0]
            if path == "/web/content":
                if fname == "deposit_amount":
                    return None
                response = self.url_open(
                    f"/web/content/gas.account/{self.account.id}/{fname}?download=1"
                )
                return "clear" if response.status_code == 200 else None
        raise AssertionError(path)

    def _report(self, user, fname):
        if fname != "id_number_display":
            return None
        html, __ = (
            self.env["ir.actions.report"]
            .with_user(user)
            ._render_qweb_html("gas_contracts.report_user_info", self.account.ids)
        )
        return CLEAR[fname] if CLEAR[fname] in html.decode() else "masked"

    def test_matrix(self):
        for fname in CLEAR:
            for user in self.roles:
                for path in (*ORM_PATHS, *HTTP_PATHS, "report"):
                    with self.subTest(field=fname, user=user.login, path=path):
                        audit_new_request(self.env)
                        mark = audit_mark(self.env)
                        self.addCleanup(audit_cleanup, self.env, mark)
                        if path == "report":
                            value = self._report(user, fname)
                        elif path.startswith("/"):
                            value = self._http(user, path, fname)
                        else:
                            value = self._orm(user, path, fname)
                        clear = value is not None and value in (CLEAR[fname], "clear")
                        rows = audit_rows(self.env, mark, "gas.account")
                        if not self._financial(user):
                            self.assertFalse(clear, f"{value!r} shown below the level")
                            self.assertEqual(rows, [])
                            continue
                        if value is None:
                            # a path that does not apply to this field
                            self.assertEqual(rows, [])
                            continue
                        self.assertTrue(clear, value)
                        self.assertEqual(
                            [(r["res_id"], r["user_ref"], r["operation"]) for r in rows],
                            [(self.account.id, user.id, OPERATION[path])],
                        )
                        self.assertIn(fname, rows[0]["field_names"])

    def test_accounts_list_opens_as_each_role(self):
        """Defect 8: the list (燃气用户 › 燃气用户账户) as the web client asks for it."""
        action = self.env.ref("gas_contracts.gas_account_action")
        for user in self.roles:
            with self.subTest(user=user.login):
                self.authenticate(user.login, user.login)
                views = self.make_jsonrpc_request(
                    "/web/dataset/call_kw/gas.account/get_views",
                    {
                        "model": "gas.account",
                        "method": "get_views",
                        "args": [[[False, "list"]]],
                        "kwargs": {"options": {"action_id": action.id}},
                    },
                )
                fields_ = views["models"]["gas.account"]["fields"]
                spec = {
                    name: {"fields": {"display_name": {}}}
                    if field["type"] in ("many2one", "many2many", "one2many")
                    else {}
                    for name, field in fields_.items()
                }
                result = self.make_jsonrpc_request(
                    "/web/dataset/call_kw/gas.account/web_search_read",
                    {
                        "model": "gas.account",
                        "method": "web_search_read",
                        "args": [],
                        "kwargs": {
                            "domain": [("id", "=", self.account.id)],
                            "specification": spec,
                            "limit": 80,
                            "count_limit": 10001,
                        },
                    },
                )
                self.assertEqual(result["length"], 1)
                shown = result["records"][0].get("id_number_display")
                if shown is not None and not self._financial(user):
                    self.assertNotEqual(shown, CLEAR["id_number"])
