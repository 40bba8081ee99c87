from datetime import date

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import GasCommon


@tagged("post_install", "-at_install")
class TestContractTypes(GasCommon):
    """[GC-1] five seeded types, configurable and retirable."""

    def test_seeded_types(self):
        kinds = [
            (self.t_install, "installation", True),
            (self.t_alarm, "installation", False),
            (self.t_res_supply, "supply", False),
            (self.t_com_supply, "supply", False),
            (self.t_top, "take_or_pay", False),
        ]
        for ctype, kind, construction in kinds:
            self.assertEqual(ctype.kind, kind)
            self.assertEqual(ctype.requires_construction_period, construction)

    def test_manager_adds_and_retires_types_staff_cannot(self):
        Type = self.env["gas.contract.type"]
        new = Type.with_user(self.admin_gas).create(
            {"name": "Pipeline relocation", "code": "GX", "kind": "installation"}
        )
        new.with_user(self.admin_gas).write({"active": False})
        self.assertNotIn(new, Type.with_user(self.staff).search([]))
        with self.assertRaises(AccessError):
            Type.with_user(self.staff).create({"name": "X", "code": "XX"})


@tagged("post_install", "-at_install")
class TestTierConfiguration(GasCommon):
    """[GC-3] tiers are data the network administrator adjusts; staff cannot."""

    def test_network_admin_adjusts_tiers(self):
        tier = self.env.ref("gas_contracts.tier_market_manager_installation")
        tier.with_user(self.admin_gas).write({"notify_on_create": True})
        self.assertTrue(tier.notify_on_create)
        with self.assertRaises(AccessError):
            tier.with_user(self.staff).write({"definition_domain": "[]"})
        self.assertEqual(tier.model, "gas.contract")


