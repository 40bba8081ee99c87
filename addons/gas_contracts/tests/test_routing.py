from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import GasCommon


@tagged("post_install", "-at_install")
class TestApprovalRouting(GasCommon):
    """[GC-3] routing by contract type, as the policy's 第四條 and 第九條 say."""

    def _reviewer_groups(self, contract):
        return contract.review_ids.mapped("definition_id.reviewer_group_id")

    def test_scattered_residential_installation_needs_no_approval(self):
        contract = self._draft()
        contract.action_submit()
        self.assertEqual(contract.state, "approved")
        self.assertFalse(contract.review_ids)
        contract.with_user(self.planning).write(
            {"construction_start": "2026-03-10", "construction_end": "2026-03-20"}
        )
        contract.with_user(self.planning).action_confirm_construction()
        contract.with_user(self.staff).action_sign()
        self.assertEqual(contract.state, "signed")

    def test_residential_installation_off_the_normal_process_goes_to_market(self):
        contract = self._draft(normal_process=False)
        contract.action_submit()
        self.assertEqual(contract.state, "to_approve")
        self.assertEqual(
            self._reviewer_groups(contract), self.env.ref("gas_contracts.group_gas_market_manager")
        )

    def test_commercial_installation_goes_to_market_manager(self):
        contract = self._draft(user_category="commercial")
        contract.action_submit()
        self.assertEqual(contract.state, "to_approve")
        self.assertEqual(
            self._reviewer_groups(contract), self.env.ref("gas_contracts.group_gas_market_manager")
        )
        # the operations VP is no reviewer of this route
        with self.assertRaises(UserError):
            contract.with_user(self.vp).validate_tier()
        contract.with_user(self.market).validate_tier()
        self.assertEqual(contract.state, "approved")
        self.assertEqual(contract.review_ids.done_by, self.market)

    def test_collective_installation_goes_to_market_manager(self):
        contract = self._draft(
            user_category="collective", contact_name="Li Si", contact_phone="13812345678"
        )
        contract.action_submit()
        self.assertEqual(
            self._reviewer_groups(contract), self.env.ref("gas_contracts.group_gas_market_manager")
        )

    def test_instalment_installation_goes_to_operations_vp(self):
        contract = self._draft(
            user_category="commercial",
            payment_mode="instalment",
            charged_amount=2800.0,
            instalment_ids=[
                (0, 0, {"deadline": "2026-04-01", "amount": 1400.0, "installation_step": "Riser"}),
                (0, 0, {"deadline": "2026-05-01", "amount": 1400.0, "installation_step": "Meter"}),
            ],
        )
        contract.action_submit()
        self.assertEqual(
            self._reviewer_groups(contract), self.env.ref("gas_contracts.group_gas_operations_vp")
        )
        with self.assertRaises(UserError):
            contract.with_user(self.market).validate_tier()
        contract.with_user(self.vp).validate_tier()
        self.assertEqual(contract.state, "approved")

    def test_supply_goes_to_general_manager_only_while_fees_unpaid(self):
        unpaid = self._draft(type_id=self.t_res_supply.id, charged_amount=0.0)
        paid = self._draft(type_id=self.t_res_supply.id, charged_amount=0.0)
        paid.with_user(self.finance).write({"installation_fee_paid": True})
        (unpaid | paid).with_user(self.staff).action_submit()
        self.assertEqual(paid.state, "approved")
        self.assertFalse(paid.review_ids)
        self.assertEqual(unpaid.state, "to_approve")
        self.assertEqual(
            self._reviewer_groups(unpaid), self.env.ref("gas_contracts.group_gas_general_manager")
        )
        unpaid.with_user(self.gm).validate_tier()
        self.assertEqual(unpaid.state, "approved")

    def test_only_finance_marks_installation_fees_paid(self):
        contract = self._draft(type_id=self.t_res_supply.id, charged_amount=0.0)
        with self.assertRaises(AccessError):
            contract.with_user(self.staff).write({"installation_fee_paid": True})

    def test_take_or_pay_drafted_by_operations_vp_signed_by_general_manager(self):
        Contract = self.env["gas.contract"]
        for user in (self.staff, self.market, self.gm, self.admin_gas):
            with self.assertRaises(AccessError, msg=user.login):
                Contract.with_user(user).create(self._top_vals())
        contract = Contract.with_user(self.vp).create(self._top_vals())
        contract.with_user(self.vp).action_submit()
        self.assertEqual(
            self._reviewer_groups(contract), self.env.ref("gas_contracts.group_gas_general_manager")
        )
        with self.assertRaises(UserError):
            contract.with_user(self.vp).validate_tier()
        contract.with_user(self.gm).validate_tier()
        self.assertEqual(contract.state, "approved")
        for user in (self.staff, self.vp):
            with self.assertRaises(UserError, msg=user.login):
                contract.with_user(user).action_sign()
        contract.with_user(self.gm).action_sign()
        self.assertEqual(contract.state, "signed")

    def test_staff_cannot_turn_a_contract_into_take_or_pay(self):
        contract = self._draft(type_id=self.t_res_supply.id, charged_amount=0.0)
        with self.assertRaises(AccessError):
            contract.with_user(self.staff).write({"type_id": self.t_top.id})

    def test_rejected_contract_goes_back_to_draft(self):
        contract = self._draft(user_category="commercial")
        contract.action_submit()
        contract.with_user(self.market).reject_tier()
        self.assertEqual(contract.validation_status, "rejected")
        contract.with_user(self.staff).action_approve()
        self.assertEqual(contract.state, "to_approve")
        with self.assertRaises(ValidationError):
            contract.with_user(self.staff)._do_approve()
        contract.with_user(self.staff).action_draft()
        self.assertEqual(contract.state, "draft")
        self.assertFalse(contract.review_ids)


