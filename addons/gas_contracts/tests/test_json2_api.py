import json
from datetime import datetime, timedelta

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.base_record_guard.tests.test_read_audit import (
    audit_cleanup,
    audit_mark,
    audit_rows,
)

from .common import GasCommon


@tagged("post_install", "-at_install")
class TestJson2Api(GasCommon, HttpCase):
    """[GC-3, GC-8] the same rules hold over the JSON-2 API, as the attacker."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contract = (
            cls.env["gas.contract"]
            .with_user(cls.market)
            .create(cls._contract_vals(user_category="commercial"))
        )
        cls.contract.with_user(cls.market).action_submit()
        cls.keys = {
            user: user.with_user(user)
            .env["res.users.apikeys"]
            ._generate(
                scope="rpc", name="gc test", expiration_date=datetime.now() + timedelta(days=1)
            )
            for user in (cls.market, cls.market2, cls.staff, cls.finance)
        }

    def _call(self, user, model, method, **payload):
        return self.url_open(
            f"/json/2/{model}/{method}",
            data=json.dumps(payload),
            headers={
                "Content-Type": "application/json",
                "Authorization": f"Bearer {self.keys[user]}",
            },
        )

    def test_drafter_cannot_approve_over_the_api(self):
        contract, review = self.contract, self.contract.review_ids
        attempts = [
            ("gas.contract", "validate_tier", {"ids": contract.ids}),
            ("gas.contract", "_do_approve", {"ids": contract.ids}),
            (
                "gas.contract",
                "write",
                {
                    "ids": contract.ids,
                    "vals": {"state": "approved"},
                    "context": {"skip_validation_check": True, "tracking_disable": True},
                },
            ),
            (
                "tier.review",
                "write",
                {"ids": review.ids, "vals": {"status": "approved", "done_by": self.market.id}},
            ),
            ("tier.review", "unlink", {"ids": review.ids}),
            (
                "tier.review",
                "create",
                {
                    "vals_list": [
                        {
                            "model": "gas.contract",
                            "res_id": contract.id,
                            "definition_id": review.definition_id.id,
                            "status": "approved",
                        }
                    ]
                },
            ),
        ]
        for model, method, payload in attempts:
            with mute_logger("odoo.http"):
                response = self._call(self.market, model, method, **payload)
            self.assertNotEqual(response.status_code, 200, f"{model}.{method}: {response.text}")
        # approving an unvalidated contract is a no-op
        self._call(self.market, "gas.contract", "action_approve", ids=contract.ids)
        contract.invalidate_recordset()
        review.invalidate_recordset()
        self.assertEqual(contract.state, "to_approve")
        self.assertEqual(review.status, "pending")
        self.assertEqual(len(contract.review_ids), 1)
        # the JSON-2 call itself works: another market manager approves
        response = self._call(self.market2, "gas.contract", "validate_tier", ids=contract.ids)
        self.assertEqual(response.status_code, 200, response.text)
        contract.invalidate_recordset()
        self.assertEqual(contract.state, "approved")

    def test_staff_cannot_create_take_or_pay_over_the_api(self):
        vals = {**self._top_vals(), "contract_date": "2026-01-01"}
        with mute_logger("odoo.http"):
            response = self._call(self.staff, "gas.contract", "create", vals_list=[vals])
        self.assertEqual(response.status_code, 403, response.text)
        self.assertFalse(
            self.env["gas.contract"].search([("partner_id", "=", self.big_partner.id)])
        )

    def test_sensitive_read_over_the_api_is_logged(self):
        mark = audit_mark(self.env)
        self.addCleanup(audit_cleanup, self.env, mark)
        account = self.env["gas.account"].create(
            {
                "contract_id": self.contract.id,
                "partner_id": self.partner.id,
                "id_number": "110101199003071234",
            }
        )
        with mute_logger("odoo.http"):
            response = self._call(
                self.staff, "gas.account", "read", ids=account.ids, fields=["id_number"]
            )
        self.assertEqual(response.status_code, 403, response.text)
        response = self._call(
            self.finance, "gas.account", "read", ids=account.ids, fields=["id_number"]
        )
        self.assertEqual(response.status_code, 200, response.text)
        self.assertEqual(response.json()[0]["id_number"], "110101199003071234")
        rows = audit_rows(self.env, mark, "gas.account")
        self.assertEqual(
            [(row["res_id"], row["user_ref"], row["field_names"]) for row in rows],
            [(account.id, self.finance.id, "id_number")],
        )
