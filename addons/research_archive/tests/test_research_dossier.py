from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.base.tests.common import BaseCommon


@tagged("post_install", "-at_install")
class TestResearchDossierAccess(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.researcher = new_test_user(
            cls.env, login="ra_researcher", groups="research_archive.group_research_archive_user"
        )
        cls.outsider = new_test_user(cls.env, login="ra_outsider", groups="base.group_user")

    def test_researcher_creates_dossier(self):
        dossier = (
            self.env["research.dossier"]
            .with_user(self.researcher)
            .create({"name": "Reading habits of primary pupils"})
        )
        self.assertEqual(dossier.user_id, self.researcher)

    def test_employee_without_group_cannot_read(self):
        dossier = self.env["research.dossier"].create({"name": "Confidential study"})
        with self.assertRaises(AccessError):
            dossier.with_user(self.outsider).read(["name"])


@tagged("post_install", "-at_install")
class TestResearchArchiveTour(HttpCase):
    def test_researcher_opens_a_dossier(self):
        new_test_user(
            self.env,
            login="ra_tour_researcher",
            groups="research_archive.group_research_archive_user",
        )
        self.start_tour("/odoo", "research_archive_open_dossier", login="ra_tour_researcher")
        self.assertTrue(
            self.env["research.dossier"].search([("name", "=", "Tour dossier")]),
            "the tour should have saved the dossier it typed",
        )
