from odoo import api, fields, models
from odoo.exceptions import UserError

from .research_seal import in_workflow


class ResearchFileChecksum(models.Model):
    _name = "research.file.checksum"
    _description = "Archived File Checksum"
    _order = "dossier_id, id"

    dossier_id = fields.Many2one(
        "research.dossier", required=True, index=True, ondelete="cascade", readonly=True
    )
    document_id = fields.Many2one("research.document", ondelete="set null", readonly=True)
    attachment_id = fields.Many2one(
        "ir.attachment", string="File", ondelete="set null", readonly=True, index="btree_not_null"
    )
    name = fields.Char(string="File Name", readonly=True)
    sha256 = fields.Char(string="SHA-256", readonly=True, size=64)

    @api.model_create_multi
    def create(self, vals_list):
        if not in_workflow(self.env):
            raise UserError(self.env._("Checksums are recorded only when a dossier is archived."))
        return super().create(vals_list)

    def write(self, vals):
        if not in_workflow(self.env):
            raise UserError(self.env._("Recorded checksums cannot be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_workflow(self):
        if not in_workflow(self.env):
            raise UserError(self.env._("Recorded checksums cannot be deleted."))
