import json
from datetime import date, datetime, timedelta

from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.base_record_guard.tests.test_read_audit import (
    audit_cleanup,
    audit_mark,
    audit_rows,
)

from .common import DIRECTOR, MANAGER, OFFICE, USER


@tagged("post_install", "-at_install")
class TestJson2Api(HttpCase):
    """The leak paths and workflow guards, as a client of the JSON-2 API sees them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.keeper = new_test_user(cls.env, login="cr_api_keeper", groups=USER)
        cls.office = new_test_user(cls.env, login="cr_api_office", groups=OFFICE)
        cls.director = new_test_user(cls.env, login="cr_api_director", groups=DIRECTOR)
        cls.gm = new_test_user(cls.env, login="cr_api_gm", groups=MANAGER)
        cls.outsider = new_test_user(cls.env, login="cr_api_outsider", groups="base.group_user")
        cls.customer = cls.env["res.partner"].create({"name": "API Customer Ltd"})
        cls.file = (
            cls.env["customer.file"]
            .with_user(cls.keeper)
            .create({"partner_id": cls.customer.id, "credit_description": "API secret"})
        )
        cls.keys = {
            user: user.with_user(user)
            .env["res.users.apikeys"]
            ._generate(scope="rpc", name="test", expiration_date=datetime.now() + timedelta(days=1))
            for user in (cls.keeper, cls.office, cls.director, cls.gm, cls.outsider)
        }

    def _call(self, user, model, method, **payload):
        return self.url_open(
            f"/json/2/{model}/{method}",
            data=json.dumps(payload, default=str),
            headers={
                "Content-Type": "application/json",
                "Authorization": f"Bearer {self.keys[user]}",
            },
        )

    @mute_logger("odoo.http")
    def test_outsider_gets_nothing_then_reads_with_a_grant(self):
        mark = audit_mark(self.env)
        self.addCleanup(audit_cleanup, self.env, mark)
        res = self._call(self.outsider, "customer.file", "search_read", domain=[], fields=["name"])
        self.assertEqual(res.json(), [])
        res = self._call(
            self.outsider,
            "customer.file",
            "read",
            ids=[self.file.id],
            fields=["credit_description"],
        )
        self.assertEqual(res.status_code, 403)
        res = self._call(self.outsider, "customer.file", "name_search", name="API")
        self.assertEqual(res.json(), [])
        # request access
        res = self._call(
            self.outsider,
            "customer.access.grant",
            "create",
            vals_list=[
                {
                    "partner_ids": [self.customer.id],
                    "purpose": "Contract review",
                    "date_from": date.today(),
                    "date_to": date.today() + timedelta(days=2),
                }
            ],
        )
        grant_ids = res.json()
        self._call(self.outsider, "customer.access.grant", "action_request", ids=grant_ids)
        # the requester cannot approve, nor forge the state
        res = self._call(self.outsider, "customer.access.grant", "action_approve", ids=grant_ids)
        self.assertGreaterEqual(res.status_code, 400)
        res = self._call(
            self.outsider,
            "customer.access.grant",
            "write",
            ids=grant_ids,
            vals={"state": "approved"},
        )
        self.assertGreaterEqual(res.status_code, 400)
        # the general manager approves
        res = self._call(self.gm, "customer.access.grant", "action_approve", ids=grant_ids)
        self.assertEqual(res.status_code, 200, res.text)
        res = self._call(
            self.outsider,
            "customer.file",
            "read",
            ids=[self.file.id],
            fields=["credit_description"],
        )
        self.assertEqual(res.json()[0]["credit_description"], "API secret")
        rows = audit_rows(self.env, mark, "customer.file")
        self.assertEqual(
            [row["grant_ref"] for row in rows], [f"customer.access.grant,{grant_ids[0]}"]
        )
        # the logger itself is not reachable from outside
        res = self._call(self.outsider, "customer.file", "_audit_read", ids=[self.file.id])
        self.assertGreaterEqual(res.status_code, 400)

    def _approved_grant(self, user):
        grant = (
            self.env["customer.access.grant"]
            .with_user(user)
            .create(
                {
                    "partner_ids": [(6, 0, self.customer.ids)],
                    "purpose": "Audit",
                    "date_from": date.today(),
                    "date_to": date.today(),
                }
            )
        )
        grant.action_request()
        grant.with_user(self.gm).action_approve()
        return grant

    def test_downloads_by_http_are_logged(self):
        mark = audit_mark(self.env)
        self.addCleanup(audit_cleanup, self.env, mark)
        attachment = self.env["ir.attachment"].create(
            {
                "name": "contract.txt",
                "raw": b"signed contract",
                "res_model": "customer.file",
                "res_id": self.file.id,
            }
        )
        self.authenticate("cr_api_outsider", "cr_api_outsider")
        with mute_logger("odoo.http"):
            res = self.url_open(f"/web/content/{attachment.id}")
        self.assertNotEqual(res.status_code, 200)
        grant = self._approved_grant(self.outsider)
        res = self.url_open(f"/web/content/{attachment.id}")
        self.assertEqual(res.status_code, 200)
        self.assertEqual(res.content, b"signed contract")
        res = self.url_open(f"/report/xlsx/customer_records.customer_file_xlsx/{self.file.id}")
        self.assertEqual(res.status_code, 200)
        res = self.url_open(f"/report/html/customer_records.report_customer_file/{self.file.id}")
        self.assertEqual(res.status_code, 200)
        self.assertIn("API secret", res.text)
        rows = audit_rows(self.env, mark, "customer.file")
        self.assertEqual(sorted(row["operation"] for row in rows), ["download", "report", "report"])
        self.assertEqual({row["grant_ref"] for row in rows}, {f"customer.access.grant,{grant.id}"})

    @mute_logger("odoo.http")
    def test_keeper_cannot_approve_his_file_through_the_api(self):
        self._call(self.keeper, "customer.file", "request_validation", ids=[self.file.id])
        for method, payload in (
            ("validate_tier", {}),
            ("write", {"vals": {"state": "approved"}}),
            ("write", {"vals": {"validation_status": "validated"}}),
        ):
            res = self._call(self.keeper, "customer.file", method, ids=[self.file.id], **payload)
            self.assertGreaterEqual(res.status_code, 400, method)
        self.assertEqual(self.file.state, "draft")
        res = self._call(self.director, "customer.file", "validate_tier", ids=[self.file.id])
        self.assertEqual(res.status_code, 200, res.text)
        self.assertEqual(self.file.state, "approved")

    @mute_logger("odoo.http")
    def test_reply_impossible_before_approval_through_the_api(self):
        department = self.env["customer.department"].create({"name": "API Dept"})
        complaint = (
            self.env["customer.complaint"]
            .with_user(self.keeper)
            .create(
                {
                    "subject": "Broken seal",
                    "partner_id": self.customer.id,
                    "department_id": department.id,
                    "description": "x",
                    "result": "Replaced",
                    "reply_text": "Dear customer",
                }
            )
        )
        for method, payload in (
            ("action_send_reply", {}),
            ("write", {"vals": {"state": "replied"}}),
            ("write", {"vals": {"reply_date": "2026-01-01 00:00:00"}}),
        ):
            res = self._call(
                self.office, "customer.complaint", method, ids=[complaint.id], **payload
            )
            self.assertGreaterEqual(res.status_code, 400, method)
        self.assertEqual(complaint.state, "received")

    @mute_logger("odoo.http")
    def test_reviews_of_a_file_do_not_leak_through_the_api(self):
        self.file.with_user(self.keeper).request_validation()
        review = self.file.review_ids
        review.sudo().comment = "API review secret"
        domain = [("model", "=", "customer.file")]
        res = self._call(
            self.outsider, "tier.review", "search_read", domain=domain, fields=["comment"]
        )
        self.assertEqual(res.json(), [])
        res = self._call(self.outsider, "tier.review", "search_count", domain=domain)
        self.assertEqual(res.json(), 0)
        res = self._call(
            self.outsider,
            "tier.review",
            "formatted_read_group",
            domain=domain,
            groupby=["res_id"],
            aggregates=["__count"],
        )
        self.assertEqual(res.json(), [])
        res = self._call(
            self.outsider, "tier.review", "read", ids=review.ids, fields=["res_id", "comment"]
        )
        self.assertEqual(res.status_code, 403)
        self.assertNotIn("API review secret", res.text)
        res = self._call(
            self.outsider, "tier.review", "write", ids=review.ids, vals={"comment": "Forged"}
        )
        self.assertEqual(res.status_code, 403)
        for model in ("mail.activity", "mail.followers"):
            res = self._call(
                self.outsider,
                model,
                "search_read",
                domain=[("res_model", "=", "customer.file")],
                fields=["res_id"],
            )
            self.assertEqual(res.json(), [], model)
        res = self._call(
            self.director,
            "tier.review",
            "search_read",
            domain=[*domain, ("res_id", "=", self.file.id)],
            fields=["comment"],
        )
        self.assertEqual([r["comment"] for r in res.json()], ["API review secret"])
