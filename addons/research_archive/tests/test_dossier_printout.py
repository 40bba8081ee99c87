import io
import re

from odoo.tests import HttpCase, tagged
from odoo.tools.pdf import PdfFileReader

from .common import ResearchArchiveCommon

REPORT = "research_archive.action_report_dossier"


class PrintoutData:
    @classmethod
    def _setup_printout_data(cls):
        """A volume whose items were filed out of date order: 12, 8 and 1 pages."""
        cls.documents = cls._file_all_mandatory(cls.dossier, with_files=False)
        cls.documents.page_count = 0
        first, second, last = cls.documents[:3]
        first.write({"date": "2025-12-20", "page_count": 1, "name": "Closing report"})
        second.write({"date": "2025-09-05", "page_count": 12, "reference": "JK [2025] 3"})
        last.write({"date": "2025-10-01", "page_count": 8, "name": "Opening report"})
        (cls.documents - first - second - last).date = "2025-11-11"
        cls.first, cls.second, cls.last = first, second, last

    def _render_html(self, user, dossier=None, lang="en_US"):
        html, __ = (
            self.env["ir.actions.report"]
            .with_user(user)
            .with_context(lang=lang)
            ._render_qweb_html(REPORT, (dossier or self.dossier).ids)
        )
        return html.decode()


@tagged("post_install", "-at_install")
class TestDossierPrintout(PrintoutData, ResearchArchiveCommon):
    """[RA-6] cover page, inner list and remarks sheet laid out as in GB/T 11822."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_printout_data()
        cls.report = cls.env["report.research_archive.report_dossier"]

    def test_page_ranges_follow_each_other(self):
        self.assertEqual(self.report._page_ranges([12, 8, 1]), ["1-12", "13-20", "21"])
        self.assertEqual(self.report._page_ranges([3, 0, 2]), ["1-3", "", "4-5"])
        self.assertEqual(self.report._page_ranges([]), [])

    def test_inner_list_in_date_order_ends_at_the_page_total(self):
        rows = self.report._get_inner_list(self.dossier)
        self.assertEqual(
            [(doc, pages) for doc, pages in rows[:2]],
            [(self.second, "1-12"), (self.last, "13-20")],
        )
        self.assertEqual(rows[-1], (self.first, "21"))
        self.assertTrue(all(pages == "" for __, pages in rows[2:-1]), "items without pages")
        self.assertEqual(self.dossier.page_total, 21)

    def test_same_date_in_item_order_undated_last(self):
        self.documents.date = "2025-10-01"
        self.second.date = False
        rows = self.report._get_inner_list(self.dossier)
        self.assertEqual(rows[-1][0], self.second)
        dated = [doc.item_number for doc, __ in rows[:-1]]
        self.assertEqual(dated, sorted(dated))

    def test_archive_number_read_back_for_the_grid(self):
        pattern = "{fonds}-{category}-{year}-{retention}-{serial}"
        self.assertEqual(
            self.report._split_archive_number(pattern, "J001-KT-2025-Y-0007"),
            {"fonds": "J001", "category": "KT", "year": "2025", "retention": "Y", "serial": "0007"},
        )
        self.assertEqual(self.report._split_archive_number(pattern, "made by hand"), {})
        self.assertEqual(self.report._split_archive_number("{serial}/{serial}", "1/2"), {})

    def test_cover_inner_list_and_signatures(self):
        self._archive(self.dossier)
        self.env["res.lang"]._activate_lang("zh_CN")
        html = self._render_html(self.room, lang="zh_CN")
        codes = re.search(r'<table class="ra-codes">(.*?)</table>', html, re.S).group(1)
        fonds = self.env.ref("research_archive.archive_numbering_main").fonds_code
        serial = self.dossier.archive_number.rsplit("-", 1)[1]
        self.assertEqual(
            re.findall(r"<td>([^<]*)</td>", codes), [fonds, self.category_project.code, serial]
        )
        self.assertIn(self.dossier.archive_number, html)
        self.assertIn("20250905", html, "GB/T 11822 dates: eight digits")
        self.assertIn("JK [2025] 3", html)
        for pages in ("1-12", "13-20", "21"):
            self.assertIn(f'<td class="ra-num">{pages}</td>', html)
        self.assertLess(html.index("JK [2025] 3"), html.index("Opening report"))
        self.assertLess(html.index("Opening report"), html.index("Closing report"))
        compiler = self.dossier.user_id.name
        self.assertRegex(html, r'class="ra-line ra-compiler">\s*' + re.escape(compiler))
        self.assertRegex(html, r'class="ra-line ra-checker">\s*' + re.escape(self.room.name))

    def test_unarchived_volume_leaves_lines_to_sign(self):
        self.dossier.user_id = False
        html = self._render_html(self.researcher)
        self.assertIn('class="ra-line ra-compiler"></td>', html)
        self.assertIn('class="ra-line ra-checker"></td>', html)
        codes = re.search(r'<table class="ra-codes">(.*?)</table>', html, re.S).group(1)
        fonds = self.env.ref("research_archive.archive_numbering_main").fonds_code
        self.assertEqual(
            re.findall(r"<td>([^<]*)</td>", codes), [fonds, self.category_project.code, ""]
        )


@tagged("post_install", "-at_install")
class TestDossierPrintoutPdf(PrintoutData, HttpCase, ResearchArchiveCommon):
    """wkhtmltopdf lays the volume out on three pages: cover, inner list, remarks sheet."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_printout_data()

    def test_pdf_has_one_page_per_part(self):
        self._archive(self.dossier)
        self.env["res.lang"]._activate_lang("zh_CN")
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_user(self.room)
            .with_context(lang="zh_CN", force_report_rendering=True)
            ._render_qweb_pdf(REPORT, self.dossier.ids)
        )
        self.assertEqual(kind, "pdf")
        self.assertEqual(len(PdfFileReader(io.BytesIO(pdf)).pages), 3)
