"""No leaking names [RA-11, X-3]: errors name no project the user cannot read, and a
hand-over line cannot point at a dossier its writer cannot read (it would show the title)."""

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import ResearchArchiveCommon


@tagged("post_install", "-at_install")
class TestNoLeakingNames(ResearchArchiveCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.round = (
            cls.env["research.archive.round"]
            .with_user(cls.office)
            .create(
                {
                    "academic_year": "2025-2026",
                    "term": "1",
                    "deadline": "2026-01-20",
                    "participant_ids": [(6, 0, [cls.researcher.id])],
                }
            )
        )
        cls.round.action_open()
        cls.handover = cls.round.handover_ids.with_user(cls.researcher)

    def test_duplicate_dossier_error_names_no_hidden_project(self):
        Dossier = self.env["research.dossier"].with_user(self.researcher)
        with self.assertRaises(ValidationError) as caught:
            Dossier.create({"name": "Second dossier", "project_id": self.other_project.id})
        self.assertNotIn(self.other_project.name, str(caught.exception))
        # a project the researcher reads is named
        with self.assertRaises(ValidationError) as caught:
            Dossier.create({"name": "Second dossier", "project_id": self.project.id})
        self.assertIn(self.project.name, str(caught.exception))

    def test_handover_line_cannot_point_at_a_hidden_dossier(self):
        for write in (
            lambda: self.handover.write(
                {
                    "line_ids": [
                        (0, 0, {"description": "Minutes", "dossier_id": self.other_dossier.id})
                    ]
                }
            ),
            lambda: (
                self.env["research.handover.line"]
                .with_user(self.researcher)
                .create(
                    {
                        "handover_id": self.handover.id,
                        "description": "Minutes",
                        "dossier_id": self.other_dossier.id,
                    }
                )
            ),
        ):
            with self.assertRaises(AccessError) as caught:
                write()
            self.assertNotIn(self.other_dossier.name, str(caught.exception))
        self.assertFalse(self.handover.line_ids)

    def test_handover_line_relinked_to_a_hidden_dossier_is_refused(self):
        self.handover.write(
            {"line_ids": [(0, 0, {"description": "Minutes", "dossier_id": self.dossier.id})]}
        )
        line = self.handover.line_ids
        self.assertEqual(line.dossier_id, self.dossier)
        with self.assertRaises(AccessError):
            line.write({"dossier_id": self.other_dossier.id})
        result = line.load(
            ["handover_id/.id", "description", "dossier_id/.id"],
            [[str(self.handover.id), "Minutes", str(self.other_dossier.id)]],
        )
        self.assertFalse(result["ids"])
        self.assertEqual(line.dossier_id, self.dossier)
