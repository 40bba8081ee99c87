from odoo import api, fields, models
from odoo.exceptions import UserError

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
    _inherit = ["input.guard.mixin", "record.lock.mixin"]
    _order = "contract_id, kind, id"
    _lock_parent = "contract_id"

    name = fields.Char(required=True)
    contract_id = fields.Many2one("gas.contract", required=True, index=True, ondelete="restrict")
    kind = fields.Selection(DOCUMENT_KINDS, required=True, default="other")
    file = fields.Binary(attachment=True, required=True)
    file_name = fields.Char()
    date = fields.Date(default=fields.Date.context_today)
    provided_by = fields.Char(string="Provided by", help="e.g. planning and construction")

    @api.ondelete(at_uninstall=False)
    def _unlink_except_past_draft(self):
        if self.contract_id.filtered(lambda c: c.state != "draft"):
            raise UserError(
                self.env._("Papers of a contract past draft are kept and cannot be deleted.")
            )
