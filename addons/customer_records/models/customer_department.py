from odoo import fields, models


class CustomerDepartment(models.Model):
    _name = "customer.department"
    _description = "Customer Records Department"
    _inherit = ["input.guard.mixin"]
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    kind = fields.Selection(
        [
            ("sales", "Sales"),
            ("business", "Business Department"),
            ("production", "Production"),
            ("office", "Company Office"),
            ("other", "Other"),
        ],
        default="business",
        required=True,
    )
    manager_id = fields.Many2one("res.users", string="Head")
    active = fields.Boolean(default=True)

    _name_uniq = models.Constraint("UNIQUE(name)", "A department with this name already exists.")
