from odoo import fields, models


class GasContractType(models.Model):
    _name = "gas.contract.type"
    _description = "Gas Contract Type"
    _inherit = ["input.guard.mixin"]
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, help="Short code used in contract numbers.")
    sequence = fields.Integer(default=10)
    kind = fields.Selection(
        [
            ("installation", "Installation"),
            ("supply", "Supply"),
            ("take_or_pay", "Take-or-Pay"),
        ],
        required=True,
        default="installation",
        help="Installation contracts charge installation fees; supply contracts open a gas "
        "account; take-or-pay contracts are settled yearly against a minimum take.",
    )
    requires_construction_period = fields.Boolean(
        help="Contracts of this type need a construction period confirmed by planning and "
        "construction before signing."
    )
    active = fields.Boolean(default=True, help="Retired types are kept for old contracts.")
    description = fields.Text(translate=True)

    _code_uniq = models.Constraint("UNIQUE(code)", "The code of a contract type must be unique.")
