import io
from datetime import date

import openpyxl

from odoo.tests import tagged

from odoo.addons.base_input_guard.tests.common import LANG, ScreenshotTourCase

from .common import GasCommon

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@tagged("post_install", "-at_install")
class TestGasJourneyTours(ScreenshotTourCase, GasCommon):
    """Issue 8: the journeys of part 3 in a real browser, each step as the role that does it."""

    term_modules = ("base", "web", "mail", "base_tier_validation", "gas_contracts")

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for user, name in (
            (cls.staff, "陈刚"),
            (cls.vp, "刘洋"),
            (cls.gm, "周建国"),
            (cls.finance, "马丽"),
        ):
            user.write({"name": name, "lang": LANG})
        # the installation standard is in force today, whatever the date the tests run
        cls.tariff.date_from = date(2020, 1, 1)

    def test_instalment_installation_goes_to_the_operations_vp(self):
        household = self.env["res.partner"].create({"name": "Tour Household Qian"})
        self.start_tour("/odoo", "gas_contracts_staff_drafts_instalment_contract", login="gc_staff")
        contract = self.env["gas.contract"].search([("title", "=", "Tour instalment installation")])
        self.assertEqual(len(contract), 1, "the tour should have saved the contract it typed")
        self.assertEqual(contract.user_id, self.staff)
        self.assertEqual(contract.type_id, self.t_install)
        self.assertEqual(contract.partner_id, household)
        self.assertEqual(contract.payment_mode, "instalment")
        self.assertEqual(contract.instalment_ids.mapped("amount"), [1400.0, 1400.0])
        self.assertEqual(contract.state, "to_approve")
        review = contract.review_ids
        self.assertEqual(
            review.definition_id, self.env.ref("gas_contracts.tier_operations_vp_instalment")
        )
        self.assertEqual(review.status, "pending")
        self.assertScreenshot("gas_contracts_instalment_submitted")

        self.start_tour("/odoo", "gas_contracts_vp_approves_instalment_contract", login="gc_vp")
        self.assertEqual(contract.state, "approved")
        self.assertEqual(review.status, "approved")
        self.assertEqual(review.done_by, self.vp)
        self.assertScreenshot("gas_contracts_instalment_approved")

    def test_signed_supply_contract_opens_an_account(self):
        household = self.env["res.partner"].create(
            {"name": "Tour Household Zhao", "street": "8 Heping Road", "city": "Suzhou"}
        )
        supply = self._signed_supply(partner_id=household.id)
        self._attach(supply, "supply_notice")
        self._attach(supply, "acceptance_drawing")
        self.start_tour(
            "/odoo/gas-contracts", "gas_contracts_staff_opens_account", login="gc_staff"
        )
        account = supply.account_ids
        self.assertEqual(len(account), 1, "the tour should have opened one account")
        self.assertEqual(supply.state, "in_progress")
        self.assertEqual(account.partner_id, household)
        self.assertEqual((account.street, account.city), ("8 Heping Road", "Suzhou"))
        self.assertEqual((account.building, account.room), ("3", "1201"))
        self.assertEqual(account.meter_ids.name, "TOUR-M-0001")
        self.assertEqual(account.meter_ids.install_date, date.today())
        self.assertEqual(account.appliance_ids.kind, "cooker")
        self.assertEqual(account.appliance_ids.brand, "Rinnai")
        self.assertTrue(account.info_complete)
        self.assertScreenshot("gas_contracts_account_opened")

    def test_finance_settles_take_or_pay_and_exports_the_statement(self):
        year = date.today().year - 1
        supply = self.env["gas.contract"].create(
            self._contract_vals(
                title="Kiln supply",
                type_id=self.t_com_supply.id,
                partner_id=self.big_partner.id,
                charged_amount=0.0,
            )
        )
        account = self.env["gas.account"].create(
            {"contract_id": supply.id, "partner_id": self.big_partner.id}
        )
        meter = self.env["gas.meter"].create(
            {
                "account_id": account.id,
                "name": "TOUR-TOP-1",
                "meter_type": "turbine",
                "install_date": date(year - 1, 12, 1),
            }
        )
        self.env["gas.meter.reading"].create(
            [
                {"meter_id": meter.id, "date": date(year - 1, 12, 31), "reading": 0.0},
                {"meter_id": meter.id, "date": date(year, 12, 31), "reading": 3_000_000.0},
            ]
        )
        contract = (
            self.env["gas.contract"]
            .with_user(self.vp)
            .create(
                self._top_vals(
                    title="Tour kiln take-or-pay", top_account_id=account.id, contract_year=year
                )
            )
        )
        contract.with_user(self.vp).action_submit()
        contract.with_user(self.gm).validate_tier()
        contract.with_user(self.gm).action_sign()

        self.start_tour(
            "/odoo/gas-contracts",
            "gas_contracts_finance_settles_take_or_pay",
            login="gc_finance",
        )
        settlement = contract.settlement_ids
        self.assertEqual(len(settlement), 1, "the tour should have settled the contract")
        self.assertEqual(settlement.year, year)
        # minimum take 5,000,000 × 80 % = 4,000,000 m³; 3,000,000 taken
        self.assertEqual(settlement.taken_volume, 3_000_000.0)
        self.assertEqual(settlement.shortfall_volume, 1_000_000.0)
        self.assertEqual(settlement.amount_due, 2_500_000.0)
        self.assertScreenshot("gas_contracts_top_settlement")

        # the statement the tour downloaded, fetched again with finance's own session
        self.authenticate("gc_finance", "gc_finance")
        response = self.url_open(f"/report/xlsx/gas_contracts.top_statement_xlsx/{settlement.id}")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], XLSX)
        rows = list(
            openpyxl.load_workbook(io.BytesIO(response.content))
            .worksheets[0]
            .iter_rows(values_only=True)
        )
        # below the title, the period and the header: gas user, year, contract, ..., shortfall
        self.assertEqual(rows[3][2], contract.name)
        self.assertEqual(rows[3][7], 1_000_000)
