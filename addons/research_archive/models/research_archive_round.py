from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class ResearchArchiveRound(models.Model):
    _name = "research.archive.round"
    _description = "Semester Archiving Round"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "deadline desc, id desc"

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

    _period_unique = models.UniqueIndex(
        "(company_id, academic_year, term)", "There is already a round for this term."
    )
    _reminder_range = models.Constraint(
        "CHECK(reminder_days BETWEEN 0 AND 90)", "Reminders start 0 to 90 days before the deadline."
    )

    @api.depends("academic_year", "term")
    def _compute_name(self):
        terms = dict(self._fields["term"]._description_selection(self.env))
        for rnd in self:
            rnd.name = f"{rnd.academic_year or ''} {terms.get(rnd.term, '')}".strip()

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
        self.state = "open"
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
        self.state = "closed"

    @api.model
    def _cron_send_reminders(self):
        """Schedule one reminder per outstanding hand-over of rounds nearing their deadline.

        Idempotent: a hand-over that already has an open reminder gets no second one.
        """
        today = fields.Date.context_today(self)
        rounds = self.search(
            [
                ("state", "=", "open"),
                ("deadline", ">=", today),
                ("deadline", "<=", today + timedelta(days=90)),
            ]
        ).filtered(lambda r: r.deadline - timedelta(days=r.reminder_days) <= today)
        handovers = self.env["research.handover"].search(
            [("round_id", "in", rounds.ids), ("state", "=", "draft")]
        )
        return handovers._schedule_reminders()
