from odoo import fields, models


class CustomerFile(models.Model):
    _name = "customer.file"
    _description = "Customer File"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "id desc"

    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True, tracking=True
    )
    name = fields.Char(related="partner_id.name", store=True)
    keeper_id = fields.Many2one(
        "res.users",
        string="Keeper",
        default=lambda self: self.env.user,
        required=True,
        tracking=True,
        index=True,
    )
    active = fields.Boolean(default=True)
