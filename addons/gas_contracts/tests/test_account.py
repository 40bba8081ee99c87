from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.base_record_guard.tests.test_read_audit import (
    audit_cleanup,
    audit_mark,
    audit_new_request,
    audit_rows,
)

from .common import GasCommon


@tagged("post_install", "-at_install")
class TestAccountOpening(GasCommon):
    """[GC-5] opening needs the supply notice and drawings; then meters and appliances."""

    def test_opening_needs_both_papers(self):
        contract = self._signed_supply()
        with self.assertRaises(UserError) as err:
            contract.with_user(self.staff).action_open_account()
        self.assertIn("Gas Supply Notice", str(err.exception))
        self._attach(contract, "supply_notice", user=self.planning)
        with self.assertRaises(UserError) as err:
            contract.with_user(self.staff).action_open_account()
        self.assertIn("Acceptance Drawings", str(err.exception))
        # creating the account directly over the API is held to the same rule
        with self.assertRaises(UserError):
            self.env["gas.account"].with_user(self.staff).create(
                {"contract_id": contract.id, "partner_id": self.partner.id}
            )
        self._attach(contract, "acceptance_drawing", user=self.planning)
        action = contract.with_user(self.staff).action_open_account()
        account = self.env["gas.account"].browse(action["res_id"])
        self.assertEqual(account.contract_id, contract)
        self.assertEqual(contract.state, "in_progress")
        self.assertTrue(account.name.startswith("GU"))

    def test_only_signed_supply_contracts_open(self):
        contract = self._draft()
        with self.assertRaises(UserError):
            contract.with_user(self.staff).action_open_account()

    def test_user_file_completion_is_tracked(self):
        account = self._open_account()
        self.assertFalse(account.info_complete)
        activity = account.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.staff)
        staff_account = account.with_user(self.staff)
        staff_account.write({"street": "Renmin Rd 8", "city": "Jinxi"})
        self.env["gas.meter"].with_user(self.staff).create(
            {"account_id": account.id, "name": "CMP-1", "install_date": "2026-03-01"}
        )
        self.assertFalse(account.info_complete)
        self.env["gas.appliance"].with_user(self.staff).create(
            {"account_id": account.id, "kind": "cooker", "count": 1}
        )
        self.assertTrue(account.info_complete)

    def test_meters_readings_appliances(self):
        account = self._open_account()
        Meter = self.env["gas.meter"].with_user(self.staff)
        meter = Meter.create(
            {
                "account_id": account.id,
                "name": "M-0001",
                "meter_type": "diaphragm",
                "model": "G2.5",
                "initial_reading": 10.0,
                "install_date": "2026-03-01",
            }
        )
        Reading = self.env["gas.meter.reading"].with_user(self.staff)
        first = Reading.create({"meter_id": meter.id, "date": "2026-04-01", "reading": 40.0})
        second = Reading.create({"meter_id": meter.id, "date": "2026-05-01", "reading": 70.0})
        self.assertEqual(first.volume, 30.0)
        self.assertEqual(second.volume, 30.0)
        self.assertEqual(second.daily_volume, 1.0)
        # a reading inserted in between splits the next interval
        Reading.create({"meter_id": meter.id, "date": "2026-04-16", "reading": 50.0})
        self.assertEqual(second.volume, 20.0)
        with self.assertRaises(ValidationError):
            Reading.create({"meter_id": meter.id, "date": "2026-06-01", "reading": 60.0})
        with self.assertRaises(ValidationError):
            second.write({"reading": 45.0})
        with self.assertRaises(ValidationError):
            Reading.create({"meter_id": meter.id, "date": "2026-06-01", "reading": 1e13})
        with self.assertRaises(UserError):
            second.write({"volume": 1.0})
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            Meter.create({"account_id": account.id, "name": "M-0001", "install_date": "2026-03-01"})
            self.env.flush_all()

    def test_meter_and_appliance_bad_input(self):
        account = self._open_account()
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.env["gas.meter"].with_user(self.staff).create(
                {
                    "account_id": account.id,
                    "name": "M-NEG",
                    "initial_reading": -1,
                    "install_date": "2026-03-01",
                }
            )
            self.env.flush_all()
        Appliance = self.env["gas.appliance"].with_user(self.staff)
        for bad in ({"count": 0}, {"count": -2}, {"rated_load": -1.0}):
            with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
                Appliance.create({"account_id": account.id, "kind": "cooker", **bad})
                self.env.flush_all()
        appliance = Appliance.create(
            {
                "account_id": account.id,
                "kind": "water_heater",
                "brand": "Rinnai",
                "count": 1,
                "rated_load": 2.4,
            }
        )
        self.assertEqual(account.appliance_count, 1)
        self.assertEqual(appliance.rated_load, 2.4)

    def test_accounts_are_never_deleted(self):
        account = self._open_account()
        with self.assertRaises(AccessError):
            account.with_user(self.staff).unlink()
        with self.assertRaises(UserError):
            account.with_user(self.admin_gas).unlink()


