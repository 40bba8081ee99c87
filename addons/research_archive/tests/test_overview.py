from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from odoo.addons.base_role_overview.tests.common import OverviewCase

from .common import ResearchArchiveCommon

TILE = "research_archive.overview_tile_"


@tagged("post_install", "-at_install")
class TestOverview(OverviewCase, ResearchArchiveCommon):
    """Issue 15: the app opens on what waits for the user's role, within the record rules."""

    overview_action = "research_archive.research_overview_action"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.round = (
            cls.env["research.archive.round"]
            .with_user(cls.office)
            .create(
                {
                    "academic_year": "2030-2031",
                    "term": "1",
                    "deadline": fields.Date.today() + timedelta(days=30),
                    "participant_ids": [(6, 0, (cls.researcher | cls.member).ids)],
                }
            )
        )
        cls.round.action_open()

    def test_researcher_sees_his_own_work(self):
        tiles = self.overview(self.researcher)
        self.assertEqual(
            set(tiles),
            {TILE + "dossier_incomplete", TILE + "handover_to_sign", TILE + "my_projects"},
            "the office's tiles are not shown to a researcher",
        )
        incomplete = self.assertTile(
            tiles[TILE + "dossier_incomplete"], [("is_complete", "=", False)]
        )
        self.assertIn(self.dossier, incomplete)
        self.assertNotIn(self.other_dossier, incomplete, "another lead's dossier is not counted")
        to_sign = self.assertTile(
            tiles[TILE + "handover_to_sign"], [("participant_id", "=", self.researcher.id)]
        )
        self.assertEqual(to_sign.round_id, self.round)
        projects = self.assertTile(tiles[TILE + "my_projects"], [])
        self.assertEqual(projects, self.project)

    def test_archive_room_sees_what_to_seal_and_to_follow_up(self):
        tiles = self.overview(self.room)
        self.assertLessEqual(
            {TILE + "dossier_to_seal", TILE + "handover_outstanding", TILE + "retention_expired"},
            set(tiles),
        )
        to_seal = tiles[TILE + "dossier_to_seal"]
        self.assertNotIn(self.dossier, self.assertTile(to_seal, [("state", "=", "submitted")]))
        self.dossier.with_user(self.researcher).action_submit()
        self.assertIn(self.dossier, self.assertTile(to_seal, [("state", "=", "submitted")]))
        outstanding = self.assertTile(
            tiles[TILE + "handover_outstanding"],
            [("state", "=", "draft"), ("round_id.state", "=", "open")],
        )
        self.assertEqual((outstanding & self.round.handover_ids), self.round.handover_ids)
        # the office does not seal: its overview has no such tile
        self.assertNotIn(TILE + "dossier_to_seal", self.overview(self.office))
        self.assertIn(TILE + "handover_to_countersign", self.overview(self.office))
