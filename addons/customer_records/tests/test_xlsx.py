from io import BytesIO

import openpyxl

from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.base_record_guard.tests.test_read_audit import (
    audit_cleanup,
    audit_mark,
    audit_rows,
)

from .common import CustomerRecordsCommon

# a title row and a period row above the header: the first record on row 4
DATA_ROW = 4


@tagged("post_install", "-at_install")
class TestExcelReports(CustomerRecordsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.file = cls._create_file(cls.customer, phone='=HYPERLINK("http://evil.example")')
        cls.other_file = cls._create_file(cls.customer2, keeper=cls.keeper2)

    def _render(self, user, report_xmlid, records):
        report = self.env.ref(report_xmlid)
        content, report_type = (
            self.env["ir.actions.report"]
            .with_user(user)
            ._render_xlsx(report.report_name, records.ids, None)
        )
        self.assertEqual(report_type, "xlsx")
        return openpyxl.load_workbook(BytesIO(content)).active

    def test_file_list_only_visible_files_and_formula_as_text(self):
        files = self.file | self.other_file
        sheet = self._render(
            self.keeper, "customer_records.action_report_customer_file_xlsx", files
        )
        rows = list(sheet.iter_rows(min_row=DATA_ROW, values_only=True))
        self.assertEqual(len(rows), 1, "the colleague's file must not be exported")
        self.assertEqual(rows[0][0], "Huadong Textile Co.")
        cell = sheet.cell(row=DATA_ROW, column=4)
        self.assertEqual(cell.value, '=HYPERLINK("http://evil.example")')
        self.assertEqual(cell.data_type, "s")

    def _logs(self):
        mark = audit_mark(self.env)
        self.addCleanup(audit_cleanup, self.env, mark)
        return lambda: [
            (row["res_id"], row["user_ref"], row["operation"])
            for row in audit_rows(self.env, mark, "customer.file")
        ]

    def test_file_list_print_is_logged(self):
        logs = self._logs()
        self._render(self.director, "customer_records.action_report_customer_file_xlsx", self.file)
        self.assertEqual(logs(), [(self.file.id, self.director.id, "report")])

    def test_pdf_print_follows_access_and_is_logged(self):
        logs = self._logs()
        report = self.env.ref("customer_records.action_report_customer_file")
        Report = self.env["ir.actions.report"]
        with self.assertRaises(AccessError):
            Report.with_user(self.outsider)._render_qweb_html(report.report_name, self.file.ids)
        html, __ = Report.with_user(self.director)._render_qweb_html(
            report.report_name, self.file.ids
        )
        self.assertIn("Huadong Textile Co.", html.decode())
        self.assertEqual(logs(), [(self.file.id, self.director.id, "report")])

    def test_outsider_exports_nothing(self):
        sheet = self._render(
            self.outsider, "customer_records.action_report_customer_file_xlsx", self.file
        )
        self.assertEqual(sheet.max_row, DATA_ROW - 1)

    def test_workbook_options(self):
        options = self.env["report.customer_records.customer_file_xlsx"].get_workbook_options()
        self.assertTrue(options["constant_memory"])
        self.assertFalse(options["strings_to_formulas"])

    def test_complaint_register(self):
        complaint = self.env["customer.complaint"].create(
            {
                "subject": "=1+1",
                "partner_id": self.customer.id,
                "department_id": self.sales_dept.id,
                "description": "x",
                "user_id": self.keeper.id,
            }
        )
        hidden = self.env["customer.complaint"].create(
            {
                "subject": "hidden",
                "partner_id": self.customer3.id,
                "department_id": self.sales_dept.id,
                "description": "x",
                "user_id": self.office.id,
            }
        )
        sheet = self._render(
            self.keeper2,
            "customer_records.action_report_customer_complaint_xlsx",
            complaint | hidden,
        )
        self.assertEqual(sheet.max_row, DATA_ROW - 1)
        sheet = self._render(
            self.office,
            "customer_records.action_report_customer_complaint_xlsx",
            complaint | hidden,
        )
        rows = list(sheet.iter_rows(min_row=DATA_ROW, values_only=True))
        self.assertEqual(len(rows), 2)
        self.assertIn("=1+1", [row[3] for row in rows])

    def test_survey_analysis(self):
        survey = self.env["survey.survey"].create({"title": "S"})
        campaign = (
            self.env["customer.survey.campaign"]
            .with_user(self.office)
            .create({"name": "2026 survey", "survey_id": survey.id})
        )
        dimension = self.env.ref("customer_records.dimension_service_quality")
        campaign.line_ids = [(0, 0, {"dimension_id": dimension.id})]
        sheet = self._render(
            self.office, "customer_records.action_report_customer_survey_xlsx", campaign
        )
        rows = list(sheet.iter_rows(min_row=DATA_ROW, values_only=True))
        self.assertEqual(len(rows), 2)
        self.assertEqual(rows[1][2], dimension.name)

    def test_file_list_layout(self):
        self.file.credit_limit = 1_234_567.5
        sheet = self._render(
            self.director, "customer_records.action_report_customer_file_xlsx", self.file
        )
        self.assertIn(self.env.company.name, sheet["A1"].value)
        self.assertEqual(sheet["A3"].value, "Customer")
        self.assertEqual(sheet.freeze_panes, "A4")
        self.assertEqual(sheet.auto_filter.ref, "A3:H4")
        amount = sheet.cell(row=DATA_ROW, column=6)
        self.assertEqual(amount.value, 1_234_567.5)
        self.assertIn("#,##0.00", amount.number_format)
        self.assertIn(self.env.company.currency_id.symbol, amount.number_format)
