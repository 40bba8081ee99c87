from odoo import fields, models


class GasAccountPart(models.AbstractModel):
    """A part of a gas user file (meter, appliance): locked together with its account."""

    _name = "gas.account.part"
    _description = "Gas User File Part"
    _inherit = ["input.guard.mixin", "record.lock.mixin"]
    _lock_parent = "account_id"

    account_id = fields.Many2one("gas.account", required=True, index=True, ondelete="restrict")
