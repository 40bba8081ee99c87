from datetime import date, timedelta
from itertools import count

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.base_record_guard.tests.workflow_matrix import PATHS, WorkflowFieldsMatrix

from .common import GasCommon


@tagged("post_install", "-at_install")
class TestWorkflowFields(GasCommon, WorkflowFieldsMatrix):
    """[GC-4] Every declared workflow-only field, every path, as the role that edits the model."""

    def _cases(self):
        """(model, role, values of a record the role creates and then edits, paths)."""
        days = count()
        supply = self._signed_supply()
        self._attach(supply, "supply_notice")
        self._attach(supply, "acceptance_drawing")
        account = self.env["gas.account"].create(
            {"contract_id": supply.id, "partner_id": self.partner.id}
        )
        meter = self.env["gas.meter"].create(
            {"account_id": account.id, "name": "WF-M-1", "install_date": date(2025, 12, 1)}
        )
        draft = self._draft()

        def reading():
            day = next(days)
            return {
                "meter_id": meter.id,
                "date": date(2026, 1, 1) + timedelta(days=day),
                "reading": 10.0 * day,
            }

        everywhere = PATHS
        # an account holds identity fields the staff may not read: nobody copies it whole
        no_copy = tuple(path for path in PATHS if path != "copy")
        return [
            ("gas.contract", self.staff, self._contract_vals, everywhere),
            (
                "gas.fee.variance",
                self.staff,
                lambda: {"contract_id": draft.id, "amount": 2000.0, "reason": "Subsidised"},
                everywhere,
            ),
            (
                "gas.account",
                self.staff,
                lambda: {"contract_id": supply.id, "partner_id": self.partner.id},
                no_copy,
            ),
            ("gas.meter.reading", self.staff, reading, everywhere),
            (
                "gas.top.settlement",
                self.finance,
                lambda: {"contract_id": draft.id, "year": 2030 + next(days)},
                everywhere,
            ),
        ]

    def test_matrix(self):
        for model_name, user, make_vals, paths in self._cases():
            self.assert_workflow_fields_guarded(model_name, user, make_vals, paths)

    def test_staff_cannot_lower_the_expected_amount(self):
        contract = self._draft(charged_amount=100.0)
        self.assertEqual(contract.expected_amount, 2800.0)
        for vals in ({"expected_amount": 100.0}, {"fee_difference": 0.0}):
            with self.assertRaisesRegex(UserError, "Only the workflow sets"):
                contract.with_user(self.staff).write(vals)
        self.assertEqual((contract.expected_amount, contract.fee_difference), (2800.0, -2700.0))
        # submitted as it is, the contract needs a fee variance: it is not approved
        with self.assertRaises(UserError):
            contract.with_user(self.staff).action_submit()
        self.assertEqual(contract.state, "draft")
