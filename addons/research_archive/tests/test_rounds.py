from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tests.common import freeze_time

from .common import ResearchArchiveCommon


@tagged("post_install", "-at_install")
class TestRounds(ResearchArchiveCommon):
    """[RA-7] semester rounds, signatures, reminders."""

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
                    "reminder_days": 7,
                    "participant_ids": [(6, 0, [cls.researcher.id, cls.member.id])],
                }
            )
        )
        cls.round.action_open()
        cls.handover = cls.round.handover_ids.filtered(lambda h: h.participant_id == cls.researcher)

    def test_round_invites_every_participant_once(self):
        self.assertEqual(self.round.state, "open")
        self.assertEqual(self.round.handover_ids.participant_id, self.researcher | self.member)
        self.round.participant_ids = [(4, self.other_researcher.id)]
        self.round.action_invite()
        self.round.action_invite()
        self.assertEqual(len(self.round.handover_ids), 3)
        self.assertEqual(self.round.name, "2025-2026学年第一学期")

    def test_round_name_is_written_as_a_chinese_school_writes_it(self):
        """Stored in Chinese whoever creates the round; traditional in a zh_TW company."""
        self.assertEqual(self.office.lang, "en_US")
        Round = self.env["research.archive.round"].with_user(self.office)
        # years no demo round uses
        second = Round.create({"academic_year": "2040-2041", "term": "2", "deadline": "2041-07-10"})
        self.assertEqual(second.name, "2040-2041学年第二学期")
        self.env["res.lang"]._activate_lang("zh_TW")
        self.office.company_id.partner_id.lang = "zh_TW"
        first = Round.create({"academic_year": "2040-2041", "term": "1", "deadline": "2041-01-20"})
        self.assertEqual(first.name, "2040-2041學年第一學期")
        # a user working in traditional Chinese in a company without a Chinese language
        self.office.company_id.partner_id.lang = "en_US"
        self.office.lang = "zh_TW"
        second.write({"academic_year": "2041-2042", "term": "1"})
        self.assertEqual(second.name, "2041-2042學年第一學期")

    def test_bad_academic_year_is_refused(self):
        with self.assertRaises(ValidationError):
            self.env["research.archive.round"].with_user(self.office).create(
                {"academic_year": "2025/26", "term": "2", "deadline": "2026-07-01"}
            )

    def test_researcher_cannot_run_rounds(self):
        with self.assertRaises(AccessError):
            self.env["research.archive.round"].with_user(self.researcher).create(
                {"academic_year": "2026-2027", "term": "1", "deadline": "2027-01-20"}
            )

    def test_participant_sees_outstanding_items_and_signs(self):
        handover = self.handover.with_user(self.researcher)
        self.assertEqual(handover.outstanding_type_ids, self.mandatory_types)
        mine = self.env["research.handover"].with_user(self.researcher).search([])
        self.assertEqual(mine, self.handover)
        with self.assertRaises(ValidationError):
            handover.action_sign()
        handover.write(
            {
                "line_ids": [
                    (
                        0,
                        0,
                        {
                            "description": "Opening report",
                            "quantity": 12,
                            "dossier_id": self.dossier.id,
                        },
                    )
                ]
            }
        )
        with self.assertRaises(UserError):
            handover.write({"state": "countersigned"})
        other = self.round.handover_ids - self.handover
        with self.assertRaises(AccessError):
            other.with_user(self.researcher).action_sign()
        handover.action_sign()
        self.assertEqual(self.handover.state, "signed")
        self.assertEqual(self.handover.signed_by_id, self.researcher)
        with self.assertRaises(UserError):
            handover.write({"notes": "changed after signing"})
        with self.assertRaises(UserError):
            handover.line_ids.write({"quantity": 99})
        with self.assertRaises(AccessError):
            handover.action_countersign()
        self.handover.with_user(self.office).action_countersign()
        self.assertEqual(self.handover.state, "countersigned")
        self.assertEqual(self.handover.countersigned_by_id, self.office)
        self.assertEqual(self.round.countersigned_count, 1)
        with self.assertRaises(UserError):
            self.round.with_user(self.office).action_close()

    def test_reminders_are_scheduled_once_near_the_deadline(self):
        activity_type = self.env.ref("research_archive.mail_activity_type_handover_reminder")

        def reminders():
            return self.env["mail.activity"].search(
                [
                    ("res_model", "=", "research.handover"),
                    ("res_id", "in", self.round.handover_ids.ids),
                    ("activity_type_id", "=", activity_type.id),
                ]
            )

        with freeze_time(date(2026, 1, 1)):
            self.env["research.archive.round"]._cron_send_reminders()
        self.assertFalse(reminders(), "too early: 19 days before the deadline")
        with freeze_time(date(2026, 1, 15)):
            self.env["research.archive.round"]._cron_send_reminders()
            self.env["research.archive.round"]._cron_send_reminders()
        self.assertEqual(len(reminders()), 2, "one reminder per participant, even if run twice")
        self.assertEqual(reminders().user_id, self.researcher | self.member)
        self.assertEqual(set(reminders().mapped("date_deadline")), {date(2026, 1, 20)})
        # signing clears the participant's reminder
        self.handover.with_user(self.researcher).write(
            {"line_ids": [(0, 0, {"description": "Minutes", "quantity": 1})]}
        )
        self.handover.with_user(self.researcher).action_sign()
        self.assertEqual(reminders().user_id, self.member)