@tagged("post_install", "-at_install")
class TestContractContent(GasCommon):
    """[GC-2] collective contact, construction period, instalments, disputes."""

    def test_number_from_sequence(self):
        contract = self._draft()
        self.assertTrue(contract.name.startswith("AZ-"))
        self.assertEqual(contract.user_id, self.staff)

    def _create_batch(self, size):
        # as from the UI: the drafter follows his contracts (the test context turns it off)
        Contract = (
            self.env["gas.contract"]
            .with_user(self.staff)
            .with_context(mail_create_nosubscribe=False)
        )
        self.env.flush_all()
        before = self.cr.sql_log_count
        contracts = Contract.create(
            [
                self._contract_vals(type_id=(self.t_install, self.t_alarm)[i % 2].id)
                for i in range(size)
            ]
        )
        self.env.flush_all()
        return contracts, self.cr.sql_log_count - before

    def test_batch_numbers_consecutive_in_constant_queries(self):
        for _warm_up in range(2):  # fill the ORM and rule caches
            self._create_batch(2)
        small, small_queries = self._create_batch(3)
        large, large_queries = self._create_batch(30)
        self.assertEqual(small_queries, large_queries, "numbering must not query per contract")
        numbers = [int(name.rsplit("-", 1)[1]) for name in (small | large).mapped("name")]
        self.assertEqual(numbers, list(range(numbers[0], numbers[0] + 33)))
        self.assertEqual(large[:2].mapped("name")[0][:3], "AZ-")
        self.assertEqual(large[:2].mapped("name")[1][:3], "BJ-")

    def test_collective_user_needs_contact_name_and_phone(self):
        with self.assertRaises(ValidationError):
            self._draft(user_category="collective", contact_name="Li Si")
        with self.assertRaises(ValidationError):
            self._draft(user_category="collective", contact_phone="13812345678")
        with self.assertRaises(ValidationError):
            self._draft(user_category="collective", contact_name="Li Si", contact_phone="call me")
        contract = self._draft(
            user_category="collective", contact_name="Li Si", contact_phone="13812345678"
        )
        with self.assertRaises(ValidationError):
            contract.with_user(self.staff).write({"contact_name": " "})

    def test_construction_period_confirmed_by_planning_before_signing(self):
        contract = self._draft()
        contract.action_submit()
        with self.assertRaises(UserError):
            contract.with_user(self.staff).action_sign()
        with self.assertRaises(AccessError):
            contract.with_user(self.staff).write({"construction_start": "2026-03-10"})
        with self.assertRaises(AccessError):
            contract.with_user(self.staff).action_confirm_construction()
        with self.assertRaises(UserError):
            contract.with_user(self.planning).action_confirm_construction()
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            contract.with_user(self.planning).write(
                {"construction_start": "2026-03-20", "construction_end": "2026-03-10"}
            )
            self.env.flush_all()

    def test_changing_the_period_needs_a_new_confirmation(self):
        contract = self._draft()
        planner = contract.with_user(self.planning)
        planner.write({"construction_start": "2026-03-10", "construction_end": "2026-03-20"})
        planner.action_confirm_construction()
        self.assertTrue(contract.construction_confirmed)
        self.assertEqual(contract.construction_confirmed_by, self.planning)
        planner.write({"construction_end": "2026-03-25"})
        self.assertFalse(contract.construction_confirmed)

    def test_planning_confirms_while_under_approval(self):
        contract = self._draft(user_category="commercial")
        contract.action_submit()
        self.assertEqual(contract.state, "to_approve")
        planner = contract.with_user(self.planning)
        planner.write({"construction_start": "2026-04-01", "construction_end": "2026-04-20"})
        planner.action_confirm_construction()
        self.assertTrue(contract.construction_confirmed)
        contract.with_user(self.market).validate_tier()
        contract.with_user(self.staff).action_sign()
        self.assertEqual(contract.state, "signed")
        with self.assertRaises(UserError):
            planner.write({"construction_end": "2026-05-20"})

    def test_planning_writes_only_its_fields(self):
        contract = self._draft()
        with self.assertRaises(AccessError):
            contract.with_user(self.planning).write({"charged_amount": 1.0})

    def test_instalments_need_deadline_amount_and_steps(self):
        contract = self._draft(user_category="commercial", payment_mode="instalment")
        with self.assertRaises(UserError):
            contract.action_submit()
        Line = self.env["gas.contract.instalment"].with_user(self.staff)
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            Line.create(
                {
                    "contract_id": contract.id,
                    "deadline": "2026-04-01",
                    "amount": -5,
                    "installation_step": "Riser",
                }
            )
            self.env.flush_all()

    def test_instalments_must_add_up_to_the_charge(self):
        contract = self._draft(
            user_category="commercial",
            payment_mode="instalment",
            instalment_ids=[
                (0, 0, {"deadline": "2026-04-01", "amount": 1000.0, "installation_step": "A"}),
                (0, 0, {"deadline": "2026-05-01", "amount": 1000.0, "installation_step": "B"}),
            ],
        )
        with self.assertRaises(UserError) as err:
            contract.action_submit()
        self.assertIn("2,000.00", str(err.exception))
        self.assertEqual(contract.state, "draft")

    def test_instalments_frozen_after_draft_finance_marks_paid(self):
        contract = self._draft(
            user_category="commercial",
            payment_mode="instalment",
            instalment_ids=[
                (0, 0, {"deadline": "2026-04-01", "amount": 1400.0, "installation_step": "A"}),
                (0, 0, {"deadline": "2026-05-01", "amount": 1400.0, "installation_step": "B"}),
            ],
        )
        contract.action_submit()
        line = contract.instalment_ids[0]
        with self.assertRaises(UserError):
            line.with_user(self.staff).write({"amount": 1.0})
        with self.assertRaises(UserError):
            line.with_user(self.staff).write({"paid": True})
        line.with_user(self.finance).write({"paid": True})
        self.assertTrue(line.paid)

    def test_ownership_dispute_settled_by_operations_vp(self):
        contract = self._draft(
            type_id=self.t_alarm.id, charged_amount=300.0, ownership_dispute=True
        )
        contract.action_submit()
        with self.assertRaises(UserError):
            contract.with_user(self.staff).action_sign()
        contract.with_user(self.staff).write({"ownership_resolution": "Pipes belong to the plant"})
        with self.assertRaises(AccessError):
            contract.with_user(self.staff).action_resolve_ownership()
        contract.with_user(self.vp).action_resolve_ownership()
        contract.with_user(self.staff).action_sign()
        self.assertEqual(contract.state, "signed")

    def test_terms_frozen_after_draft(self):
        contract = self._draft(type_id=self.t_alarm.id, charged_amount=300.0)
        contract.action_submit()
        with self.assertRaises(UserError):
            contract.with_user(self.staff).write({"charged_amount": 100.0})
        with self.assertRaises(UserError):
            contract.with_user(self.staff).write({"partner_id": self.big_partner.id})

    def test_outsider_cannot_read(self):
        contract = self._draft()
        with self.assertRaises(AccessError):
            contract.with_user(self.outsider).read(["name"])

    def test_end_before_start_refused(self):
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self._draft(date_start="2026-05-01", date_end="2026-04-01")
            self.env.flush_all()


