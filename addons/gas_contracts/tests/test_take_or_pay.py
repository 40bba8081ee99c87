from datetime import date, timedelta

from psycopg2 import IntegrityError

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from ..models.tools import is_top_eligible_volume
from .common import GasCommon


@tagged("post_install", "-at_install")
class TestEligibility(GasCommon):
    """[GC-6] 3,000,000 m³ a year or 10,000 m³ a day, boundaries included."""

    def test_thresholds(self):
        self.assertFalse(is_top_eligible_volume(2_999_999, 0))
        self.assertTrue(is_top_eligible_volume(3_000_000, 0))
        self.assertFalse(is_top_eligible_volume(0, 9_999))
        self.assertTrue(is_top_eligible_volume(0, 10_000))
        self.assertFalse(is_top_eligible_volume(2_999_999, 9_999))

    def test_take_or_pay_contract_boundaries(self):
        Contract = self.env["gas.contract"].with_user(self.vp)
        for annual, daily, ok in (
            (2_999_999, 0, False),
            (3_000_000, 0, True),
            (0, 9_999, False),
            (0, 10_000, True),
        ):
            vals = self._top_vals(annual_quantity=annual, daily_quantity=daily)
            if ok:
                self.assertTrue(Contract.create(vals).top_eligible)
            else:
                with self.assertRaises(ValidationError, msg=(annual, daily)):
                    Contract.create(vals)

    def test_contracted_supply_volumes_flag_the_partner(self):
        Partner = self.env["res.partner"]
        for annual, daily, expected in (
            (2_999_999, 9_999, False),
            (3_000_000, 0, True),
            (0, 10_000, True),
        ):
            partner = Partner.create({"name": f"Plant {annual}/{daily}"})
            self._signed_supply(partner_id=partner.id, annual_quantity=annual, daily_quantity=daily)
            self.assertEqual(
                partner.with_user(self.staff).gas_top_eligible, expected, (annual, daily)
            )

    def test_upstream_supplier_is_eligible_whatever_its_volume(self):
        contract = (
            self.env["gas.contract"]
            .with_user(self.vp)
            .create(
                self._top_vals(user_category="upstream", annual_quantity=1000, daily_quantity=10)
            )
        )
        self.assertFalse(contract.top_eligible)

    def test_bad_quantities(self):
        Contract = self.env["gas.contract"].with_user(self.vp)
        for bad in (
            {"annual_quantity": -1.0},
            {"min_take_share": 101.0},
            {"min_take_share": -0.5},
            {"top_price": -2.0},
        ):
            with self.assertRaises(IntegrityError, msg=bad), mute_logger("odoo.sql_db"):
                Contract.create(self._top_vals(**bad))
                self.env.flush_all()
        with self.assertRaises(ValidationError):
            Contract.create(self._top_vals(annual_quantity=1e15))
        with self.assertRaises(ValidationError):
            Contract.create(self._top_vals(annual_quantity=3_000_000, daily_quantity=4_000_000))
        with self.assertRaises(ValidationError):
            Contract.create(self._top_vals(contract_year=1900))
        self.assertEqual(Contract.create(self._top_vals(min_take_share=100.0)).min_take_share, 100)

    def test_metered_volumes_flag_accounts_and_partners(self):
        today = fields.Date.today()
        cases = ((2_999_999, 0, False), (3_000_000, 0, True))
        for annual_volume, _daily, expected in cases:
            account = self._open_account(self._signed_supply(partner_id=self.big_partner.id))
            meter = self.env["gas.meter"].create(
                {
                    "account_id": account.id,
                    "name": f"TOP-{annual_volume}",
                    "install_date": today - timedelta(days=364),
                }
            )
            self.env["gas.meter.reading"].create(
                {"meter_id": meter.id, "date": today - timedelta(days=1), "reading": annual_volume}
            )
            self.assertEqual(account.with_user(self.staff).top_eligible, expected)
        self.assertTrue(self.big_partner.with_user(self.staff).gas_top_eligible)
        for daily_volume, expected in ((9_999, False), (10_000, True)):
            account = self._open_account()
            meter = self.env["gas.meter"].create(
                {
                    "account_id": account.id,
                    "name": f"DAY-{daily_volume}",
                    "install_date": today - timedelta(days=2),
                }
            )
            self.env["gas.meter.reading"].create(
                {"meter_id": meter.id, "date": today - timedelta(days=1), "reading": daily_volume}
            )
            self.assertEqual(account.top_eligible, expected, daily_volume)


