from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestGasContractsTour(HttpCase):
    def test_staff_drafts_and_submits_a_contract(self):
        new_test_user(
            self.env, login="gc_tour_staff", groups="gas_contracts.group_gas_contracts_user"
        )
        alarm = self.env.ref("gas_contracts.contract_type_alarm")
        self.env["gas.tariff"].search([("type_id", "=", alarm.id)]).action_archive()
        self.env["gas.tariff"].create(
            {"name": "Alarm", "type_id": alarm.id, "amount": 300.0, "date_from": "2020-01-01"}
        )
        self.env["res.partner"].create({"name": "Tour Gas User"})
        self.start_tour("/odoo", "gas_contracts_draft_contract", login="gc_tour_staff")
        contract = self.env["gas.contract"].search([("title", "=", "Tour alarm contract")])
        self.assertTrue(contract, "the tour should have saved the contract it typed")
        self.assertEqual(contract.state, "approved")

    def test_market_manager_reviews_a_contract(self):
        staff = new_test_user(
            self.env, login="gc_tour_staff2", groups="gas_contracts.group_gas_contracts_user"
        )
        new_test_user(
            self.env, login="gc_tour_market", groups="gas_contracts.group_gas_market_manager"
        )
        install = self.env.ref("gas_contracts.contract_type_installation")
        self.env["gas.tariff"].search([("type_id", "=", install.id)]).action_archive()
        self.env["gas.tariff"].create(
            {"name": "Install", "type_id": install.id, "amount": 2800.0, "date_from": "2020-01-01"}
        )
        partner = self.env["res.partner"].create({"name": "Tour Restaurant"})
        contract = (
            self.env["gas.contract"]
            .with_user(staff)
            .create(
                {
                    "title": "Tour kitchen installation",
                    "type_id": install.id,
                    "partner_id": partner.id,
                    "user_category": "commercial",
                    "charged_amount": 2800.0,
                }
            )
        )
        contract.with_user(staff).action_submit()
        self.start_tour("/odoo", "gas_contracts_review_contract", login="gc_tour_market")
        self.assertEqual(contract.state, "approved")
