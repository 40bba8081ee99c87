from datetime import date

from lxml import etree
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tests.common import freeze_time
from odoo.tools import mute_logger
from odoo.tools.safe_eval import safe_eval

from .common import ResearchArchiveCommon


class ArchivingInterrupted(Exception):
    """Stands for any failure later in the archiving transaction."""


@tagged("post_install", "-at_install")
class TestDossier(ResearchArchiveCommon):
    # [RA-1] one project, one dossier
    def test_project_gets_exactly_one_dossier(self):
        self.assertEqual(len(self.project.dossier_ids), 1)
        self.assertTrue(self.dossier.is_project_dossier)
        self.assertEqual(self.dossier.user_id, self.researcher)
        self.assertEqual(self.dossier.year, 2025)
        self.assertFalse(self.dossier.archive_number, "no number at draft")

    def test_duplicate_project_dossier_is_refused(self):
        with self.assertRaises(ValidationError):
            self.env["research.dossier"].with_user(self.researcher).create(
                {"name": "Second dossier", "project_id": self.project.id}
            )
        self.assertEqual(len(self.project.dossier_ids), 1, "nothing was written")

    def test_duplicate_project_dossier_is_refused_by_the_database(self):
        general = self.env["research.dossier"].create(
            {"name": "General file", "category_id": self.category_general.id}
        )
        general.project_id = self.project
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            general.category_id = self.category_project
            general.flush_recordset()

    def test_project_dossier_needs_a_project(self):
        with self.assertRaises(ValidationError):
            self.env["research.dossier"].create(
                {"name": "Orphan", "category_id": self.category_project.id}
            )

    def test_end_before_start_is_refused(self):
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.env["research.project"].create(
                {"name": "Backwards", "date_start": "2025-09-01", "date_end": "2025-08-31"}
            )

    def test_end_before_start_on_write_is_refused(self):
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.project.date_end = "2024-01-01"
            self.project.flush_recordset()

    # [RA-1] archive number: rule, gap-free, unique, only at archiving
    # (the tests number dossiers of 1999, a year no demo dossier uses)
    def test_archive_numbers_are_gap_free_per_key(self):
        second = self._create_project("Second", self.researcher).dossier_id
        ten_years = self._create_project("Third", self.researcher).dossier_id
        ten_years.retention = "D10"
        (self.dossier | second | ten_years).year = 1999
        for dossier in self.dossier | second | ten_years:
            self._file_all_mandatory(dossier, with_files=False)
            self._archive(dossier)
        self.assertEqual(self.dossier.archive_number, "J001-KT-1999-Y-0001")
        self.assertEqual(second.archive_number, "J001-KT-1999-Y-0002")
        self.assertEqual(ten_years.archive_number, "J001-KT-1999-D10-0001")
        self.assertTrue(self.dossier.archive_date)
        self.assertEqual(self.dossier.archived_by_id, self.room)

    def test_failed_archiving_gives_its_serial_back(self):
        second = self._create_project("Second", self.researcher).dossier_id
        (self.dossier | second).year = 1999
        for dossier in self.dossier | second:
            self._file_all_mandatory(dossier, with_files=False)
            dossier.with_user(self.room).action_submit()
        with self.assertRaises(ArchivingInterrupted), self.env.cr.savepoint():
            self.dossier.with_user(self.room).action_accept_archive()
            raise ArchivingInterrupted("the transaction fails after the number was drawn")
        second.with_user(self.room).action_accept_archive()
        self.assertEqual(second.archive_number, "J001-KT-1999-Y-0001")

    def test_numbering_rule_is_configurable(self):
        rule = self.env.ref("research_archive.archive_numbering_main")
        rule.with_user(self.manager).write(
            {
                "fonds_code": "Z9",
                "pattern": "{fonds}/{year}/{category}{serial}",
                "serial_padding": 3,
            }
        )
        self.dossier.year = 1999
        self._file_all_mandatory(self.dossier, with_files=False)
        self._archive(self.dossier)
        self.assertEqual(self.dossier.archive_number, "Z9/1999/KT001")

    def test_numbering_rule_rejects_bad_patterns(self):
        rule = self.env.ref("research_archive.archive_numbering_main")
        for pattern in (
            "{fonds}-{year}",
            "{fonds.__class__}-{serial}",
            "{serial}-{unknown}",
            "{serial",
        ):
            with self.assertRaises(ValidationError, msg=pattern):
                rule.write({"pattern": pattern})
        with self.assertRaises(ValidationError):
            rule.write({"fonds_code": "J 001; DROP"})

    def test_numbering_rule_is_manager_only(self):
        rule = self.env.ref("research_archive.archive_numbering_main")
        with self.assertRaises(AccessError):
            rule.with_user(self.room).write({"fonds_code": "X1"})

    def test_archiving_requires_the_archive_room(self):
        self._file_all_mandatory(self.dossier, with_files=False)
        self.dossier.with_user(self.researcher).action_submit()
        for user in (self.researcher, self.office):
            with self.assertRaises(UserError):
                self.dossier.with_user(user).action_accept_archive()
        self.assertEqual(self.dossier.state, "submitted")

    def test_workflow_fields_cannot_be_written_directly(self):
        for vals in ({"state": "archived"}, {"archive_number": "J001-KT-2025-Y-9999"}):
            with self.assertRaises(UserError):
                self.dossier.with_user(self.researcher).write(vals)
            with self.assertRaises(UserError):
                self.dossier.with_user(self.manager).write(vals)
        # a client can send the context key, but not the private token behind it
        forged = self.dossier.with_user(self.manager).with_context(base_record_guard_workflow=True)
        with self.assertRaises(UserError):
            forged.write({"state": "archived"})
        with self.assertRaises(UserError):
            self.env["research.dossier"].with_user(self.manager).create(
                {
                    "name": "Pre-numbered",
                    "category_id": self.category_general.id,
                    "archive_number": "X-1",
                }
            )
        self.assertEqual(self.dossier.state, "draft")

    # [RA-4] documents
    def test_documents_get_item_numbers_in_the_volume(self):
        docs = self._file_all_mandatory(self.dossier, user=self.member, with_files=False)
        self.assertEqual(docs.mapped("item_number"), list(range(1, len(docs) + 1)))
        extra = (
            self.env["research.document"]
            .with_user(self.researcher)
            .create(
                {"dossier_id": self.dossier.id, "type_id": self.type_minutes.id, "name": "Minutes"}
            )
        )
        self.assertEqual(extra.item_number, len(docs) + 1)
        self.assertEqual(extra.phase, "middle")
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            extra.item_number = 1
            extra.flush_recordset()

    def test_photocopy_needs_the_holder_of_the_original(self):
        with self.assertRaises(ValidationError):
            self.env["research.document"].create(
                {
                    "dossier_id": self.dossier.id,
                    "type_id": self.type_minutes.id,
                    "name": "Copy",
                    "copy_kind": "photocopy",
                }
            )
        doc = self.env["research.document"].create(
            {
                "dossier_id": self.dossier.id,
                "type_id": self.type_minutes.id,
                "name": "Copy",
                "copy_kind": "photocopy",
                "original_holder": "Wang Fang",
                "carrier": "audio_video",
            }
        )
        self.assertEqual(doc.original_holder, "Wang Fang")

    def test_unknown_or_foreign_document_type_is_refused(self):
        Document = self.env["research.document"].with_user(self.researcher)
        with self.assertRaises(ValidationError):
            Document.create({"dossier_id": self.dossier.id, "type_id": 999999, "name": "X"})
        with self.assertRaises(ValidationError):
            Document.create(
                {"dossier_id": self.dossier.id, "type_id": self.type_regulation.id, "name": "X"}
            )
        with self.assertRaises(ValidationError):
            Document.create({"dossier_id": 999999, "type_id": self.type_minutes.id, "name": "X"})
        self.assertFalse(self.dossier.document_ids)

    def test_bad_quantities_and_oversized_text_are_refused(self):
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.env["research.document"].create(
                {
                    "dossier_id": self.dossier.id,
                    "type_id": self.type_minutes.id,
                    "name": "Negative",
                    "page_count": -3,
                }
            )
        with self.assertRaises(ValidationError):
            self.env["research.document"].create(
                {"dossier_id": self.dossier.id, "type_id": self.type_minutes.id, "name": "x" * 5000}
            )

    # [RA-9] retention: runs from 1 January of the year after the dossier's year
    def _search_retention_expired(self, today):
        """Dossiers found by the search view's *Retention Expired* filter on ``today``."""
        arch = self.env["research.dossier"].get_views([(False, "search")])["views"]["search"]
        node = etree.fromstring(arch["arch"]).find(".//filter[@name='retention_expired']")
        domain = safe_eval(node.get("domain"), {"context_today": lambda: today})
        return self.env["research.dossier"].search(domain)

    def test_retention_runs_from_the_year_after_the_dossier_year(self):
        dossier = self.env["research.dossier"].create(
            {
                "name": "Old exam papers",
                "category_id": self.category_general.id,
                "retention": "D10",
                "year": 2015,
            }
        )
        self.assertEqual(str(dossier.retention_expiry_date), "2026-01-01")
        with freeze_time("2024-06-15"):
            self._archive(dossier)
        self.assertEqual(
            str(dossier.retention_expiry_date), "2026-01-01", "not counted from the archiving"
        )
        self.assertIn(dossier, self._search_retention_expired(date(2026, 12, 3)))
        self.assertNotIn(dossier, self._search_retention_expired(date(2025, 12, 31)))
        dossier.with_user(self.manager).action_reopen("Wrong year")
        self.assertIn(dossier, self._search_retention_expired(date(2026, 12, 3)))

    def test_retention_expiry_per_period(self):
        thirty = self.env["research.dossier"].create(
            {
                "name": "Research plans",
                "category_id": self.category_general.id,
                "retention": "D30",
                "year": 2015,
            }
        )
        self.assertEqual(str(thirty.retention_expiry_date), "2046-01-01")
        thirty.year = 1990
        self.assertEqual(str(thirty.retention_expiry_date), "2021-01-01")
        # not numbered yet: not in the archive room's list of expired dossiers
        self.assertNotIn(thirty, self._search_retention_expired(date(2026, 12, 3)))
        permanent = self._create_project("Permanent", self.researcher).dossier_id
        self.assertEqual(permanent.retention, "Y")
        self.assertFalse(permanent.retention_expiry_date)
        self._file_all_mandatory(permanent, with_files=False)
        self._archive(permanent)
        self.assertFalse(permanent.retention_expiry_date)
        self.assertNotIn(permanent, self._search_retention_expired(date(2999, 1, 1)))

    def test_project_cannot_close_while_documents_are_missing(self):
        self.project.action_start()
        with self.assertRaises(UserError):
            self.project.with_user(self.researcher).action_close()
        self.assertEqual(self.project.state, "ongoing")
        self._file_all_mandatory(self.dossier, with_files=False)
        self.project.with_user(self.researcher).action_close()
        self.assertEqual(self.project.state, "closed")