@tagged("post_install", "-at_install")
class TestSettlement(GasCommon):
    """[GC-6] yearly settlement from readings, shortfall, amount and make-up gas."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contracts = cls.env["gas.contract"]
        cls.meters = cls.env["gas.meter"]
        for index in range(3):
            contract, meter = cls._make_top(index)
            cls.contracts |= contract
            cls.meters |= meter

    def _read(self, meter, day, value):
        self.env["gas.meter.reading"].create({"meter_id": meter.id, "date": day, "reading": value})

    def test_shortfall_amount_and_make_up(self):
        contract, meter = self.contracts[0], self.meters[0]
        # 2025: min take = 5,000,000 × 80 % = 4,000,000; taken 3,000,000
        self._read(meter, date(2024, 12, 31), 0.0)
        self._read(meter, date(2025, 6, 30), 1_000_000.0)
        self._read(meter, date(2025, 12, 31), 3_000_000.0)
        settle = contract.with_user(self.finance).action_settle_year(2025)
        self.assertEqual(settle.partner_id, contract.partner_id)
        self.assertEqual(settle.currency_id, contract.company_id.currency_id)
        self.assertEqual(settle.min_take_volume, 4_000_000.0)
        self.assertEqual(settle.taken_volume, 3_000_000.0)
        self.assertEqual(settle.shortfall_volume, 1_000_000.0)
        self.assertEqual(settle.amount_due, 2_500_000.0)
        self.assertEqual(settle.makeup_closing, 1_000_000.0)
        # 2026: taken 4,600,000, 600,000 above the minimum draws the make-up balance
        self._read(meter, date(2026, 12, 31), 7_600_000.0)
        settle_2026 = contract.with_user(self.finance).action_settle_year(2026)
        self.assertEqual(settle_2026.shortfall_volume, 0.0)
        self.assertEqual(settle_2026.amount_due, 0.0)
        self.assertEqual(settle_2026.makeup_opening, 1_000_000.0)
        self.assertEqual(settle_2026.makeup_used, 600_000.0)
        self.assertEqual(settle_2026.makeup_closing, 400_000.0)

    def test_taken_volume_is_the_sum_of_the_years_volumes(self):
        """Two readings per meter give the same figure as adding up the year's volumes."""
        contract, meter = self._make_top(20)
        other_contract, other_meter = self._make_top(21)
        account = contract.top_account_id
        # a second meter on the same account, installed during the year
        second = self.env["gas.meter"].create(
            {
                "account_id": account.id,
                "name": "TOP-M-20b",
                "meter_type": "turbine",
                "install_date": date(2025, 7, 1),
                "initial_reading": 50.0,
            }
        )
        self.env["gas.meter"].create(  # installed, never read: takes nothing
            {
                "account_id": account.id,
                "name": "TOP-M-20c",
                "meter_type": "turbine",
                "install_date": date(2025, 9, 1),
                "initial_reading": 10.0,
            }
        )
        self._read(meter, date(2024, 12, 31), 500.0)
        march = self.env["gas.meter.reading"].create(
            {"meter_id": meter.id, "date": date(2025, 3, 1), "reading": 900.0}
        )
        self._read(meter, date(2025, 12, 31), 2_000.0)
        self._read(meter, date(2026, 1, 15), 2_100.0)
        august = self.env["gas.meter.reading"].create(
            {"meter_id": second.id, "date": date(2025, 8, 1), "reading": 80.0}
        )
        self._read(second, date(2025, 12, 1), 300.0)
        self._read(other_meter, date(2024, 12, 30), 700.0)  # nothing read in 2025
        # corrections recompute the volumes the settlement relies on
        march.reading = 1_000.0
        august.unlink()
        accounts = account | other_contract.top_account_id
        Settlement = self.env["gas.top.settlement"].with_user(self.finance)
        taken = Settlement._get_taken_volumes(accounts, 2025)
        summed = dict(
            self.env["gas.meter.reading"]._read_group(
                [
                    ("account_id", "in", accounts.ids),
                    ("date", ">=", date(2025, 1, 1)),
                    ("date", "<=", date(2025, 12, 31)),
                ],
                ["account_id"],
                ["volume:sum"],
            )
        )
        # meter 1: 2,000 - 500; meter 2: 300 - 50 (its initial reading)
        self.assertEqual(taken, {account.id: 1_750.0})
        self.assertEqual(taken, {acc.id: volume for acc, volume in summed.items()})
        settle = contract.with_user(self.finance).action_settle_year(2025)
        self.assertEqual(settle.taken_volume, 1_750.0)
        settle_other = other_contract.with_user(self.finance).action_settle_year(2025)
        self.assertEqual(settle_other.taken_volume, 0.0)

    def test_settle_wizard_from_the_contract_list(self):
        self._read(self.meters[2], date(2025, 12, 31), 2_000_000.0)
        Wizard = self.env["gas.top.settle.wizard"].with_user(self.finance)
        wizard = Wizard.with_context(
            active_model="gas.contract", active_ids=self.contracts[2].ids
        ).create({"year": 2025})
        self.assertEqual(wizard.contract_ids, self.contracts[2])
        action = wizard.action_settle()
        settlement = self.env["gas.top.settlement"].search(action["domain"])
        self.assertEqual(settlement.shortfall_volume, 2_000_000.0)
        self.assertEqual(settlement.amount_due, 5_000_000.0)

    def test_shortfall_never_negative(self):
        contract, meter = self.contracts[1], self.meters[1]
        self._read(meter, date(2025, 12, 31), 6_000_000.0)
        settle = contract.with_user(self.vp).action_settle_year(2025)
        self.assertEqual(settle.shortfall_volume, 0.0)
        self.assertEqual(settle.amount_due, 0.0)
        self.assertEqual(settle.makeup_closing, 0.0)

    def test_rights_and_bad_input(self):
        with self.assertRaises(AccessError):
            self.contracts.with_user(self.staff).action_settle_year(2025)
        with self.assertRaises(UserError):
            self.contracts.with_user(self.finance).action_settle_year(1800)
        with self.assertRaises(UserError):
            self.contracts.with_user(self.finance).action_settle_year(2024)
        settle = self.contracts[:1].with_user(self.finance).action_settle_year(2025)
        settle.with_user(self.finance).action_confirm()
        with self.assertRaises(UserError):
            self.contracts[:1].with_user(self.finance).action_settle_year(2025)
        with self.assertRaises(UserError):
            settle.with_user(self.finance).write({"amount_due": 0.0})

    def test_settling_a_batch_costs_constant_queries(self):
        contracts, meters = self.contracts, self.meters
        for index in range(3, 14):
            contract, meter = self._make_top(index)
            contracts |= contract
            meters |= meter
        for meter in meters:
            self._read(meter, date(2025, 12, 31), 3_500_000.0)

        def count(batch):
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            batch.with_user(self.finance).action_settle_year(2025)
            self.env.flush_all()
            return self.cr.sql_log_count - before

        count(contracts[:1])  # fill the ORM and rule caches
        count(contracts[1:2])
        small = count(contracts[2:4])
        large = count(contracts[4:10])
        self.assertEqual(small, large, "settlement must not query per contract")
        self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(small):
            contracts[10:14].with_user(self.finance).action_settle_year(2025)
        self.assertEqual(len(contracts.settlement_ids), 14)
        self.assertEqual(set(contracts.settlement_ids.mapped("shortfall_volume")), {500_000.0})
