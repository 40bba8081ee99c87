from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .tools import as_internal, is_internal


class GasFeeVariance(models.Model):
    """An approved exception to the standard fee of one installation contract [GC-4]."""

    _name = "gas.fee.variance"
    _description = "Gas Fee Variance"
    _inherit = ["workflow.fields.mixin", "mail.thread", "input.guard.mixin"]
    _order = "id desc"
    _workflow_fields = ("state", "requested_by", "approved_by")

    contract_id = fields.Many2one("gas.contract", required=True, index=True, ondelete="cascade")
    currency_id = fields.Many2one(related="contract_id.currency_id")
    expected_amount = fields.Monetary(related="contract_id.expected_amount")
    amount = fields.Monetary(string="Amount to Charge", required=True, tracking=True)
    reason = fields.Text(required=True)
    state = fields.Selection(
        [("draft", "Requested"), ("approved", "Approved"), ("refused", "Refused")],
        default="draft",
        required=True,
        tracking=True,
        readonly=True,
        copy=False,
    )
    requested_by = fields.Many2one(
        "res.users", default=lambda self: self.env.user, readonly=True, required=True
    )
    approved_by = fields.Many2one("res.users", readonly=True, copy=False)

    _amount_positive = models.Constraint("CHECK(amount >= 0)", "A fee cannot be negative.")

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not (vals.get("reason") or "").strip():
                raise UserError(self.env._("Give the reason for the fee variance."))
        return super().create(vals_list)

    def write(self, vals):
        if not (self.env.su or is_internal(self.env)) and self.filtered(
            lambda v: v.state != "draft"
        ):
            raise UserError(self.env._("A decided fee variance cannot be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_decided(self):
        if self.filtered(lambda v: v.state != "draft"):
            raise UserError(self.env._("A decided fee variance is kept with its contract."))

    def _decide(self, state):
        if not self.env.user.has_group("gas_contracts.group_gas_general_manager"):
            raise AccessError(self.env._("Only the general manager decides fee variances."))
        # every variance of a selection that cannot be decided is named, before any is
        errors = []
        for variance in self:
            contract = variance.contract_id.display_name
            if variance.state != "draft":
                errors.append(
                    self.env._(
                        "%(contract)s: this fee variance is already decided.", contract=contract
                    )
                )
            elif self.env.user in (variance.requested_by | variance.contract_id._get_drafters()):
                errors.append(
                    self.env._(
                        "%(contract)s: you cannot decide a fee variance on your own contract.",
                        contract=contract,
                    )
                )
        if errors:
            raise UserError("\n".join(errors))
        as_internal(self).write({"state": state, "approved_by": self.env.uid})
        return True

    def action_approve(self):
        return self._decide("approved")

    def action_refuse(self):
        return self._decide("refused")