@tagged("post_install", "-at_install")
class TestFees(GasCommon):
    """[GC-4] standard in force at the contract date plus budget; no over/under-charging."""

    def test_standard_in_force_at_contract_date(self):
        self.env["gas.tariff"].create(
            {
                "name": "Household installation 2025",
                "type_id": self.t_install.id,
                "amount": 2500.0,
                "date_from": date(2025, 1, 1),
                "date_to": date(2025, 12, 31),
            }
        )
        old = self._draft(contract_date=date(2025, 6, 1), charged_amount=2500.0, quantity=2)
        new = self._draft(contract_date=date(2026, 6, 1))
        self.assertEqual(old.standard_amount, 5000.0)
        self.assertEqual(new.tariff_id, self.tariff)
        self.assertEqual(new.standard_amount, 2800.0)

    def test_overcharge_and_undercharge_refused(self):
        for amount in (3000.0, 2000.0):
            contract = self._draft(charged_amount=amount)
            with self.assertRaises(UserError) as err:
                contract.action_submit()
            self.assertIn("2,800.00", str(err.exception))
            self.assertEqual(contract.state, "draft")

    def test_budget_amount_adds_to_the_standard_set_by_budget_only(self):
        contract = self._draft(user_category="commercial", charged_amount=3800.0)
        with self.assertRaises(AccessError):
            contract.with_user(self.staff).write({"budget_amount": 1000.0})
        with self.assertRaises(AccessError):
            self._draft(budget_amount=1000.0)
        contract.with_user(self.budget).write({"budget_amount": 1000.0})
        self.assertEqual(contract.expected_amount, 3800.0)
        contract.with_user(self.staff).action_submit()
        self.assertEqual(contract.state, "to_approve")

    def test_no_standard_and_no_budget_refused(self):
        contract = self._draft(contract_date=date(2024, 1, 1))
        with self.assertRaises(UserError):
            contract.action_submit()

    def test_staff_cannot_change_the_standard(self):
        with self.assertRaises(AccessError):
            self.tariff.with_user(self.staff).write({"amount": 1.0})
        with self.assertRaises(AccessError):
            self.env["gas.tariff"].with_user(self.staff).create(
                {"name": "x", "type_id": self.t_install.id, "amount": 1.0}
            )
        self.assertEqual(self.tariff.with_user(self.staff).amount, 2800.0)

    def test_tariff_bad_input(self):
        Tariff = self.env["gas.tariff"].with_user(self.admin_gas)
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            Tariff.create(
                {
                    "name": "neg",
                    "type_id": self.t_alarm.id,
                    "amount": -1.0,
                    "date_from": date(2030, 1, 1),
                }
            )
            self.env.flush_all()

    def test_tariff_overlap_refused(self):
        with self.assertRaises(ValidationError):
            self.env["gas.tariff"].with_user(self.admin_gas).create(
                {
                    "name": "dup",
                    "type_id": self.t_install.id,
                    "amount": 1.0,
                    "date_from": date(2026, 6, 1),
                }
            )

    def test_approved_variance_allows_the_charge(self):
        contract = self._draft(charged_amount=2000.0)
        Variance = self.env["gas.fee.variance"]
        variance = Variance.with_user(self.staff).create(
            {"contract_id": contract.id, "amount": 2000.0, "reason": "Subsidised household"}
        )
        with self.assertRaises(UserError):
            variance.with_user(self.staff).write({"state": "approved"})
        with self.assertRaises(AccessError):
            variance.with_user(self.staff).action_approve()
        with self.assertRaises(UserError):
            contract.action_submit()
        variance.with_user(self.gm).action_approve()
        contract.with_user(self.staff).action_submit()
        self.assertEqual(contract.state, "approved")

    def test_variance_for_another_amount_does_not_help(self):
        contract = self._draft(charged_amount=2000.0)
        variance = (
            self.env["gas.fee.variance"]
            .with_user(self.staff)
            .create({"contract_id": contract.id, "amount": 2100.0, "reason": "x"})
        )
        variance.with_user(self.gm).action_approve()
        with self.assertRaises(UserError):
            contract.action_submit()

    def test_gm_cannot_approve_variance_on_own_contract(self):
        contract = self._draft(user=self.gm, charged_amount=2000.0)
        variance = (
            self.env["gas.fee.variance"]
            .with_user(self.gm)
            .create({"contract_id": contract.id, "amount": 2000.0, "reason": "x"})
        )
        with self.assertRaises(UserError):
            variance.with_user(self.gm).action_approve()
        with self.assertRaises(UserError):
            self.env["gas.fee.variance"].with_user(self.staff).create(
                {"contract_id": contract.id, "amount": 2000.0, "reason": " "}
            )

    def test_negative_charge_refused(self):
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self._draft(charged_amount=-10.0)
            self.env.flush_all()
