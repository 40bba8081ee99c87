from odoo import fields, models


class CustomerVisit(models.Model):
    _name = "customer.visit"
    _description = "Customer Visit"
    _inherit = [
        "workflow.fields.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "customer.file.link.mixin",
    ]
    _workflow_fields = ("state",)
    _order = "date_start desc, id desc"
    _attachments_private = True

    name = fields.Char(string="Subject", required=True, tracking=True)
    visit_type = fields.Selection(
        [("scheduled", "Scheduled"), ("unscheduled", "Unscheduled (daily)")],
        required=True,
        default="unscheduled",
        tracking=True,
    )
    occasion = fields.Selection(
        [
            ("festival", "Festival"),
            ("event", "Important Event"),
            ("daily", "Daily Contact"),
        ],
        required=True,
        default="daily",
    )
    channel = fields.Selection(
        [
            ("visit", "On-site Visit"),
            ("phone", "Phone"),
            ("meeting", "Meeting at Our Office"),
            ("message", "E-mail or Message"),
        ],
        required=True,
        default="visit",
    )
    date_start = fields.Datetime(string="Start", required=True, default=fields.Datetime.now)
    date_stop = fields.Datetime(string="End")
    user_id = fields.Many2one(
        "res.users", string="Visited By", default=lambda self: self.env.user, required=True
    )
    contact_id = fields.Many2one("res.partner", string="Contact Person")
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Done"), ("cancelled", "Cancelled")],
        default="planned",
        required=True,
        tracking=True,
        index=True,
    )
    product_feedback = fields.Text(string="Product Usage Feedback")
    suggestions = fields.Text(string="Opinions and Suggestions")

    _dates_check = models.Constraint(
        "CHECK(date_stop IS NULL OR date_stop >= date_start)",
        "A visit cannot end before it starts.",
    )

    def action_done(self):
        self._workflow().write({"state": "done"})
        return True

    def action_cancel(self):
        self._workflow().write({"state": "cancelled"})
        return True
