from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import SQL

from .common import ResearchArchiveCommon


@tagged("post_install", "-at_install")
class TestCompleteness(ResearchArchiveCommon):
    # [RA-3] [RA-5]
    def test_missing_mandatory_documents_per_phase(self):
        self.assertEqual(self.dossier.missing_type_ids, self.mandatory_types)
        self.assertEqual(len(self.mandatory_types), 7, "the policy lists seven essential papers")
        self.assertEqual(self.dossier.completeness_rate, 0.0)
        self.assertEqual(set(self.dossier.missing_early_ids.mapped("phase")), {"early"})
        self.assertIn(self.type_opening, self.dossier.missing_early_ids)
        self.assertIn(
            self.env.ref("research_archive.document_type_midterm"), self.dossier.missing_middle_ids
        )
        self.assertIn(
            self.env.ref("research_archive.document_type_final_report"),
            self.dossier.missing_late_ids,
        )
        self.env["research.document"].with_user(self.member).create(
            {"dossier_id": self.dossier.id, "type_id": self.type_opening.id, "name": "Opening"}
        )
        self.assertNotIn(self.type_opening, self.dossier.missing_type_ids)
        self.assertEqual(self.dossier.missing_count, 6)
        self.assertAlmostEqual(self.dossier.completeness_rate, 100.0 / 7, places=2)
        incomplete = self.env["research.dossier"].search([("is_complete", "=", False)])
        self.assertIn(self.dossier, incomplete)

    def test_catalogue_change_updates_open_dossiers(self):
        self._file_all_mandatory(self.dossier, with_files=False)
        self.assertTrue(self.dossier.is_complete)
        self.type_minutes.with_user(self.manager).mandatory = True
        self.assertFalse(self.dossier.is_complete)
        self.assertEqual(self.dossier.missing_type_ids, self.type_minutes)

    def test_archiving_is_refused_while_documents_are_missing(self):
        self.dossier.with_user(self.researcher).action_submit()
        with self.assertRaises(UserError):
            self.dossier.with_user(self.room).action_accept_archive()
        self.assertEqual(self.dossier.state, "submitted")
        self.assertFalse(self.dossier.archive_number)

    def test_manager_waives_a_missing_document_with_a_reason(self):
        docs = self._file_all_mandatory(self.dossier, with_files=False)
        midterm = self.env.ref("research_archive.document_type_midterm")
        docs.filtered(lambda d: d.type_id == midterm).unlink()
        self.assertEqual(self.dossier.missing_type_ids, midterm)
        Waiver = self.env["research.dossier.waiver"]
        for user in (self.researcher, self.office, self.room):
            with self.assertRaises(AccessError):
                Waiver.with_user(user).create(
                    {"dossier_id": self.dossier.id, "type_id": midterm.id, "reason": "lost"}
                )
        with self.assertRaises(ValidationError):
            Waiver.with_user(self.manager).create(
                {"dossier_id": self.dossier.id, "type_id": midterm.id, "reason": "  "}
            )
        with self.assertRaises(ValidationError):
            Waiver.with_user(self.manager).create(
                {"dossier_id": self.dossier.id, "type_id": self.type_minutes.id, "reason": "x"}
            )
        Waiver.with_user(self.manager).create(
            {
                "dossier_id": self.dossier.id,
                "type_id": midterm.id,
                "reason": "The district cancelled mid-term appraisals in 2025.",
            }
        )
        self.assertTrue(self.dossier.is_complete)
        self.assertIn("cancelled mid-term", self.dossier.message_ids[0].body)
        self.project.action_start()
        self.project.with_user(self.researcher).action_close()
        self._archive(self.dossier)
        self.assertEqual(self.dossier.state, "archived")

    def test_completeness_costs_a_constant_number_of_queries(self):
        """[RA-5] one _read_group for the whole recordset, no search per dossier."""
        projects = self.env["research.project"].create(
            [{"name": f"Project {i}", "lead_id": self.researcher.id} for i in range(40)]
        )
        dossiers = projects.dossier_id
        self.env["research.document"].create(
            [
                {"dossier_id": d.id, "type_id": t.id, "name": t.name}
                for d in dossiers
                for t in self.mandatory_types[: (d.id % 5)]
            ]
        )
        small, large = dossiers[:3], dossiers

        fnames = ["missing_count", "completeness_rate", "is_complete"]

        def measure(records):
            self.env.flush_all()
            self.env.invalidate_all()
            records._mark_completeness_to_recompute(records)
            # the recompute as the ORM runs it; values are flushed later in batch
            with self.assertQueryCount(4, flush=False):
                records._recompute_recordset(fnames)

        measure(small)
        measure(large)
        # the per-phase lists shown in forms and kanban cards: constant too
        for records in (small, large):
            self.env.invalidate_all()
            with self.assertQueryCount(4):
                self.env["research.dossier"].browse(records.ids).read(
                    ["missing_early_ids", "missing_middle_ids", "missing_late_ids"]
                )
        self.assertEqual(
            large.mapped("missing_count"),
            [7 - (d.id % 5) for d in large],
        )

    def test_changed_figures_are_stored_in_one_update(self):
        """[RA-5] changed figures of any number of dossiers: one UPDATE, not one per 100."""
        dossiers = self.dossier | self.env["research.dossier"].create(
            [
                {"name": f"Bulk dossier {i}", "category_id": self.category_general.id}
                for i in range(120)
            ]
        )
        fnames = ["missing_count", "completeness_rate", "is_complete"]
        self.env.flush_all()
        expected = {d.id: (d.missing_count, d.completeness_rate, d.is_complete) for d in dossiers}
        # stale figures, as after a catalogue change: every dossier's figures change
        self.env.cr.execute(
            SQL(
                "UPDATE research_dossier SET missing_count = 99, completeness_rate = -1,"
                " is_complete = NOT is_complete WHERE id = ANY(%s)",
                dossiers.ids,
            )
        )
        self.env.invalidate_all()
        dossiers._mark_completeness_to_recompute(dossiers)
        # dossiers, catalogue, documents, waivers, then one UPDATE: nothing left to flush
        # (flush=False: the context manager's own first flush would recompute uncounted)
        with self.assertQueryCount(5, flush=False):
            dossiers._recompute_recordset(fnames)
            self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "SELECT id, missing_count, completeness_rate, is_complete"
                " FROM research_dossier WHERE id = ANY(%s)",
                dossiers.ids,
            )
        )
        self.assertEqual({row[0]: tuple(row[1:]) for row in self.env.cr.fetchall()}, expected)
        self.env.invalidate_all()
        self.assertEqual(
            {d.id: (d.missing_count, d.completeness_rate, d.is_complete) for d in dossiers},
            expected,
        )

    def test_form_shows_completeness_while_editing(self):
        with Form(self.dossier.with_user(self.member)) as form:
            self.assertIn(self.type_opening, form.missing_early_ids)
            with form.document_early_ids.new() as line:
                line.type_id = self.type_opening
                line.name = "Opening report"
                line.page_count = 12
            self.assertNotIn(self.type_opening, form.missing_early_ids)
            self.assertEqual(form.document_count, 1)
            self.assertEqual(form.page_total, 12)
        self.assertEqual(self.dossier.document_ids.type_id, self.type_opening)
        self.assertEqual(self.dossier.missing_count, 6)
