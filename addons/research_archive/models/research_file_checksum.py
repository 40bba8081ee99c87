from odoo import fields, models


class ResearchFileChecksum(models.Model):
    _name = "research.file.checksum"
    _description = "Archived File Checksum"
    _inherit = ["record.lock.mixin"]
    _order = "dossier_id, id"
    # recorded when a dossier is archived, by the archiving only, and never changed
    _lock_domain = []

    dossier_id = fields.Many2one(
        "research.dossier", required=True, index=True, ondelete="cascade", readonly=True
    )
    document_id = fields.Many2one("research.document", ondelete="set null", readonly=True)
    attachment_id = fields.Many2one(
        "ir.attachment", string="File", ondelete="set null", readonly=True, index="btree_not_null"
    )
    name = fields.Char(string="File Name", readonly=True)
    sha256 = fields.Char(string="SHA-256", readonly=True, size=64)
