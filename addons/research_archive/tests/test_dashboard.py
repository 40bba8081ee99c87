from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import ResearchArchiveCommon


@tagged("post_install", "-at_install")
class TestDashboard(ResearchArchiveCommon):
    """Issue 8: the dashboard lists the dossiers missing documents, phase by phase."""

    def _dashboard(self, user, *filters):
        action = (
            self.env["ir.actions.act_window"]
            .with_user(user)
            ._for_xml_id("research_archive.research_dossier_action_dashboard")
        )
        Dossier = self.env["research.dossier"].with_user(user)
        views = Dossier.get_views([*action["views"], (False, "search")])
        self.assertIn("missing_early_ids", views["views"]["kanban"]["arch"])
        search_arch = views["views"]["search"]["arch"]
        self.assertIn("'search_default_incomplete': 1", action["context"])
        domain = [("is_complete", "=", False)]
        for name in filters:
            self.assertIn(f'name="{name}"', search_arch)
            domain.append((f"{name}_ids", "!=", False))
        return Dossier.search(domain)

    def test_dashboard_lists_missing_documents_by_phase_within_rules(self):
        early = self.mandatory_types.filtered(lambda t: t.phase == "early")
        self.assertTrue(early)
        self.assertEqual(self._dashboard(self.researcher), self.dossier)
        self.assertEqual(self._dashboard(self.researcher, "missing_early"), self.dossier)
        self.assertEqual(
            self._dashboard(self.office, "missing_early") & (self.dossier | self.other_dossier),
            self.dossier | self.other_dossier,
            "the office sees every dossier",
        )
        # the early-phase documents filed, the dossier leaves the early-phase filter only
        self.env["research.document"].with_user(self.researcher).create(
            [
                {
                    "dossier_id": self.dossier.id,
                    "type_id": doc_type.id,
                    "name": doc_type.name,
                    "date": "2025-10-01",
                    "responsible": "Li Ming",
                    "page_count": 1,
                }
                for doc_type in early
            ]
        )
        self.assertFalse(self._dashboard(self.researcher, "missing_early"))
        self.assertEqual(self._dashboard(self.researcher), self.dossier)
        # a type filter matches the dossiers missing that very type
        late = self.mandatory_types.filtered(lambda t: t.phase == "late")[:1]
        if late:
            Dossier = self.env["research.dossier"].with_user(self.researcher)
            self.assertEqual(Dossier.search([("missing_late_ids", "in", late.ids)]), self.dossier)
            self.assertFalse(
                Dossier.search([("missing_late_ids", "not in", late.ids)]) & self.dossier
            )


@tagged("post_install", "-at_install")
class TestReminderProgress(ResearchArchiveCommon):
    """Issue 8: round reminders go out in batches and the round shows how far they are."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.round = (
            cls.env["research.archive.round"]
            .with_user(cls.office)
            .create(
                {
                    "academic_year": "2030-2031",
                    "term": "2",
                    # far from the deadline: only the office's request sends reminders
                    "deadline": fields.Date.today() + timedelta(days=80),
                    "participant_ids": [
                        (6, 0, (cls.researcher | cls.member | cls.other_researcher).ids)
                    ],
                }
            )
        )
        cls.round.action_open()
        cls.cron = cls.env.ref("research_archive.ir_cron_handover_reminders")

    def _reminders(self, handovers=None):
        activity_type = self.env.ref("research_archive.mail_activity_type_handover_reminder")
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "research.handover"),
                ("res_id", "in", (handovers or self.round.handover_ids).ids),
                ("activity_type_id", "=", activity_type.id),
            ]
        )

    def test_reminder_job_runs_in_batches_and_reports_progress(self):
        with self.assertRaises(AccessError):
            self.round.with_user(self.researcher).action_send_reminders()
        action = self.round.with_user(self.office).action_send_reminders()
        self.assertEqual(action["tag"], "display_notification")
        self.assertIn("3", action["params"]["message"])
        self.assertEqual((self.round.reminder_done, self.round.reminder_total), (0, 3))
        self.assertTrue(self.round.reminder_running)
        self.assertEqual(self.round.reminder_requested_by_id, self.office)
        self.assertFalse(self._reminders(), "the reminders go out in the background")
        triggers = self.env["ir.cron.trigger"].search([("cron_id", "=", self.cron.id)])
        self.assertTrue(triggers, "the job is triggered at once")

        all_handovers = self.env["research.handover"].search([])
        reminded_before = len(self._reminders(all_handovers))
        Progress = self.env["ir.cron.progress"]
        progress_before = Progress.search([("cron_id", "=", self.cron.id)])
        self.cron.code = "model._cron_send_reminders(batch_size=2)"
        with self.enter_registry_test_mode():
            self.cron.method_direct_trigger()
        self.round.invalidate_recordset()
        self.assertEqual((self.round.reminder_done, self.round.reminder_total), (3, 3))
        self.assertFalse(self.round.reminder_running)
        self.assertEqual(self._reminders().user_id, self.round.participant_ids)
        # this run's progress lines only: the database may hold earlier runs of the job
        progress = Progress.search([("cron_id", "=", self.cron.id)]) - progress_before
        # the job's figures are the reminders it scheduled (other rounds may be due too)
        self.assertEqual(
            sum(progress.mapped("done")), len(self._reminders(all_handovers)) - reminded_before
        )
        self.assertEqual(progress.mapped("remaining"), [0])
        # the message is written in the language of who asked for the reminders
        expected = self.round.with_context(lang=self.office.lang).env._(
            "Reminders sent: %(count)s participants who have not signed yet.", count=3
        )
        self.assertIn(expected, "".join(self.round.message_ids.mapped("body")))
        # everyone is reminded: asking again says so
        with self.assertRaises(UserError):
            self.round.with_user(self.office).action_send_reminders()

    def test_reminder_is_written_in_the_participants_language(self):
        self.env["res.lang"]._activate_lang("zh_TW")
        self.member.lang = "zh_TW"
        self.round.with_user(self.office).action_send_reminders()
        self.env["research.archive.round"]._cron_send_reminders()
        handover = self.round.handover_ids.filtered(lambda h: h.participant_id == self.member)
        summary = self._reminders(handover).summary
        english = f"Hand over your research archive for {self.round.name}"
        self.assertNotEqual(summary, english)
        self.assertEqual(
            summary,
            self.env["research.handover"]
            .with_context(lang="zh_TW")
            .env._("Hand over your research archive for %(round)s", round=self.round.name),
        )

    def test_reminders_left_unsent_by_a_signature_do_not_keep_the_round_running(self):
        self.round.with_user(self.office).action_send_reminders()
        handover = self.round.handover_ids.filtered(lambda h: h.participant_id == self.member)
        handover.with_user(self.member).write(
            {"line_ids": [(0, 0, {"description": "Minutes", "quantity": 1})]}
        )
        handover.with_user(self.member).action_sign()
        self.env["research.archive.round"]._cron_send_reminders()
        self.assertEqual((self.round.reminder_done, self.round.reminder_total), (2, 2))
        self.assertFalse(self.round.reminder_running)
