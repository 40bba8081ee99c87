from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import split_every

# hand-overs reminded per transaction of the reminder job
REMINDER_BATCH = 200
# a round's stored name, by term, as a school in mainland China and in Taiwan writes it
ROUND_NAMES = {"1": "{year}学年第一学期", "2": "{year}学年第二学期"}
ROUND_NAMES_TRADITIONAL = {"1": "{year}學年第一學期", "2": "{year}學年第二學期"}
TRADITIONAL_LANGS = ("zh_TW", "zh_HK")


class ResearchArchiveRound(models.Model):
    _name = "research.archive.round"
    _description = "Semester Archiving Round"
    _inherit = ["workflow.fields.mixin", "mail.thread", "mail.activity.mixin", "input.guard.mixin"]
    _order = "deadline desc, id desc"
    _workflow_fields = ("state", "reminder_total", "reminder_done", "reminder_requested_by_id")

    name = fields.Char(compute="_compute_name", store=True)
    academic_year = fields.Char(required=True, help="For example 2025-2026.", tracking=True)
    term = fields.Selection(
        [("1", "First term"), ("2", "Second term")], required=True, default="1", tracking=True
    )
    deadline = fields.Date(required=True, tracking=True, index=True)
    reminder_days = fields.Integer(
        string="Remind Days Before",
        default=7,
        help="Reminders go out this many days before the deadline.",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("open", "In Progress"), ("closed", "Closed")],
        default="draft",
        required=True,
        tracking=True,
        index=True,
        copy=False,
    )
    participant_ids = fields.Many2many("res.users", string="Participants")
    handover_ids = fields.One2many("research.handover", "round_id", string="Hand-overs")
    handover_count = fields.Integer(compute="_compute_progress")
    signed_count = fields.Integer(compute="_compute_progress", string="Signed")
    countersigned_count = fields.Integer(compute="_compute_progress", string="Countersigned")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    # progress of the reminder job: it runs in batches in the background
    reminder_total = fields.Integer(string="Reminders to Send", readonly=True, copy=False)
    reminder_done = fields.Integer(string="Reminders Sent", readonly=True, copy=False)
    reminder_requested_by_id = fields.Many2one(
        "res.users", string="Reminders Requested By", readonly=True, copy=False
    )
    reminder_running = fields.Boolean(compute="_compute_reminder_running")

    _period_unique = models.UniqueIndex(
        "(company_id, academic_year, term)", "There is already a round for this term."
    )
    _reminder_range = models.Constraint(
        "CHECK(reminder_days BETWEEN 0 AND 90)", "Reminders start 0 to 90 days before the deadline."
    )

    @api.depends("academic_year", "term", "company_id")
    def _compute_name(self):
        # The name is stored and shown to everyone (reminders included): it is written as a
        # Chinese school writes it, whatever the language of who creates the round, in
        # traditional characters for an organisation or a user working in traditional Chinese.
        for rnd in self:
            names = ROUND_NAMES_TRADITIONAL if rnd._writes_traditional() else ROUND_NAMES
            rnd.name = (
                names[rnd.term].format(year=rnd.academic_year)
                if rnd.academic_year and rnd.term
                else False
            )

    @api.private
    def _writes_traditional(self):
        """Whether the round's name is in traditional characters: the company's language
        decides when it is Chinese, else the language of the current user."""
        self.ensure_one()
        langs = (self.company_id.partner_id.lang, self.env.user.lang)
        lang = next((lang for lang in langs if lang and lang.startswith("zh_")), "zh_CN")
        return lang in TRADITIONAL_LANGS

    @api.depends("handover_ids.state")
    def _compute_progress(self):
        counts = {}
        stored = self.filtered("id")
        if stored:
            for rnd, state, count in self.env["research.handover"]._read_group(
                [("round_id", "in", stored.ids)], ["round_id", "state"], ["__count"]
            ):
                counts.setdefault(rnd.id, {})[state] = count
        for rnd in self:
            by_state = counts.get(rnd.id, {})
            rnd.handover_count = sum(by_state.values())
            rnd.countersigned_count = by_state.get("countersigned", 0)
            rnd.signed_count = by_state.get("signed", 0) + rnd.countersigned_count

    @api.depends("reminder_total", "reminder_done")
    def _compute_reminder_running(self):
        for rnd in self:
            rnd.reminder_running = rnd.reminder_done < rnd.reminder_total

    @api.constrains("academic_year")
    def _check_academic_year(self):
        for rnd in self:
            parts = (rnd.academic_year or "").split("-")
            if (
                len(parts) != 2
                or not all(p.isdigit() and len(p) == 4 for p in parts)
                or (int(parts[1]) != int(parts[0]) + 1)
            ):
                raise ValidationError(
                    self.env._(
                        "The academic year must look like 2025-2026, not %(value)s.",
                        value=rnd.academic_year,
                    )
                )

    def action_open(self):
        """Start the round: every participant gets a hand-over to fill in."""
        if any(r.state != "draft" for r in self):
            raise UserError(self.env._("Only a draft round can be started."))
        self._workflow().state = "open"
        self._create_missing_handovers()

    def action_invite(self):
        if any(r.state != "open" for r in self):
            raise UserError(self.env._("Participants are invited to a round in progress."))
        self._create_missing_handovers()

    @api.private
    def _create_missing_handovers(self):
        existing = {(h.round_id.id, h.participant_id.id) for h in self.handover_ids}
        self.env["research.handover"].create(
            [
                {"round_id": rnd.id, "participant_id": user.id}
                for rnd in self
                for user in rnd.participant_ids
                if (rnd.id, user.id) not in existing
            ]
        )

    def action_close(self):
        problems = []
        for rnd in self:
            pending = rnd.handover_ids.filtered(lambda h: h.state != "countersigned")
            if pending:
                problems.append(
                    self.env._(
                        "%(round)s: not countersigned yet: %(people)s",
                        round=rnd.name,
                        people=", ".join(pending.participant_id.mapped("name")),
                    )
                )
        if problems:
            raise UserError("\n".join(problems))
        self._workflow().state = "closed"

    def action_send_reminders(self):
        """Remind every participant who has not signed yet, now, in the background.

        The reminders are scheduled by the reminder job in batches; the round shows how
        many are sent and its requester is notified when they all are.
        """
        self.check_access("write")
        if any(r.state != "open" for r in self):
            raise UserError(self.env._("Reminders are sent for a round in progress."))
        todo = self._get_handovers_to_remind()
        if not todo:
            raise UserError(self.env._("Every participant who has not signed has a reminder."))
        self._start_reminder_progress(todo, requested_by=self.env.user)
        self.env.ref("research_archive.ir_cron_handover_reminders")._trigger()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "info",
                "message": self.env._(
                    "%(count)s reminders are being sent. The round shows their progress.",
                    count=len(todo),
                ),
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    @api.private
    def _get_handovers_to_remind(self):
        """Unsigned hand-overs of the rounds that have no reminder yet."""
        handovers = self.env["research.handover"].search(
            [("round_id", "in", self.ids), ("state", "=", "draft")]
        )
        return handovers._without_reminder()

    @api.private
    def _start_reminder_progress(self, todo, requested_by=False):
        """Set the figures the rounds show for the reminders ``todo`` about to be sent."""
        counts = defaultdict(int)
        for handover in todo:
            counts[handover.round_id.id] += 1
        finished = self.browse()
        for rnd in self._workflow():
            if rnd.reminder_running:
                # carry on with what is left: who signed meanwhile needs no reminder
                rnd.reminder_total = rnd.reminder_done + counts[rnd.id]
                if not counts[rnd.id]:
                    finished |= rnd
            elif counts[rnd.id]:
                rnd.write(
                    {
                        "reminder_total": counts[rnd.id],
                        "reminder_done": 0,
                        "reminder_requested_by_id": requested_by and requested_by.id,
                    }
                )
        finished._notify_reminders_sent()

    @api.model
    def _cron_send_reminders(self, batch_size=REMINDER_BATCH):
        """Schedule one reminder per outstanding hand-over of rounds nearing their deadline
        or whose reminders were asked for, ``batch_size`` hand-overs per transaction.

        Idempotent: a hand-over that already has an open reminder gets no second one, so
        a job stopped half-way carries on where it stopped.
        """
        today = fields.Date.context_today(self)
        due = self.search(
            [
                ("state", "=", "open"),
                ("deadline", ">=", today),
                ("deadline", "<=", today + timedelta(days=90)),
            ]
        ).filtered(lambda r: r.deadline - timedelta(days=r.reminder_days) <= today)
        requested = self.search([("state", "=", "open")]).filtered("reminder_running")
        rounds = due | requested
        todo = rounds._get_handovers_to_remind()
        rounds._start_reminder_progress(todo)
        self._commit_reminder_progress(0, remaining=len(todo))
        for batch in split_every(batch_size, todo.ids, todo.browse):
            batch._schedule_reminders()
            for rnd in batch.round_id._workflow():
                rnd.reminder_done += len(batch.filtered(lambda h, r=rnd: h.round_id == r))
            batch.round_id.filtered(lambda r: not r.reminder_running)._notify_reminders_sent()
            if not self._commit_reminder_progress(len(batch)):
                break

    @api.model
    def _commit_reminder_progress(self, processed, remaining=None):
        """Commit a batch and report it to the cron job; returns whether time is left.

        Outside a cron job (a test, a shell) the caller owns the transaction: no commit.
        """
        if not self.env.context.get("ir_cron_progress_id"):
            return True
        return self.env["ir.cron"]._commit_progress(processed, remaining=remaining)

    @api.private
    def _notify_reminders_sent(self):
        for rnd in self:
            user = rnd.reminder_requested_by_id or rnd.create_uid
            rnd_lang = rnd.with_context(lang=user.lang)
            message = rnd_lang.env._(
                "Reminders sent: %(count)s participants who have not signed yet.",
                count=rnd.reminder_total,
            )
            rnd_lang.message_post(body=message, subtype_xmlid="mail.mt_note")
            if rnd.reminder_requested_by_id:
                rnd.reminder_requested_by_id._bus_send(
                    "simple_notification",
                    {"type": "success", "title": rnd.name, "message": message},
                )
