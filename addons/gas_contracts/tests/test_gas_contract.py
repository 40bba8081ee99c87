from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.base.tests.common import BaseCommon


@tagged("post_install", "-at_install")
class TestGasContractAccess(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.staff = new_test_user(
            cls.env, login="gc_staff", groups="gas_contracts.group_gas_contracts_user"
        )
        cls.outsider = new_test_user(cls.env, login="gc_outsider", groups="base.group_user")

    def test_staff_drafts_contract(self):
        contract = (
            self.env["gas.contract"]
            .with_user(self.staff)
            .create({"name": "Residential supply, Building 3"})
        )
        self.assertEqual(contract.user_id, self.staff)

    def test_employee_without_group_cannot_read(self):
        contract = self.env["gas.contract"].create({"name": "Boiler house supply"})
        with self.assertRaises(AccessError):
            contract.with_user(self.outsider).read(["name"])


@tagged("post_install", "-at_install")
class TestGasContractsTour(HttpCase):
    def test_staff_drafts_a_contract(self):
        new_test_user(
            self.env, login="gc_tour_staff", groups="gas_contracts.group_gas_contracts_user"
        )
        self.start_tour("/odoo", "gas_contracts_draft_contract", login="gc_tour_staff")
        self.assertTrue(
            self.env["gas.contract"].search([("name", "=", "Tour contract")]),
            "the tour should have saved the contract it typed",
        )
