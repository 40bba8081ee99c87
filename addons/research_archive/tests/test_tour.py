from odoo.tests import new_test_user, tagged

from odoo.addons.base_input_guard.tests.common import LANG, ScreenshotTourCase

GROUP = "research_archive.group_research_archive_"


@tagged("post_install", "-at_install")
class TestResearchArchiveTour(ScreenshotTourCase):
    """Issue 8: the main journey in a real browser, each step as the role that does it."""

    term_modules = ("base", "web", "mail", "research_archive")

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.researcher = new_test_user(
            cls.env, login="ra_tour_researcher", groups=GROUP + "user", name="陈静", lang=LANG
        )
        cls.room = new_test_user(
            cls.env, login="ra_tour_room", groups=GROUP + "room", name="赵兰", lang=LANG
        )
        cls.project = cls.env["research.project"].create(
            {"name": "Tour reading project", "lead_id": cls.researcher.id}
        )
        cls.dossier = cls.project.dossier_id
        # the early and late phases are partly filed already; the tour records the
        # last mandatory document of each phase
        filed = ("opening", "argumentation", "approval_project", "final_report")
        cls.env["research.document"].create(
            [
                {
                    "dossier_id": cls.dossier.id,
                    "type_id": cls.env.ref(f"research_archive.document_type_{name}").id,
                    "name": name.replace("_", " ").capitalize(),
                    "page_count": 2,
                }
                for name in filed
            ]
        )

    def test_dossier_is_filed_handed_in_archived_and_printed(self):
        self.assertEqual(self.dossier.missing_count, 3)
        self.start_tour("/odoo", "research_archive_researcher_hands_in", login="ra_tour_researcher")
        self.assertEqual(self.dossier.remarks, "Filed by the tour")
        self.assertEqual(self.dossier.state, "submitted", "the researcher handed the dossier in")
        self.assertTrue(self.dossier.is_complete)
        self.assertEqual(len(self.dossier.document_ids), 7)
        self.assertEqual(
            self.dossier.document_ids.filtered(lambda d: d.page_count == 4).type_id,
            self.env.ref("research_archive.document_type_approval_cert")
            | self.env.ref("research_archive.document_type_midterm")
            | self.env.ref("research_archive.document_type_acceptance_cert"),
        )
        self.assertScreenshot("research_dashboard")
        self.assertScreenshot("research_dossier_documents")

        self.start_tour("/odoo", "research_archive_room_archives_and_prints", login="ra_tour_room")
        self.assertEqual(self.dossier.state, "archived")
        self.assertEqual(self.dossier.archived_by_id, self.room)
        self.assertTrue(self.dossier.archive_number)
        self.assertScreenshot("research_dossier_archived")

        # the cover page, printed by the archive room: rendered by wkhtmltopdf ...
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_user(self.room)
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf("research_archive.action_report_dossier", self.dossier.ids)
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF-"))
        # ... and fetched from the print URL with the archive room's own session
        # (tests render reports as HTML unless told otherwise: ask for the real PDF)
        self.authenticate("ra_tour_room", "ra_tour_room")
        response = self.url_open(
            f"/report/pdf/research_archive.report_dossier/{self.dossier.id}"
            '?context={"force_report_rendering": true}'
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/pdf")
        self.assertTrue(response.content.startswith(b"%PDF-"))
