import io

import openpyxl

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import GasCommon


@tagged("post_install", "-at_install")
class TestExcelExports(GasCommon):
    """[GC-9] registers in Excel, as the exporting user, formulas kept as text."""

    def _render(self, xmlid, records, user):
        report = self.env.ref(xmlid)
        content, kind = (
            self.env["ir.actions.report"]
            .with_user(user)
            ._render_xlsx(report.report_name, records.ids, {})
        )
        self.assertEqual(kind, "xlsx")
        return openpyxl.load_workbook(io.BytesIO(content))

    def test_workbook_options(self):
        options = self.env["report.gas_contracts.contract_register_xlsx"].get_workbook_options()
        self.assertTrue(options["constant_memory"])
        self.assertFalse(options["strings_to_formulas"])

    def test_contract_register_by_type_and_state(self):
        formula = '=HYPERLINK("http://evil.example","x")'
        first = self._draft(title=formula)
        second = self._draft(type_id=self.t_alarm.id, charged_amount=300.0)
        second.action_submit()
        book = self._render(
            "gas_contracts.action_report_contract_register_xlsx", first | second, self.staff
        )
        sheet = book.worksheets[0]
        rows = list(sheet.iter_rows(values_only=True))
        self.assertEqual(rows[0][2], "Contract Number")
        titles = {row[3]: row for row in rows[1:]}
        self.assertIn(formula, titles)
        self.assertEqual(sheet.cell(row=2, column=4).data_type, "s")
        self.assertEqual(titles[formula][1], "Draft")
        summary = list(book.worksheets[1].iter_rows(values_only=True))
        self.assertEqual(len(summary), 3)

    def test_outsider_cannot_export_the_register(self):
        contract = self._draft()
        with self.assertRaises(AccessError):
            self._render(
                "gas_contracts.action_report_contract_register_xlsx", contract, self.outsider
            )

    def test_account_list_within_the_users_level(self):
        account = self._open_account()
        account.write({"phone": "13812345678", "contact_name": '=HYPERLINK("x")'})
        self.env["gas.meter"].create(
            {"account_id": account.id, "name": "XL-1", "install_date": "2026-03-01"}
        )
        staff_rows = list(
            self._render("gas_contracts.action_report_account_list_xlsx", account, self.staff)
            .worksheets[0]
            .iter_rows(values_only=True)
        )
        self.assertIn("Meters", staff_rows[0])
        self.assertIn("XL-1", staff_rows[1][6])
        self.assertEqual(staff_rows[1][3], "13812345678")
        basic_rows = list(
            self._render("gas_contracts.action_report_account_list_xlsx", account, self.basic)
            .worksheets[0]
            .iter_rows(values_only=True)
        )
        self.assertNotIn("Meters", basic_rows[0])
        self.assertEqual(basic_rows[1][3], "138****5678")

    def test_take_or_pay_statement(self):
        supply = self._signed_supply(partner_id=self.big_partner.id)
        account = self._open_account(supply)
        contract = (
            self.env["gas.contract"]
            .with_user(self.vp)
            .create(self._top_vals(top_account_id=account.id))
        )
        contract.with_user(self.vp).action_submit()
        contract.with_user(self.gm).validate_tier()
        contract.with_user(self.gm).action_sign()
        settlement = contract.with_user(self.finance).action_settle_year(2025)
        rows = list(
            self._render("gas_contracts.action_report_top_statement_xlsx", settlement, self.finance)
            .worksheets[0]
            .iter_rows(values_only=True)
        )
        self.assertEqual(rows[1][0], contract.name)
        self.assertEqual(rows[1][7], 4_000_000)
        self.assertEqual(rows[1][9], 10_000_000)