@tagged("post_install", "-at_install")
class TestNoSelfApproval(GasCommon):
    """[GC-3] the drafter never approves his own contract, whatever path he tries."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a market manager drafts a commercial installation: his own group reviews it
        cls.contract = (
            cls.env["gas.contract"]
            .with_user(cls.market)
            .create(cls._contract_vals(user_category="commercial"))
        )
        cls.contract.with_user(cls.market).action_submit()
        cls.as_drafter = cls.contract.with_user(cls.market)

    def test_drafter_is_not_a_reviewer(self):
        self.assertNotIn(self.market, self.contract.review_ids.reviewer_ids)
        self.assertIn(self.market2, self.contract.review_ids.reviewer_ids)
        self.assertFalse(self.as_drafter.can_review)

    def test_button(self):
        with self.assertRaises(UserError):
            self.as_drafter.validate_tier()
        with self.assertRaises(UserError):
            self.as_drafter.reject_tier()
        self.assertEqual(self.contract.state, "to_approve")

    def test_state_write(self):
        with self.assertRaises(UserError):
            self.as_drafter.write({"state": "approved"})
        with self.assertRaises(UserError):
            self.as_drafter.write({"state": "signed"})
        self.assertEqual(self.contract.state, "to_approve")

    def test_context_keys(self):
        for key in ("skip_validation_check", "skip_check_state_condition", "tracking_disable"):
            with self.assertRaises(UserError, msg=key):
                self.as_drafter.with_context(**{key: True}).write({"state": "approved"})
        # the tier mixin lets skip_validation_check write under validation: not here
        with self.assertRaises(UserError):
            self.as_drafter.with_context(skip_validation_check=True).write({"charged_amount": 1.0})
        self.assertEqual(self.contract.charged_amount, 2800.0)

    def test_review_records(self):
        review = self.contract.review_ids.with_user(self.market)
        with self.assertRaises(UserError):
            review.write({"status": "approved", "done_by": self.market.id})
        with self.assertRaises(UserError):
            review.write({"status": "approved", "done_by": self.market2.id})
        with self.assertRaises(UserError):
            review.write({"reviewer_ids": [(6, 0, [self.market.id])]})
        with self.assertRaises(UserError):
            review.unlink()
        with self.assertRaises(UserError):
            self.env["tier.review"].with_user(self.market).create(
                {
                    "model": "gas.contract",
                    "res_id": self.contract.id,
                    "definition_id": review.definition_id.id,
                    "status": "approved",
                }
            )
        self.assertEqual(self.contract.review_ids.status, "pending")
        self.assertEqual(self.contract.state, "to_approve")

    def test_review_commands_through_the_contract(self):
        review = self.contract.review_ids
        with self.assertRaises(UserError):
            self.as_drafter.write({"review_ids": [(1, review.id, {"status": "approved"})]})
        with self.assertRaises(UserError):
            self.as_drafter.write({"review_ids": [(2, review.id)]})
        self.assertEqual(self.contract.review_ids.status, "pending")

    def test_comment_wizard(self):
        wizard = (
            self.env["comment.wizard"]
            .with_user(self.market)
            .create(
                {
                    "res_model": "gas.contract",
                    "res_id": self.contract.id,
                    "review_ids": [(6, 0, self.contract.review_ids.ids)],
                    "validate_reject": "validate",
                    "comment": "Looks fine to me",
                }
            )
        )
        with self.assertRaises(UserError):
            wizard.add_comment()
        self.assertEqual(self.contract.review_ids.status, "pending")

    def test_reset_and_resubmit_keeps_the_drafter_out(self):
        self.as_drafter.action_draft()
        self.as_drafter.action_submit()
        with self.assertRaises(UserError):
            self.as_drafter.validate_tier()

    def test_drafter_cannot_be_reassigned(self):
        with self.assertRaises(UserError):
            self.as_drafter.write({"user_id": self.staff.id})

    def test_another_reviewer_approves(self):
        self.contract.with_user(self.market2).validate_tier()
        self.assertEqual(self.contract.state, "approved")


@tagged("post_install", "-at_install")
class TestRoutingQueryCount(GasCommon):
    """[GC-3] routing a batch costs the same number of queries for 3 or 30 contracts."""

    def _batch(self, size):
        Contract = self.env["gas.contract"].with_user(self.staff)
        return Contract.create(
            [self._contract_vals(user_category="commercial") for _i in range(size)]
        )

    def _submit_queries(self, contracts):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        contracts.action_submit()
        self.env.flush_all()
        return self.cr.sql_log_count - before

    def test_submit_batch_constant_queries(self):
        for _warm_up in range(3):  # fill the ORM and rule caches
            self._submit_queries(self._batch(2))
        small = self._submit_queries(self._batch(3))
        large = self._submit_queries(self._batch(30))
        self.assertEqual(small, large, "routing must not query per contract")
        contracts = self._batch(10)
        self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(small):
            contracts.action_submit()
            self.env.flush_all()
        self.assertEqual(set(contracts.mapped("state")), {"to_approve"})
        self.assertEqual(len(contracts.review_ids), 10)

    def test_to_review_list_is_one_query(self):
        """The "to review" filter is one SQL condition however many contracts wait."""
        waiting = self._batch(3)
        waiting.action_submit()
        waiting[0].with_user(self.market2).reject_tier()
        to_review = [("can_review", "=", True)]
        Contract = self.env["gas.contract"].with_user(self.market)
        self.assertEqual(Contract.search(to_review) & waiting, waiting[1:])
        # the drafter's own contracts are never his to review
        self.assertFalse(self.env["gas.contract"].with_user(self.staff).search(to_review))
        more = self._batch(30)
        more.action_submit()
        self.env.invalidate_all()
        with self.assertQueryCount(1):
            found = Contract.search(to_review)
        self.assertEqual(found & (waiting | more), waiting[1:] | more)
