from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, new_test_user, tagged

from .common import G, GasCommon
from .test_approval_texts_zh import load_chinese


@tagged("post_install", "-at_install")
class TestBatchApproval(GasCommon):
    """Issue 15: the approvers of contracts and fee variances decide a selection at once."""

    def _waiting(self, count, user=None):
        Contract = self.env["gas.contract"].with_user(user or self.staff)
        contracts = Contract.create(
            [self._contract_vals(user_category="commercial") for _i in range(count)]
        )
        contracts.action_submit()
        self.assertEqual(set(contracts.mapped("state")), {"to_approve"})
        return contracts.with_user(self.env.user)

    def test_market_manager_approves_three_contracts_at_once(self):
        contracts = self._waiting(3)
        as_market = contracts.with_user(self.market)
        as_market.mapped("can_review")  # read by the list the manager selects from
        with self.assertQueryCount(21):
            as_market.action_validate_selected()
        self.assertEqual(set(contracts.mapped("state")), {"approved"})
        self.assertEqual(contracts.review_ids.done_by, self.market)

    def test_a_contract_the_manager_may_not_approve_stops_the_selection(self):
        contracts = self._waiting(2)
        own = self._waiting(1, user=self.market)
        with self.assertRaises(UserError) as caught:
            (contracts | own).with_user(self.market).action_validate_selected()
        self.assertEqual(
            str(caught.exception).splitlines()[1:],
            [f"You drafted or submitted {own.name}: someone else must review it."],
        )
        self.assertEqual(set((contracts | own).mapped("state")), {"to_approve"})
        self.assertEqual(set((contracts | own).review_ids.mapped("status")), {"pending"})
        own.with_user(self.market2).action_validate_selected()
        self.assertEqual(own.state, "approved")

    def test_who_does_not_review_the_contracts_is_refused(self):
        contracts = self._waiting(2)
        for user in (self.staff, self.staff2, self.vp, self.gm):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                contracts.with_user(user).action_validate_selected()
            with self.subTest(user=user.login), self.assertRaises(UserError):
                contracts.with_user(user).action_reject_selected()
        self.assertEqual(set(contracts.review_ids.mapped("status")), {"pending"})

    def test_market_manager_rejects_contracts_at_once(self):
        contracts = self._waiting(2)
        contracts.with_user(self.market).action_reject_selected()
        self.assertEqual(set(contracts.mapped("validation_status")), {"rejected"})
        self.assertEqual(set(contracts.mapped("state")), {"to_approve"})

    def _variance(self, contract):
        return (
            self.env["gas.fee.variance"]
            .with_user(contract.create_uid)
            .create({"contract_id": contract.id, "amount": 2000.0, "reason": "Subsidised"})
        )

    def test_general_manager_decides_fee_variances_at_once(self):
        variances = self._variance(self._draft(charged_amount=2000.0)) | self._variance(
            self._draft(charged_amount=2000.0)
        )
        own_contract = self._draft(user=self.gm, charged_amount=2000.0)
        own = self._variance(own_contract)
        decided = self._variance(self._draft(charged_amount=2000.0))
        decided.with_user(self.gm).action_refuse()
        with self.assertRaises(UserError) as caught:
            (variances | own | decided).with_user(self.gm).action_approve()
        self.assertEqual(
            str(caught.exception).splitlines(),
            [
                f"{own_contract.name}: you cannot decide a fee variance on your own contract.",
                f"{decided.contract_id.name}: this fee variance is already decided.",
            ],
        )
        self.assertEqual(set((variances | own).mapped("state")), {"draft"})
        with self.assertRaises(AccessError):
            variances.with_user(self.market).action_approve()
        variances.with_user(self.gm).action_approve()
        self.assertEqual(set(variances.mapped("state")), {"approved"})
        self.assertEqual(variances.approved_by, self.gm)


@tagged("post_install", "-at_install")
class TestBatchApprovalTour(HttpCase, GasCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_chinese(cls.env)
        new_test_user(cls.env, login="gc_batch_market", groups=G + "market_manager", lang="zh_CN")

    def test_market_manager_approves_two_contracts_from_the_list(self):
        titles = ["Tour batch kitchen", "Tour batch bakery"]
        contracts = (
            self.env["gas.contract"]
            .with_user(self.staff)
            .create(
                [self._contract_vals(title=title, user_category="commercial") for title in titles]
            )
        )
        contracts.action_submit()
        self.start_tour("/odoo", "gas_contracts_batch_approval", login="gc_batch_market")
        self.assertEqual(set(contracts.mapped("state")), {"approved"})
