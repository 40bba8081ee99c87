from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestResearchArchiveTour(HttpCase):
    def test_researcher_files_and_hands_in_a_dossier(self):
        researcher = new_test_user(
            self.env,
            login="ra_tour_researcher",
            groups="research_archive.group_research_archive_user",
        )
        project = self.env["research.project"].create(
            {"name": "Tour reading project", "lead_id": researcher.id}
        )
        self.start_tour("/odoo", "research_archive_open_dossier", login="ra_tour_researcher")
        dossier = project.dossier_id
        self.assertEqual(dossier.remarks, "Filed by the tour")
        self.assertEqual(dossier.state, "submitted", "the tour handed the dossier in")