@tagged("post_install", "-at_install")
class TestQueryLevels(GasCommon):
    """[GC-8] basic / technical / financial levels, masking and the query log."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.account = cls.env["gas.account"].create(
            {
                "contract_id": cls.env["gas.contract"]
                .create(cls._contract_vals(type_id=cls.t_res_supply.id, charged_amount=0.0))
                .id,
                "partner_id": cls.partner.id,
                "phone": "13812345678",
                "id_number": "110101199003071234",
                "bank_account": "6222020200112233445",
            }
        )

    def test_basic_level_sees_masked_values_only(self):
        account = self.account.with_user(self.basic)
        values = account.read(["phone_display", "id_number_display", "street"])[0]
        self.assertEqual(values["phone_display"], "138****5678")
        self.assertEqual(values["id_number_display"], "110***********1234")
        for fname in ("phone", "id_number", "bank_account"):
            with self.assertRaises(AccessError, msg=fname):
                account.read([fname])
        with self.assertRaises(AccessError):
            account.search_read([("id", "=", account.id)], ["phone"])
        with self.assertRaises(AccessError):
            self.env["gas.account"].with_user(self.basic).search([("id_number", "=", "x")])
        with self.assertRaises(AccessError):
            self.env["gas.meter"].with_user(self.basic).search([])

    def test_technical_level_sees_phone_not_identity(self):
        account = self.account.with_user(self.staff)
        values = account.read(["phone", "phone_display", "id_number_display"])[0]
        self.assertEqual(values["phone"], "13812345678")
        self.assertEqual(values["id_number_display"], "110***********1234")
        with self.assertRaises(AccessError):
            account.read(["id_number"])

    def test_financial_read_is_logged(self):
        mark = audit_mark(self.env)
        self.addCleanup(audit_cleanup, self.env, mark)

        def logs():
            return [
                (row["res_id"], row["user_ref"], row["operation"], row["field_names"])
                for row in audit_rows(self.env, mark, "gas.account")
            ]

        self.account.with_user(self.staff).read(["phone", "street", "id_number_display"])
        self.assertEqual(logs(), [], "technical reads are not logged")
        values = self.account.with_user(self.finance).read(["id_number", "id_number_display"])[0]
        self.assertEqual(values["id_number"], "110101199003071234")
        self.assertEqual(values["id_number_display"], "110101199003071234")
        row = (self.account.id, self.finance.id, "read", "id_number, id_number_display")
        self.assertEqual(logs(), [row])
        audit_new_request(self.env)
        self.account.with_user(self.finance).web_read({"bank_account": {}})
        self.finance.group_ids |= self.env.ref("base.group_allow_export")
        self.account.with_user(self.finance).export_data(["deposit_amount"])
        self.assertEqual(
            logs(),
            [
                row,
                (self.account.id, self.finance.id, "read", "bank_account"),
                (self.account.id, self.finance.id, "export", "deposit_amount"),
            ],
        )

    def test_log_is_admin_only_and_not_forgeable(self):
        with self.assertRaises(AccessError):
            self.env["read.audit.log"].with_user(self.finance).search([])
        with self.assertRaises(AccessError):
            self.env["read.audit.log"].with_user(self.admin_gas).create(
                {"user_ref": self.admin_gas.id, "operation": "read"}
            )
        self.env["read.audit.log"].with_user(self.admin_gas).search([])

    def test_contract_contact_phone_masked_for_basic(self):
        contract = self._draft(
            user_category="collective", contact_name="Li Si", contact_phone="13812345678"
        )
        self.assertEqual(contract.with_user(self.basic).contact_phone_display, "138****5678")
        with self.assertRaises(AccessError):
            contract.with_user(self.basic).read(["contact_phone"])


@tagged("post_install", "-at_install")
class TestUserInfoSheet(HttpCase):
    """[GC-5] the user information sheet prints as a Chinese PDF.

    An HttpCase: wkhtmltopdf fetches the report assets from the running server.
    """

    def test_user_info_sheet_pdf_in_chinese(self):
        staff = new_test_user(
            self.env, login="gc_pdf_staff", groups="gas_contracts.group_gas_contracts_user"
        )
        supply = self.env.ref("gas_contracts.contract_type_residential_supply")
        partner = self.env["res.partner"].create({"name": "Zhang San"})
        contract = self.env["gas.contract"].create(
            {"title": "Supply", "type_id": supply.id, "partner_id": partner.id}
        )
        account = self.env["gas.account"].create(
            {
                "contract_id": contract.id,
                "partner_id": partner.id,
                "phone": "13812345678",
                "street": "Renmin Rd 8",
            }
        )
        self.env["gas.meter"].create(
            {"account_id": account.id, "name": "M-PDF-1", "install_date": "2026-03-01"}
        )
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["gas_contracts"], ["zh_CN"])
        report = self.env.ref("gas_contracts.action_report_gas_user_info")
        Report = self.env["ir.actions.report"].with_user(staff).with_context(lang="zh_CN")
        html = Report._render_qweb_html(report.report_name, account.ids)[0].decode()
        for label in ("燃气用户信息表", "表号", "燃气具", account.name, "M-PDF-1", "13812345678"):
            self.assertIn(label, html)
        # tests render HTML unless asked for the real wkhtmltopdf output
        pdf, kind = Report.with_context(force_report_rendering=True)._render_qweb_pdf(
            report.report_name, account.ids
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
