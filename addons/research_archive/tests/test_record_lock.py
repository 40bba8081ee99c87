from odoo.tests import tagged

from odoo.addons.base_record_guard.tests.lock_matrix import LockedRecordsMatrix

from .common import ResearchArchiveCommon


@tagged("post_install", "-at_install")
class TestRecordLock(ResearchArchiveCommon, LockedRecordsMatrix):
    """[RA-8] every sealed model x {write, unlink, attachment, message}, as every role."""

    def test_archived_dossier_matrix(self):
        documents = self._file_all_mandatory(self.dossier, user=self.researcher)
        waiver = (
            self.env["research.dossier.waiver"]
            .with_user(self.manager)
            .create(
                {
                    "dossier_id": self.dossier.id,
                    "type_id": self.mandatory_types[0].id,
                    "reason": "Filed on paper only",
                }
            )
        )
        self._archive(self.dossier)
        self.assert_locked_records(
            "research_archive",
            [self.dossier, documents[0], waiver, self.dossier.checksum_ids[0]],
            (self.researcher, self.member, self.office, self.room, self.manager),
        )
