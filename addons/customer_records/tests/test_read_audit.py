"""[CR-3] Generated matrix: the confidential customer file × every read path × every role,
checking what each role sees and that every opening by someone else than the keeper is
logged once, with its grant."""

import json
from datetime import date

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

from .common import CustomerRecordsCommon

SECRET = "Credit story nobody else may read"


@tagged("post_install", "-at_install")
class TestReadAuditMatrix(CustomerRecordsCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.file = cls._create_file(cls.customer, credit_description=SECRET)
        cls.grantee = cls.outsider
        grant = (
            cls.env["customer.access.grant"]
            .with_user(cls.grantee)
            .create(
                {
                    "partner_ids": [(6, 0, cls.customer.ids)],
                    "purpose": "Matrix",
                    "date_from": date.today(),
                    "date_to": date.today(),
                }
            )
        )
        grant.action_request()
        grant.with_user(cls.gm).action_approve()
        cls.grant_ref = f"customer.access.grant,{grant.id}"
        cls.attachment = cls.env["ir.attachment"].create(
            {
                "name": "credit.txt",
                "raw": SECRET.encode(),
                "res_model": "customer.file",
                "res_id": cls.file.id,
            }
        )
        export = cls.env.ref("base.group_allow_export")
        roles = (cls.keeper, cls.keeper2, cls.office, cls.director, cls.gm, cls.grantee)
        export.user_ids |= cls.keeper | cls.keeper2 | cls.office | cls.director | cls.gm
        # role -> (sees the file, its reading is logged, with which grant)
        cls.expected = {
            cls.keeper: (True, False, None),
            cls.keeper2: (False, False, None),
            cls.office: (False, False, None),
            cls.director: (True, True, None),
            cls.gm: (True, True, None),
            cls.grantee: (True, True, cls.grant_ref),
        }
        assert set(cls.expected) == set(roles)

    # ------------------------------------------------------------ the paths
    def _orm(self, user, path):
        """Run one path as user; return whether the file's content came back."""
        Files = self.env["customer.file"].with_user(user)
        domain = [("id", "=", self.file.id)]
        file = self.file.with_user(user)
        try:
            if path == "search":
                return bool(Files.search(domain))
            if path == "read":
                return file.read(["credit_description"])[0]["credit_description"] == SECRET
            if path == "web_read":
                values = file.web_read({"credit_description": {}})
                return values[0]["credit_description"] == SECRET
            if path == "read_group_totals":
                [(total,)] = Files._read_group(domain, [], ["credit_limit:sum"])
                return total == 1000.0
            if path == "formatted_read_group":
                groups = Files.formatted_read_group(domain, ["department_id"], ["credit_limit:sum"])
                return bool(groups) and groups[0]["credit_limit:sum"] == 1000.0
            if path == "export_data":
                return Files.search(domain).export_data(["credit_description"])["datas"] == [
                    [SECRET]
                ]
            if path == "report":
                html, __ = (
                    self.env["ir.actions.report"]
                    .with_user(user)
                    ._render_qweb_html("customer_records.report_customer_file", self.file.ids)
                )
                return "Huadong Textile" in html.decode()
        except AccessError:
            return False
        raise AssertionError(path)

    def _http(self, user, path):
        self.authenticate(user.login, user.login)
        with mute_logger("odoo.http", "odoo.addons.web.controllers.export"):
            if path == "/web/export/xlsx":
                spec = {
                    "model": "customer.file",
                    "fields": [{"name": "credit_description", "label": "Credit", "type": "text"}],
                    "ids": False,
                    "domain": [("id", "=", self.file.id)],
                    "import_compat": False,
                }
                response = self.url_open(
                    "/web/export/xlsx",
                    data={"data": json.dumps(spec), "csrf_token": http.Request.csrf_token(self)},
                )
                return response.status_code == 200 and self._xlsx_has_secret(response.content)
            if path == "/web/content":
                response = self.url_open(f"/web/content/{self.attachment.id}")
                return response.status_code == 200 and response.content == SECRET.encode()
        raise AssertionError(path)

    def _xlsx_has_secret(self, content):
        from io import BytesIO  # noqa: PLC0415

        import openpyxl  # noqa: PLC0415

        sheet = openpyxl.load_workbook(BytesIO(content)).active
        return any(SECRET in str(cell) for row in sheet.iter_rows(values_only=True) for cell in row)

    def test_matrix(self):
        paths = {
            "search": None,
            "read": "read",
            "web_read": "read",
            "read_group_totals": "group",
            "formatted_read_group": "group",
            "export_data": "export",
            "report": "report",
            "/web/export/xlsx": "export",
            "/web/content": "download",
        }
        for user, (sees, logged, grant) in self.expected.items():
            for path, operation in paths.items():
                with self.subTest(user=user.login, path=path):
                    audit_new_request(self.env)
                    mark = audit_mark(self.env)
                    self.addCleanup(audit_cleanup, self.env, mark)
                    run = self._http if path.startswith("/") else self._orm
                    self.assertEqual(run(user, path), sees)
                    expected = (
                        [("customer.file", self.file.id, user.id, operation, grant)]
                        if logged and operation
                        else []
                    )
                    rows = [
                        (r["res_model"], r["res_id"], r["user_ref"], r["operation"], r["grant_ref"])
                        for r in audit_rows(self.env, mark)
                    ]
                    self.assertEqual(rows, expected)
