from odoo import fields, models


class ResearchDossier(models.Model):
    _name = "research.dossier"
    _description = "Research Dossier"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "id desc"

    name = fields.Char(string="Title", required=True, tracking=True)
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        tracking=True,
        index=True,
    )
    active = fields.Boolean(default=True)
