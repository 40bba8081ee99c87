import base64

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import ResearchArchiveCommon


@tagged("post_install", "-at_install")
class TestEscalation(ResearchArchiveCommon):
    """[X-3, RA-8, RA-11] researchers try the paths around the archiving workflow."""

    def test_default_state_in_context_does_not_archive(self):
        dossier = (
            self.env["research.dossier"]
            .with_user(self.researcher)
            .with_context(
                default_state="archived",
                default_archive_number="FORGED-0001",
                default_archived_by_id=self.room.id,
            )
            .create({"name": "School regulations 2025", "category_id": self.category_general.id})
        )
        self.assertEqual(dossier.state, "draft")
        self.assertFalse(dossier.archive_number)
        self.assertFalse(dossier.archived_by_id)

    def test_default_signatures_in_context_do_not_sign(self):
        rnd = (
            self.env["research.archive.round"]
            .with_user(self.office)
            .create(
                {
                    "academic_year": "2031-2032",
                    "deadline": "2032-01-15",
                    "participant_ids": [(6, 0, self.office.ids)],
                }
            )
        )
        handover = (
            self.env["research.handover"]
            .with_user(self.office)
            .with_context(default_state="countersigned", default_countersigned_by_id=self.office.id)
            .create({"round_id": rnd.id, "participant_id": self.researcher.id})
        )
        self.assertEqual(handover.state, "draft")
        self.assertFalse(handover.countersigned_by_id)

    def test_dossier_files_cannot_be_made_public(self):
        self.dossier.write({"classification": "confidential"})
        attachments = self.env["ir.attachment"].with_user(self.researcher)
        vals = {
            "name": "interview.txt",
            "res_model": "research.dossier",
            "res_id": self.dossier.id,
            "datas": base64.b64encode(b"recorded interview"),
        }
        with self.assertRaisesRegex(UserError, "cannot be made public"):
            attachments.create(dict(vals, public=True))
        attachment = attachments.create(vals)
        with self.assertRaisesRegex(UserError, "cannot be made public"):
            attachment.write({"public": True})
        self.assertFalse(attachment.public)
        with self.assertRaises(AccessError):
            attachment.with_user(self.outsider).read(["datas"])
