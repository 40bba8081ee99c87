from odoo import fields, models
from odoo.exceptions import UserError


class CustomerCorrectiveAction(models.Model):
    _name = "customer.corrective.action"
    _description = "Corrective and Preventive Action"
    _inherit = ["workflow.fields.mixin", "mail.thread", "mail.activity.mixin", "input.guard.mixin"]
    _workflow_fields = ("state", "checked_by_id", "check_date")
    _order = "deadline, id desc"
    _attachments_private = True

    name = fields.Char(string="Problem", required=True, tracking=True)
    origin = fields.Selection(
        [("survey", "Satisfaction Survey"), ("complaint", "Complaint"), ("other", "Other")],
        required=True,
        default="other",
    )
    campaign_id = fields.Many2one("customer.survey.campaign", index=True, ondelete="set null")
    dimension_id = fields.Many2one("customer.survey.dimension")
    complaint_id = fields.Many2one("customer.complaint", index=True, ondelete="set null")
    owner_id = fields.Many2one(
        "res.users",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
        index=True,
    )
    deadline = fields.Date(required=True, tracking=True)
    cause = fields.Text(string="Cause Analysis")
    action_plan = fields.Text(string="Actions Taken")
    effectiveness_check = fields.Text()
    effective = fields.Boolean(string="Found Effective", tracking=True)
    checked_by_id = fields.Many2one("res.users", readonly=True)
    check_date = fields.Date(readonly=True)
    state = fields.Selection(
        [
            ("open", "Open"),
            ("in_progress", "In Progress"),
            ("to_check", "Effectiveness Check"),
            ("done", "Closed"),
        ],
        default="open",
        required=True,
        tracking=True,
        index=True,
        group_expand=True,
    )
    is_overdue = fields.Boolean(compute="_compute_is_overdue")

    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for action in self:
            action.is_overdue = action.state != "done" and action.deadline < today

    def write(self, vals):
        self._check_workflow_fields(vals)  # before the closing rule, which it overrules
        if vals.get("state") == "done":
            for action in self:
                effective = vals.get("effective", action.effective)
                check = vals.get("effectiveness_check", action.effectiveness_check)
                plan = vals.get("action_plan", action.action_plan)
                if not (plan or "").strip() or not (check or "").strip() or not effective:
                    raise UserError(
                        self.env._(
                            "%(name)s: record the actions taken and an effectiveness check "
                            "that found them effective before closing.",
                            name=action.name,
                        )
                    )
        return super().write(vals)

    def action_start(self):
        self._workflow().write({"state": "in_progress"})
        return True

    def action_to_check(self):
        missing = self.filtered(lambda a: not (a.action_plan or "").strip())
        if missing:
            raise UserError(self.env._("Record the actions taken first."))
        self._workflow().write({"state": "to_check"})
        return True

    def action_close(self):
        self._workflow().write(
            {
                "state": "done",
                "checked_by_id": self.env.uid,
                "check_date": fields.Date.context_today(self),
            }
        )
        return True
