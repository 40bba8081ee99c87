from odoo import api, fields, models
from odoo.exceptions import UserError

from .tools import is_internal


class GasContractInstalment(models.Model):
    """One payment of an instalment contract, with the installation step it pays for."""

    _name = "gas.contract.instalment"
    _description = "Gas Contract Instalment"
    _inherit = ["input.guard.mixin", "record.lock.mixin"]
    _order = "contract_id, deadline, id"
    _lock_parent = "contract_id"

    contract_id = fields.Many2one("gas.contract", required=True, index=True, ondelete="cascade")
    sequence = fields.Integer(default=10)
    deadline = fields.Date(string="Payment Deadline", required=True)
    amount = fields.Monetary(required=True)
    currency_id = fields.Many2one(related="contract_id.currency_id")
    installation_step = fields.Text(string="Installation Content and Step", required=True)
    paid = fields.Boolean()

    _amount_positive = models.Constraint(
        "CHECK(amount > 0)", "Each instalment must have a positive amount."
    )

    @api.model_create_multi
    def create(self, vals_list):
        contracts = self.env["gas.contract"].browse([v.get("contract_id") for v in vals_list])
        contracts._check_instalments_editable()
        return super().create(vals_list)

    def write(self, vals):
        self.contract_id._check_instalments_editable(paid_only=set(vals) <= {"paid"})
        if "paid" in vals and not self.env.user.has_group("gas_contracts.group_gas_finance"):
            if not self.env.su:
                raise UserError(self.env._("Only finance records that an instalment is paid."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_past_draft(self):
        self.contract_id._check_instalments_editable()


class GasContract(models.Model):
    _inherit = "gas.contract"

    @api.private
    def _check_instalments_editable(self, paid_only=False):
        if is_internal(self.env):
            return
        if not paid_only and self.filtered(lambda c: c.state != "draft"):
            raise UserError(
                self.env._("The instalments of a contract are fixed once it leaves draft.")
            )
