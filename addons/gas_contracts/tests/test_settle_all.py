from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from ..models.tools import as_internal
from .common import GasCommon


@tagged("post_install", "-at_install")
class TestSettleAll(GasCommon):
    """Finance settles a year from the settlement screens, over every eligible contract."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contracts = cls.env["gas.contract"]
        cls.meters = cls.env["gas.meter"]
        for index in range(3):
            contract, meter = cls._make_top(30 + index)
            cls.contracts |= contract
            cls.meters |= meter
            cls.env["gas.meter.reading"].create(
                {"meter_id": meter.id, "date": date(2025, 12, 31), "reading": 3_000_000.0}
            )
        # not eligible: first contract year after 2025; ended before 2025; no meter account
        cls.later, _meter = cls._make_top(40, contract_year=2026)
        cls.ended, _meter = cls._make_top(41)
        as_internal(cls.ended).write(
            {"date_start": date(2024, 1, 1), "date_end": date(2024, 12, 31), "state": "done"}
        )
        cls.unmetered, _meter = cls._make_top(42, top_account_id=False)
        # what the database holds besides (demo data) settles too
        cls.others = (
            cls.env["gas.contract"].search(cls.env["gas.top.settlement"]._settleable_domain(2025))
            - cls.contracts
        )

    def _wizard(self, user=None, **vals):
        return (
            self.env["gas.top.settle.wizard"]
            .with_user(user or self.finance)
            .create({"year": 2025, **vals})
        )

    def test_one_button_settles_every_eligible_contract_and_lands_on_them(self):
        confirmed = self.contracts[0].with_user(self.finance).action_settle_year(2025)
        confirmed.with_user(self.finance).action_confirm()
        wizard = self._wizard()
        self.assertEqual(
            wizard.eligible_count, 2 + len(self.others), "a confirmed year is not settled again"
        )
        action = wizard.action_settle()
        settled = self.env["gas.top.settlement"].search(action["domain"])
        self.assertEqual(settled.contract_id, self.contracts[1:] | self.others)
        self.assertFalse(settled.contract_id & (self.later | self.ended | self.unmetered))
        mine = settled.filtered(lambda s: s.contract_id in self.contracts)
        self.assertEqual(set(mine.mapped("shortfall_volume")), {1_000_000.0})
        self.assertEqual(action["res_model"], "gas.top.settlement")

    def test_nothing_to_settle_says_so(self):
        self._wizard().action_settle()
        self.env["gas.top.settlement"].search([("year", "=", 2025)]).with_user(
            self.finance
        ).action_confirm()
        with self.assertRaisesRegex(UserError, "2025"):
            self._wizard().action_settle()

    def test_only_settling_roles(self):
        before = self.env["gas.top.settlement"].search([("year", "=", 2025)])
        with self.assertRaises(AccessError):
            self._wizard(self.staff).action_settle()
        self.assertEqual(self.env["gas.top.settlement"].search([("year", "=", 2025)]), before)

    def test_the_form_explains_the_calculation_and_opens_the_readings(self):
        settlement = self.contracts[0].with_user(self.finance).action_settle_year(2025)
        lines = settlement.calculation.splitlines()
        self.assertEqual(len(lines), 5)
        # minimum 5,000,000 × 80 % = 4,000,000; taken 3,000,000; shortfall 1,000,000 × 2.50
        self.assertIn("4,000,000", lines[0])
        self.assertIn("3,000,000", lines[1])
        self.assertIn("1,000,000", lines[2])
        self.assertIn("2,500,000.00", lines[3])
        action = settlement.action_open_readings()
        readings = self.env["gas.meter.reading"].with_user(self.finance).search(action["domain"])
        self.assertEqual(readings.meter_id, self.meters[0])
        self.assertEqual(readings.mapped("date"), [date(2025, 12, 31)])
