from odoo import api, fields, models


class GasAccountPart(models.AbstractModel):
    """A part of a gas user file (meter, appliance): locked together with its account."""

    _name = "gas.account.part"
    _description = "Gas User File Part"
    _inherit = ["input.guard.mixin"]

    account_id = fields.Many2one("gas.account", required=True, index=True, ondelete="restrict")

    @api.model_create_multi
    def create(self, vals_list):
        self.env["gas.account"].browse([v.get("account_id") for v in vals_list])._check_editable()
        return super().create(vals_list)

    def write(self, vals):
        self.account_id._check_editable()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_account_locked(self):
        self.account_id._check_editable()

    def _gas_is_locked(self):
        return self.account_id._gas_is_locked()
