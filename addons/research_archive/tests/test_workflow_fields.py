from itertools import count

from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from odoo.addons.base_record_guard.tests.workflow_matrix import PATHS, WorkflowFieldsMatrix

from .common import ResearchArchiveCommon


@tagged("post_install", "-at_install")
class TestWorkflowFields(ResearchArchiveCommon, WorkflowFieldsMatrix):
    """[RA-5] Every declared workflow-only field, every path, as the role that edits the model."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.round = (
            cls.env["research.archive.round"]
            .with_user(cls.office)
            .create({"academic_year": "2030-2031", "deadline": "2031-01-15"})
        )

    def test_matrix(self):
        serial = count(1)
        opening = self.type_opening

        def participant():
            return new_test_user(self.env, login=f"ra_wf_participant_{next(serial)}").id

        def round_year():
            year = 2040 + next(serial)
            return f"{year}-{year + 1}"

        def project_dossier():
            return self._create_project(f"Waived {next(serial)}", self.researcher).dossier_id.id

        cases = [
            (
                "research.project",
                self.researcher,
                lambda: {"name": "Project", "lead_id": self.researcher.id},
                PATHS,
            ),
            (
                "research.dossier",
                self.researcher,
                lambda: {"name": "Regulations", "category_id": self.category_general.id},
                PATHS,
            ),
            (
                "research.handover",
                self.office,
                lambda: {"round_id": self.round.id, "participant_id": participant()},
                PATHS,
            ),
            (
                "research.archive.round",
                self.office,
                lambda: {"academic_year": round_year(), "deadline": "2050-01-15"},
                PATHS,
            ),
            (
                # a waiver is never edited at all (its own rule answers a write)
                "research.dossier.waiver",
                self.manager,
                lambda: {"dossier_id": project_dossier(), "type_id": opening.id, "reason": "Lost"},
                ("create", "load create", "copy", "default context"),
            ),
        ]
        for model_name, user, make_vals, paths in cases:
            self.assert_workflow_fields_guarded(model_name, user, make_vals, paths)

    def test_project_is_closed_only_by_its_button(self):
        self.assertTrue(self.dossier.missing_count)
        for user in (self.researcher, self.office, self.env.ref("base.user_admin")):
            with self.assertRaisesRegex(UserError, "Only the workflow sets"):
                self.project.with_user(user).write({"state": "closed"})
        self.assertEqual(self.project.state, "draft")
        self.project.with_user(self.researcher).action_start()
        with self.assertRaisesRegex(UserError, "mandatory documents are missing"):
            self.project.with_user(self.researcher).action_close()
        self.assertEqual(self.project.state, "ongoing")
