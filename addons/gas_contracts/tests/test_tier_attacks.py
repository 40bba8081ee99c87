import json
from datetime import datetime, timedelta

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common import G, GasCommon


class TierAttackCommon(GasCommon):
    """A business staff member drafts a commercial installation: the market manager
    reviews it. The drafter then tries every public method of the tier mixin."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.attacker = new_test_user(cls.env, login="gc_attacker", groups=G + "contracts_user")
        cls.contract = (
            cls.env["gas.contract"]
            .with_user(cls.attacker)
            .create(cls._contract_vals(user_category="commercial"))
        )
        cls.contract.with_user(cls.attacker).action_submit()
        cls.review = cls.contract.review_ids
        cls.as_attacker = cls.contract.with_user(cls.attacker)

    def _assert_review_kept(self, status):
        self.contract.invalidate_recordset()
        self.assertEqual(self.contract.review_ids, self.review, "the review was replaced")
        self.assertEqual(self.review.status, status)


@tagged("post_install", "-at_install")
class TestTierMethodsOrm(TierAttackCommon):
    """[GC-3] the mixin's public methods only work for who may act on that step."""

    def test_drafter_cannot_wipe_a_refusal(self):
        self.contract.with_user(self.market).reject_tier()
        with self.assertRaises(UserError):
            self.as_attacker.restart_validation()
        with self.assertRaises(UserError):
            self.as_attacker.request_validation()
        self._assert_review_kept("rejected")
        self.assertEqual(self.contract.validation_status, "rejected")
        self.assertEqual(self.contract.state, "to_approve")

    def test_drafter_cannot_reset_a_pending_review(self):
        with self.assertRaises(UserError):
            self.as_attacker.restart_validation()
        self._assert_review_kept("pending")

    def test_refused_contract_cannot_be_restarted_by_anyone(self):
        self.contract.with_user(self.market).reject_tier()
        for user in (self.market, self.market2, self.gm, self.staff):
            with self.assertRaises(UserError, msg=user.login):
                self.contract.with_user(user).restart_validation()
        self._assert_review_kept("rejected")

    def test_reviewer_restarts_the_route(self):
        self.contract.with_user(self.market).restart_validation()
        self.contract.invalidate_recordset()
        self.assertEqual(self.contract.state, "to_approve")
        self.assertEqual(self.contract.review_ids.status, "pending")
        self.assertNotIn(self.attacker, self.contract.review_ids.reviewer_ids)
        with self.assertRaises(UserError):
            self.as_attacker.validate_tier()
        self.contract.with_user(self.market2).validate_tier()
        self.assertEqual(self.contract.state, "approved")

    def test_only_drafter_or_reviewer_puts_back_to_draft(self):
        for user in (self.staff, self.finance, self.vp):
            with self.assertRaises(AccessError, msg=user.login):
                self.contract.with_user(user).action_draft()
        self._assert_review_kept("pending")
        self.contract.with_user(self.market).action_draft()
        self.assertEqual(self.contract.state, "draft")

    def test_departments_do_not_move_the_workflow(self):
        contract = self._draft(user=self.attacker)
        for user in (self.finance, self.planning, self.budget, self.archivist):
            with self.assertRaises(AccessError, msg=user.login):
                contract.with_user(user).action_submit()
        self.assertEqual(contract.state, "draft")
        contract.with_user(self.attacker).action_submit()
        for user in (self.finance, self.planning, self.budget, self.archivist):
            with self.assertRaises(AccessError, msg=user.login):
                contract.with_user(user).action_sign()
        self.assertEqual(contract.state, "approved")


@tagged("post_install", "-at_install")
class TestTierMethodsJson2(TierAttackCommon, HttpCase):
    """[GC-3] the same methods called over the JSON-2 API by the drafter."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.keys = {
            user: user.with_user(user)
            .env["res.users.apikeys"]
            ._generate(
                scope="rpc", name="gc attack", expiration_date=datetime.now() + timedelta(days=1)
            )
            for user in (cls.attacker, cls.market)
        }

    def _call(self, user, method, **payload):
        with mute_logger("odoo.http"):
            return self.url_open(
                f"/json/2/gas.contract/{method}",
                data=json.dumps(payload),
                headers={
                    "Content-Type": "application/json",
                    "Authorization": f"Bearer {self.keys[user]}",
                },
            )

    def test_drafter_calls_every_tier_method(self):
        self.contract.with_user(self.market).reject_tier()
        ids = self.contract.ids
        for method, payload in [
            ("restart_validation", {}),
            ("request_validation", {}),
            ("validate_tier", {}),
            ("reject_tier", {}),
            ("evaluate_tier", {"tier": self.review.definition_id.id}),
        ]:
            response = self._call(self.attacker, method, ids=ids, **payload)
            self.assertNotEqual(response.status_code, 200, f"{method}: {response.text}")
        self._assert_review_kept("rejected")
        self.assertEqual(self.contract.state, "to_approve")

    def test_routing_helper_is_private(self):
        response = self._call(
            self.market, "evaluate_tier", ids=self.contract.ids, tier=self.review.definition_id.id
        )
        self.assertEqual(response.status_code, 403, response.text)
        self.assertIn("Private methods", response.text)

    def test_reviewer_restarts_over_the_api(self):
        response = self._call(self.market, "restart_validation", ids=self.contract.ids)
        self.assertEqual(response.status_code, 200, response.text)
        self.contract.invalidate_recordset()
        self.assertEqual(self.contract.review_ids.status, "pending")
        self.assertNotEqual(self.contract.review_ids, self.review)
