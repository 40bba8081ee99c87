from odoo import api, fields, models
from odoo.exceptions import UserError

from .tools import is_internal

DOCUMENT_KINDS = [
    ("supply_notice", "Gas Supply Notice"),
    ("acceptance_drawing", "Acceptance Drawings"),
    ("letter", "Letter"),
    ("chart", "Chart"),
    ("approval", "Approval Document"),
    ("budget", "Budget"),
    ("notice", "Notice"),
    ("other", "Other"),
]


class GasContractDocument(models.Model):
    """A paper filed with a contract: it is archived with the contract [GC-5, GC-7]."""

    _name = "gas.contract.document"
    _description = "Gas Contract Paper"
    _inherit = ["input.guard.mixin"]
    _order = "contract_id, kind, id"

    name = fields.Char(required=True)
    contract_id = fields.Many2one("gas.contract", required=True, index=True, ondelete="restrict")
    kind = fields.Selection(DOCUMENT_KINDS, required=True, default="other")
    file = fields.Binary(attachment=True, required=True)
    file_name = fields.Char()
    date = fields.Date(default=fields.Date.context_today)
    provided_by = fields.Char(string="Provided by", help="e.g. planning and construction")

    @api.model_create_multi
    def create(self, vals_list):
        contracts = self.env["gas.contract"].browse([v.get("contract_id") for v in vals_list])
        if contracts._get_locked() and not is_internal(self.env):
            raise UserError(self.env._("Papers of an archived contract cannot be changed."))
        return super().create(vals_list)

    def write(self, vals):
        if self._gas_is_locked() and not is_internal(self.env):
            raise UserError(self.env._("Papers of an archived contract cannot be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_past_draft(self):
        if self.contract_id.filtered(lambda c: c.state != "draft"):
            raise UserError(
                self.env._("Papers of a contract past draft are kept and cannot be deleted.")
            )

    def _gas_is_locked(self):
        return self.contract_id._gas_is_locked()
