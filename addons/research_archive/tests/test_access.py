import base64

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import ResearchArchiveCommon


@tagged("post_install", "-at_install")
class TestAccess(ResearchArchiveCommon):
    """[RA-11] researchers: own projects; office and room: all; confidential: few."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_doc = cls.env["research.document"].create(
            {"dossier_id": cls.other_dossier.id, "type_id": cls.type_opening.id, "name": "Theirs"}
        )
        cls.other_file = cls.env["ir.attachment"].create(
            {
                "name": "their-opening.txt",
                "res_model": "research.document",
                "res_id": cls.other_doc.id,
                "datas": base64.b64encode(b"their secret draft"),
            }
        )
        cls.secret_project = cls._create_project("Secret study", cls.researcher, cls.member)
        cls.secret = cls.secret_project.dossier_id
        cls.secret.classification = "confidential"

    def test_outsider_without_group_sees_nothing(self):
        with self.assertRaises(AccessError):
            self.dossier.with_user(self.outsider).read(["name"])

    def test_researcher_sees_only_own_projects(self):
        Dossier = self.env["research.dossier"].with_user(self.researcher)
        visible = Dossier.search([])
        self.assertIn(self.dossier, visible)
        self.assertNotIn(self.other_dossier, visible)
        groups = Dossier._read_group([], ["project_id"], ["__count"])
        self.assertNotIn(self.other_project, [project for project, _count in groups])
        with self.assertRaises(AccessError):
            self.other_dossier.with_user(self.researcher).read(["name"])
        with self.assertRaises(AccessError):
            self.other_dossier.with_user(self.researcher).write({"remarks": "mine now"})
        self.assertFalse(
            self.env["research.document"]
            .with_user(self.researcher)
            .search([("dossier_id", "=", self.other_dossier.id)])
        )
        with self.assertRaises(AccessError):
            self.other_doc.with_user(self.researcher).read(["name"])
        self.assertNotIn(
            self.other_project, self.env["research.project"].with_user(self.researcher).search([])
        )

    def test_member_edits_the_project_dossier(self):
        self.dossier.with_user(self.member).write({"remarks": "Member notes"})
        self.assertEqual(self.dossier.remarks, "Member notes")

    def test_researcher_cannot_read_other_attachment_by_id(self):
        attachment = self.env["ir.attachment"].with_user(self.researcher).browse(self.other_file.id)
        with self.assertRaises(AccessError):
            attachment.read(["datas"])
        self.assertFalse(
            self.env["ir.attachment"]
            .with_user(self.researcher)
            .search([("res_model", "=", "research.document"), ("res_id", "=", self.other_doc.id)])
        )
        with self.assertRaises(AccessError):
            self.env["ir.attachment"].with_user(self.researcher).create(
                {
                    "name": "planted.txt",
                    "res_model": "research.document",
                    "res_id": self.other_doc.id,
                    "raw": b"x",
                }
            )
        # the lead of the other project does read it
        self.assertTrue(
            self.env["ir.attachment"]
            .with_user(self.other_researcher)
            .browse(self.other_file.id)
            .datas
        )

    def test_office_and_room_see_all_but_confidential_is_restricted(self):
        for user in (self.office, self.room, self.manager):
            visible = self.env["research.dossier"].with_user(user).search([])
            self.assertIn(self.dossier, visible)
            self.assertIn(self.other_dossier, visible)
        for user in (self.room, self.manager, self.researcher):
            self.assertIn(self.secret, self.env["research.dossier"].with_user(user).search([]))
        for user in (self.office, self.member, self.other_researcher):
            self.assertNotIn(self.secret, self.env["research.dossier"].with_user(user).search([]))
            with self.assertRaises(AccessError):
                self.secret.with_user(user).read(["name"])
        secret_doc = self.env["research.document"].create(
            {"dossier_id": self.secret.id, "type_id": self.type_opening.id, "name": "Secret"}
        )
        with self.assertRaises(AccessError):
            secret_doc.with_user(self.member).read(["name"])
        with self.assertRaises(AccessError):
            secret_doc.with_user(self.office).read(["name"])
        secret_file = self.env["ir.attachment"].create(
            {
                "name": "secret.txt",
                "res_model": "research.document",
                "res_id": secret_doc.id,
                "raw": b"confidential interview notes",
            }
        )
        for user in (self.office, self.member):
            with self.assertRaises(AccessError):
                self.env["ir.attachment"].with_user(user).browse(secret_file.id).read(["raw"])
        self.assertTrue(self.env["ir.attachment"].with_user(self.room).browse(secret_file.id).raw)

    def test_office_edits_but_does_not_archive(self):
        self.other_dossier.with_user(self.office).write({"remarks": "Checked by the office"})
        self.assertEqual(self.other_dossier.remarks, "Checked by the office")
        with self.assertRaises(AccessError):
            self.other_dossier.with_user(self.office).unlink()

    def test_researcher_cannot_edit_configuration(self):
        with self.assertRaises(AccessError):
            self.type_opening.with_user(self.researcher).write({"mandatory": False})
        with self.assertRaises(AccessError):
            self.category_project.with_user(self.room).write({"code": "XX"})
        self.assertTrue(self.type_opening.mandatory)

    def test_waivers_and_checksums_follow_the_dossier(self):
        midterm = self.env.ref("research_archive.document_type_midterm")
        self._file_all_mandatory(self.other_dossier)
        waiver = self.env["research.dossier.waiver"].create(
            {"dossier_id": self.other_dossier.id, "type_id": midterm.id, "reason": "lost"}
        )
        self._archive(self.other_dossier)
        checksums = self.other_dossier.checksum_ids
        self.assertTrue(checksums)
        Waiver = self.env["research.dossier.waiver"]
        Checksum = self.env["research.file.checksum"]
        self.assertFalse(Waiver.with_user(self.researcher).search([("id", "=", waiver.id)]))
        self.assertFalse(Checksum.with_user(self.researcher).search([("id", "in", checksums.ids)]))
        self.assertEqual(
            Checksum.with_user(self.other_researcher).search([("id", "in", checksums.ids)]),
            checksums,
        )
        self.assertTrue(Waiver.with_user(self.office).search([("id", "=", waiver.id)]))

    def test_projects_and_handovers_are_scoped(self):
        self.assertIn(
            self.other_project, self.env["research.project"].with_user(self.office).search([])
        )
        rnd = self.env["research.archive.round"].create(
            {
                "academic_year": "2025-2026",
                "term": "1",
                "deadline": "2026-01-20",
                "participant_ids": [(6, 0, [self.researcher.id, self.other_researcher.id])],
            }
        )
        rnd.action_open()
        rnd.handover_ids.line_ids = [(0, 0, {"description": "Minutes", "quantity": 1})]
        theirs = rnd.handover_ids.filtered(lambda h: h.participant_id == self.other_researcher)
        Line = self.env["research.handover.line"].with_user(self.researcher)
        self.assertFalse(Line.search([("handover_id", "=", theirs.id)]))
        self.assertEqual(len(Line.search([("handover_id", "in", rnd.handover_ids.ids)])), 1)
        self.assertEqual(
            len(
                self.env["research.handover"]
                .with_user(self.office)
                .search([("round_id", "=", rnd.id)])
            ),
            2,
        )

    def test_only_the_lead_edits_the_project(self):
        with self.assertRaises(AccessError):
            self.project.with_user(self.member).write({"lead_id": self.member.id})
        self.assertEqual(self.project.lead_id, self.researcher)
        self.project.with_user(self.researcher).write({"code": "KT-2025-09"})
        self.assertEqual(self.project.with_user(self.member).code, "KT-2025-09")
        with self.assertRaises(AccessError):
            self.env["research.project"].with_user(self.member).create(
                {"name": "For someone else", "lead_id": self.other_researcher.id}
            )
