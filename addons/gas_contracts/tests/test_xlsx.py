import io
import json
from urllib.parse import quote

import openpyxl

from odoo import fields, http
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from .common import GasCommon

# rows (from 0) of the header below the title and the period; records follow it
HEADER = 2


def settle(case, year=2025, partner=None):
    """A signed take-or-pay contract of the big gas user (or ``partner``), settled by finance
    for ``year``."""
    partner = partner or case.big_partner
    supply = case._signed_supply(partner_id=partner.id)
    account = case._open_account(supply)
    contract = (
        case.env["gas.contract"]
        .with_user(case.vp)
        .create(
            case._top_vals(top_account_id=account.id, contract_year=year, partner_id=partner.id)
        )
    )
    contract.with_user(case.vp).action_submit()
    contract.with_user(case.gm).validate_tier()
    contract.with_user(case.gm).action_sign()
    return contract.with_user(case.finance).action_settle_year(year)


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
        self.assertEqual(rows[HEADER][2], "Contract Number")
        titles = {row[3]: row for row in rows[HEADER + 1 :]}
        self.assertIn(formula, titles)
        self.assertEqual(sheet.cell(row=HEADER + 2, column=4).data_type, "s")
        self.assertEqual(titles[formula][1], "Draft")
        summary = list(book.worksheets[1].iter_rows(values_only=True))
        self.assertEqual(len(summary), HEADER + 3, "title, period, header and two types")

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
        self.assertIn("Meters", staff_rows[HEADER])
        self.assertIn("XL-1", staff_rows[HEADER + 1][6])
        self.assertEqual(staff_rows[HEADER + 1][3], "13812345678")
        basic_rows = list(
            self._render("gas_contracts.action_report_account_list_xlsx", account, self.basic)
            .worksheets[0]
            .iter_rows(values_only=True)
        )
        self.assertNotIn("Meters", basic_rows[HEADER])
        self.assertEqual(basic_rows[HEADER + 1][3], "138****5678")

    def test_take_or_pay_statement(self):
        settlement = settle(self)
        book = self._render(
            "gas_contracts.action_report_top_statement_xlsx", settlement, self.finance
        )
        sheet = book.worksheets[0]
        rows = list(sheet.iter_rows(values_only=True))
        self.assertIn("Take-or-Pay Statement", rows[0][0])
        self.assertIn(self.env.company.name, rows[0][0])
        self.assertIn("2025", rows[1][0])
        self.assertIn(self.big_partner.name, rows[1][0])
        line = rows[HEADER + 1]
        self.assertEqual(
            line[:3], (self.big_partner.display_name, 2025, settlement.contract_id.name)
        )
        self.assertEqual(line[7], 4_000_000)
        self.assertEqual(line[9], 10_000_000)
        self.assertEqual(sheet.cell(row=HEADER + 2, column=8).number_format, '#,##0 "m³"')
        self.assertIn("#,##0.00", sheet.cell(row=HEADER + 2, column=10).number_format)
        # the totals: a formula, and its value for readers that do not calculate
        total = rows[HEADER + 2]
        self.assertEqual(total[0], "Total")
        self.assertEqual(total[9], "=SUBTOTAL(9,J4:J4)")
        values = openpyxl.load_workbook(
            io.BytesIO(self._content("gas_contracts.action_report_top_statement_xlsx", settlement)),
            data_only=True,
        ).worksheets[0]
        self.assertEqual(values.cell(row=HEADER + 3, column=10).value, 10_000_000)
        self.assertTrue(values.cell(row=HEADER + 3, column=10).font.b)
        signatures = [cell for row in rows[HEADER + 3 :] for cell in row if cell]
        self.assertEqual(
            signatures,
            [
                f"{label} ________________"
                for label in ("Prepared by:", "Checked by:", "Gas user (seal):", "Date:")
            ],
        )

    def test_take_or_pay_statement_groups_by_user_and_year(self):
        other = self.env["res.partner"].create({"name": "Aaa Glass Works"})
        settlements = settle(self) | settle(self, 2024) | settle(self, partner=other)
        rows = list(
            self._render(
                "gas_contracts.action_report_top_statement_xlsx", settlements, self.finance
            )
            .worksheets[0]
            .iter_rows(values_only=True)
        )
        body = [row[:2] for row in rows[HEADER + 1 : HEADER + 6]]
        name = self.big_partner.display_name
        self.assertEqual(
            body,
            [
                (other.display_name, 2025),
                (name, 2024),
                (name, 2025),
                (f"Subtotal {name}", None),
                ("Total", None),
            ],
            "a gas user with one line needs no subtotal",
        )
        self.assertEqual(rows[HEADER + 5][9], "=SUBTOTAL(9,J4:J7)")

    def test_register_layout(self):
        chinese_title = "华东燃气有限公司天然气供用气合同补充协议书"
        contract = self._draft(title=chinese_title, annual_quantity=1_234_567.0)
        sheet = self._render(
            "gas_contracts.action_report_contract_register_xlsx", contract, self.staff
        ).worksheets[0]
        self.assertIn(self.env.company.name, sheet["A1"].value)
        self.assertIn("A1:M1", [str(cells) for cells in sheet.merged_cells.ranges])
        self.assertTrue(sheet["A1"].font.b)
        self.assertTrue(sheet["A3"].font.b)
        self.assertEqual(sheet.freeze_panes, "A4")
        self.assertEqual(sheet.auto_filter.ref, "A3:M4")
        self.assertEqual(sheet["D4"].value, chinese_title)
        # a Chinese character is two columns wide: the title's column fits twice its length
        width = sheet.column_dimensions["D"].width
        self.assertGreaterEqual(width, 2 * len(chinese_title))
        self.assertGreater(width, sheet.column_dimensions["C"].width)
        self.assertEqual(sheet["K4"].value, 1_234_567)
        self.assertEqual(sheet["K4"].number_format, '#,##0 "m³"')
        self.assertEqual(sheet["G4"].number_format, "yyyy-mm-dd")

    def _content(self, xmlid, records):
        report = self.env.ref(xmlid)
        return (
            self.env["ir.actions.report"]
            .with_user(self.finance)
            ._render_xlsx(report.report_name, records.ids, {})[0]
        )


