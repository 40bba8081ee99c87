from odoo import fields, models


class GasContract(models.Model):
    _name = "gas.contract"
    _description = "Gas Contract"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "id desc"

    name = fields.Char(string="Contract Title", required=True, tracking=True)
    partner_id = fields.Many2one("res.partner", string="Gas User", index=True, tracking=True)
    user_id = fields.Many2one(
        "res.users",
        string="Drafted by",
        default=lambda self: self.env.user,
        tracking=True,
        index=True,
    )
    active = fields.Boolean(default=True)
