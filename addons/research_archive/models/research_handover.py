from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .research_document import CARRIERS, COPY_KINDS


class ResearchHandover(models.Model):
    _name = "research.handover"
    _description = "Archive Hand-over"
    _inherit = ["workflow.fields.mixin", "mail.thread", "mail.activity.mixin", "input.guard.mixin"]
    _order = "round_id desc, participant_id, id"
    _rec_name = "participant_id"
    _workflow_fields = (
        "state",
        "signed_date",
        "signed_by_id",
        "countersigned_date",
        "countersigned_by_id",
    )

    round_id = fields.Many2one(
        "research.archive.round", required=True, index=True, ondelete="cascade"
    )
    participant_id = fields.Many2one("res.users", required=True, index=True, tracking=True)
    deadline = fields.Date(related="round_id.deadline")
    line_ids = fields.One2many("research.handover.line", "handover_id", string="Submitted Items")
    state = fields.Selection(
        [("draft", "To Sign"), ("signed", "Signed"), ("countersigned", "Countersigned")],
        default="draft",
        required=True,
        tracking=True,
        index=True,
        copy=False,
    )
    signed_date = fields.Datetime(string="Signed On", readonly=True, copy=False)
    signed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    countersigned_date = fields.Datetime(string="Countersigned On", readonly=True, copy=False)
    countersigned_by_id = fields.Many2one(
        "res.users", string="Countersigned By (Research Office)", readonly=True, copy=False
    )
    outstanding_type_ids = fields.Many2many(
        "research.document.type",
        string="Outstanding Documents",
        compute="_compute_outstanding",
        help="Mandatory documents still missing in the participant's open project dossiers.",
    )
    outstanding_count = fields.Integer(compute="_compute_outstanding")
    notes = fields.Text()

    _participant_unique = models.UniqueIndex(
        "(round_id, participant_id)", "A participant has one hand-over per round."
    )

    @api.depends("participant_id")
    def _compute_outstanding(self):
        users = self.participant_id
        missing_by_user = {user.id: self.env["research.document.type"] for user in users}
        if users:
            # one search for every participant's open dossiers, within the reader's rules
            dossiers = self.env["research.dossier"].search(
                [
                    ("state", "!=", "archived"),
                    ("is_complete", "=", False),
                    "|",
                    ("project_id.lead_id", "in", users.ids),
                    ("project_id.member_ids", "in", users.ids),
                ]
            )
            for dossier in dossiers:
                people = dossier.project_id.lead_id | dossier.project_id.member_ids
                for user in people & users:
                    missing_by_user[user.id] |= dossier.missing_type_ids
        for handover in self:
            missing = missing_by_user.get(
                handover.participant_id.id, self.env["research.document.type"]
            )
            handover.outstanding_type_ids = missing
            handover.outstanding_count = len(missing)

    def write(self, vals):
        if not self._in_workflow() and any(h.state != "draft" for h in self):
            raise UserError(self.env._("A signed hand-over cannot be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_signed(self):
        if any(h.state != "draft" for h in self):
            raise UserError(self.env._("A signed hand-over cannot be deleted."))

    def action_sign(self):
        """The submitter signs the list of what he or she hands over (簽字制度)."""
        for handover in self:
            if handover.participant_id != self.env.user:
                raise AccessError(self.env._("Only the participant can sign his or her hand-over."))
            if handover.state != "draft":
                raise UserError(self.env._("This hand-over is already signed."))
            if not handover.line_ids:
                raise ValidationError(
                    self.env._("List at least one submitted item before signing.")
                )
        self._workflow().write(
            {"state": "signed", "signed_date": fields.Datetime.now(), "signed_by_id": self.env.uid}
        )
        self.activity_unlink(
            ["research_archive.mail_activity_type_handover_reminder"], only_automated=False
        )

    def action_countersign(self):
        """The research office countersigns on receipt."""
        if not self.env.user.has_group("research_archive.group_research_archive_office"):
            raise AccessError(self.env._("Only the research office countersigns hand-overs."))
        for handover in self:
            if handover.state != "signed":
                raise UserError(
                    self.env._("The participant must sign before the office countersigns.")
                )
            if handover.signed_by_id == self.env.user:
                raise UserError(self.env._("Nobody countersigns his or her own hand-over."))
        self._workflow().write(
            {
                "state": "countersigned",
                "countersigned_date": fields.Datetime.now(),
                "countersigned_by_id": self.env.uid,
            }
        )

    @api.private
    def _check_lines_editable(self):
        if any(h.state != "draft" for h in self):
            raise UserError(self.env._("The items of a signed hand-over cannot be changed."))

    @api.private
    def _without_reminder(self):
        """The hand-overs that have no open reminder activity."""
        activity_type = self.env.ref("research_archive.mail_activity_type_handover_reminder")
        already = set(
            self.env["mail.activity"]
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", self.ids),
                    ("activity_type_id", "=", activity_type.id),
                ]
            )
            .mapped("res_id")
        )
        return self.filtered(lambda h: h.id not in already)

    @api.private
    def _schedule_reminders(self):
        """Batch-create reminder activities, skipping hand-overs that already have one."""
        activity_type = self.env.ref("research_archive.mail_activity_type_handover_reminder")
        model_id = self.env["ir.model"]._get_id(self._name)
        todo = self._without_reminder()
        return self.env["mail.activity"].create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": handover.id,
                    "activity_type_id": activity_type.id,
                    "user_id": handover.participant_id.id,
                    "date_deadline": handover.round_id.deadline,
                    # in the participant's language: the job runs without one
                    "summary": self.with_context(lang=handover.participant_id.lang).env._(
                        "Hand over your research archive for %(round)s",
                        round=handover.round_id.name,
                    ),
                }
                for handover in todo
            ]
        )


class ResearchHandoverLine(models.Model):
    _name = "research.handover.line"
    _description = "Hand-over Item"
    _inherit = ["input.guard.mixin", "link.guard.mixin"]
    # a participant hands over only dossiers he or she may read: the line shows its title
    _link_guard_fields = ("dossier_id",)
    _order = "handover_id, sequence, id"

    handover_id = fields.Many2one(
        "research.handover", required=True, index=True, ondelete="cascade"
    )
    sequence = fields.Integer(default=10)
    dossier_id = fields.Many2one("research.dossier", index="btree_not_null")
    description = fields.Char(required=True, string="Item")
    quantity = fields.Integer(string="Copies / Pages", default=1)
    carrier = fields.Selection(CARRIERS, default="text", required=True)
    copy_kind = fields.Selection(COPY_KINDS, default="original", required=True)
    remarks = fields.Char()

    _quantity_positive = models.Constraint(
        "CHECK(quantity > 0 AND quantity <= 100000)", "The quantity must be between 1 and 100000."
    )

    @api.model_create_multi
    def create(self, vals_list):
        handovers = self.env["research.handover"].browse(
            {v.get("handover_id") for v in vals_list if v.get("handover_id")}
        )
        handovers._check_lines_editable()
        return super().create(vals_list)

    def write(self, vals):
        self.handover_id._check_lines_editable()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_signed(self):
        self.handover_id._check_lines_editable()