@tagged("post_install", "-at_install")
class TestExcelDownload(GasCommon, HttpCase):
    """The file a user downloads is named after what it is and when, in the user's language."""

    def _download(self, report_name, ids):
        self.authenticate("gc_finance", "gc_finance")
        url = f"/report/xlsx/{report_name}/{','.join(map(str, ids))}"
        return self.url_open(
            "/report/download",
            data={
                "data": json.dumps([url, "xlsx"]),
                "context": json.dumps({}),
                "token": "dummy",
                "csrf_token": http.Request.csrf_token(self),
            },
        )

    def test_statement_file_name_follows_the_users_language(self):
        settlement = settle(self)
        self.env["res.lang"]._activate_lang("zh_CN")
        report = self.env.ref("gas_contracts.action_report_top_statement_xlsx")
        report.with_context(
            lang="zh_CN"
        ).print_report_name = "'照付不议结算表-%s-%s' % (object.partner_id.name, object.year)"
        response = self._download(report.report_name, settlement.ids)
        self.assertEqual(response.status_code, 200)
        self.assertIn(
            quote(f"Take-or-Pay Statement-{self.big_partner.name}-2025.xlsx"),
            response.headers["Content-Disposition"],
        )
        self.finance.lang = "zh_CN"
        response = self._download(report.report_name, settlement.ids)
        self.assertIn(
            quote(f"照付不议结算表-{self.big_partner.name}-2025.xlsx"),
            response.headers["Content-Disposition"],
        )

    def test_register_of_several_contracts_is_named_with_the_day(self):
        contracts = self._draft() | self._draft()
        self.env["res.lang"]._activate_lang("zh_CN")
        report = self.env.ref("gas_contracts.action_report_contract_register_xlsx")
        report.with_context(lang="zh_CN").name = "合同台账（Excel）"
        self.finance.lang = "zh_CN"
        response = self._download(report.report_name, contracts.ids)
        self.assertEqual(response.status_code, 200)
        today = fields.Date.context_today(report.with_user(self.finance))
        self.assertIn(
            quote(f"合同台账（Excel）-{today}.xlsx"), response.headers["Content-Disposition"]
        )
