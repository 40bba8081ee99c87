import io

import openpyxl

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from .common import ResearchArchiveCommon


class ReportData:
    @classmethod
    def _setup_report_data(cls):
        cls.documents = cls._file_all_mandatory(cls.dossier, with_files=False)
        cls.formula = '=HYPERLINK("http://example.com/x","click")'
        cls.documents[0].name = cls.formula
        cls.documents[1].write(
            {"copy_kind": "photocopy", "original_holder": "Wang Fang", "remarks": "<b>bold?</b>"}
        )
        cls.dossier.remarks = "Volume checked by the research office."
        cls.round = cls.env["research.archive.round"].create(
            {
                "academic_year": "2025-2026",
                "term": "2",
                "deadline": "2026-07-10",
                "participant_ids": [(6, 0, [cls.researcher.id])],
            }
        )
        cls.round.action_open()
        cls.round.handover_ids.line_ids = [(0, 0, {"description": cls.formula, "quantity": 2})]


@tagged("post_install", "-at_install")
class TestReports(ReportData, ResearchArchiveCommon):
    """[RA-6] cover page, inner list, remarks sheet; [RA-7] [RA-10] Excel exports."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_report_data()

    def test_dossier_html_has_the_three_parts(self):
        self._archive(self.dossier)
        html, __ = (
            self.env["ir.actions.report"]
            .with_user(self.researcher)
            ._render_qweb_html("research_archive.action_report_dossier", self.dossier.ids)
        )
        html = html.decode()
        for label in (
            "Cover Page",
            "Inner List",
            "Remarks Sheet",
            "Archive Number",
            "No.",
            "Responsible",
            "Title",
            "Page No.",
            "Remarks",
            self.dossier.archive_number,
            "Wang Fang",
            "Volume checked",
        ):
            self.assertIn(label, html)
        self.assertIn("&lt;b&gt;bold?&lt;/b&gt;", html, "text fields are shown escaped")

    def test_dossier_html_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_TW")
        self.env["ir.module.module"]._load_module_terms(
            ["research_archive"], ["zh_TW"], overwrite=True
        )
        html, __ = (
            self.env["ir.actions.report"]
            .with_context(lang="zh_TW")
            ._render_qweb_html("research_archive.action_report_dossier", self.dossier.ids)
        )
        html = html.decode()
        for label in ("卷首頁", "卷內目錄", "備考表", "檔號", "責任者"):
            self.assertIn(label, html)

    def test_handover_html(self):
        html, __ = (
            self.env["ir.actions.report"]
            .with_user(self.office)
            ._render_qweb_html("research_archive.action_report_handover_list", self.round.ids)
        )
        self.assertIn("Archive Hand-over List", html.decode())
        self.assertIn(self.researcher.name, html.decode())
        self.assertEqual(html.decode().count("<!DOCTYPE html>"), 1)

    def test_reports_respect_record_rules(self):
        with self.assertRaises(AccessError):
            self.env["ir.actions.report"].with_user(self.other_researcher)._render_qweb_html(
                "research_archive.action_report_dossier", self.dossier.ids
            )
        with self.assertRaises(AccessError):
            self.env["ir.actions.report"].with_user(self.other_researcher)._render_xlsx(
                "research_archive.action_report_dossier_documents_xlsx", self.dossier.ids, None
            )

    def _read_xlsx(self, xmlid, ids, user):
        content, kind = self.env["ir.actions.report"].with_user(user)._render_xlsx(xmlid, ids, None)
        self.assertEqual(kind, "xlsx")
        return openpyxl.load_workbook(io.BytesIO(content)).active

    def test_workbook_options_stream_and_keep_formulas_as_text(self):
        options = self.env["report.research_archive.document_catalogue_xlsx"].get_workbook_options()
        self.assertTrue(options["constant_memory"])
        self.assertFalse(options["strings_to_formulas"])

    def test_document_catalogue_xlsx(self):
        for xmlid, ids in (
            ("research_archive.action_report_document_catalogue_xlsx", self.documents.ids),
            ("research_archive.action_report_dossier_documents_xlsx", self.dossier.ids),
        ):
            sheet = self._read_xlsx(xmlid, ids, self.researcher)
            rows = list(sheet.iter_rows(values_only=True))
            self.assertEqual(rows[2][5], "Title")
            self.assertEqual(len(rows), len(self.documents) + 3, "title, period and header")
            cell = sheet.cell(row=4, column=6)
            self.assertEqual(cell.value, self.formula)
            self.assertEqual(cell.data_type, "s", "a formula-looking title stays text")

    def test_dossier_catalogue_xlsx(self):
        sheet = self._read_xlsx(
            "research_archive.action_report_dossier_catalogue_xlsx", self.dossier.ids, self.room
        )
        rows = list(sheet.iter_rows(values_only=True))
        self.assertEqual(rows[3][1], self.dossier.name)
        self.assertEqual(rows[3][8], len(self.documents))

    def test_dossier_catalogue_layout(self):
        sheet = self._read_xlsx(
            "research_archive.action_report_dossier_catalogue_xlsx", self.dossier.ids, self.room
        )
        self.assertIn(self.env.company.name, sheet["A1"].value)
        self.assertIn("Dossier Catalogue", sheet["A1"].value)
        self.assertEqual(sheet.freeze_panes, "A4")
        self.assertEqual(sheet.auto_filter.ref, "A3:L4")
        completeness = sheet["K4"]
        self.assertEqual(completeness.number_format, "0.0%")
        self.assertAlmostEqual(completeness.value, self.dossier.completeness_rate / 100)

    def test_handover_xlsx(self):
        sheet = self._read_xlsx(
            "research_archive.action_report_handover_xlsx", self.round.ids, self.office
        )
        rows = list(sheet.iter_rows(values_only=True))
        self.assertEqual(rows[3][1], self.researcher.name)
        self.assertEqual(rows[3][2], self.formula)
        self.assertEqual(sheet.cell(row=4, column=3).data_type, "s")


@tagged("post_install", "-at_install")
class TestReportPdf(ReportData, HttpCase, ResearchArchiveCommon):
    """Real wkhtmltopdf rendering; an HttpCase so that wkhtmltopdf can fetch the
    report assets from the test server."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_report_data()

    def test_dossier_pdf_renders(self):
        self._archive(self.dossier)
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_user(self.researcher)
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf("research_archive.action_report_dossier", self.dossier.ids)
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))

    def test_handover_pdf_renders(self):
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_user(self.office)
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf("research_archive.action_report_handover_list", self.round.ids)
        )
        self.assertTrue(pdf.startswith(b"%PDF"))
        html, __ = (
            self.env["ir.actions.report"]
            .with_user(self.office)
            ._render_qweb_html("research_archive.action_report_handover_list", self.round.ids)
        )
        self.assertIn("Archive Hand-over List", html.decode())
        self.assertIn(self.researcher.name, html.decode())
