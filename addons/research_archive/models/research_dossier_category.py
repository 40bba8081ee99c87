from odoo import fields, models

from .research_document_type import RETENTIONS


class ResearchDossierCategory(models.Model):
    _name = "research.dossier.category"
    _description = "Research Dossier Category"
    _inherit = ["input.guard.mixin"]
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(
        required=True,
        help="Category code used in the archive number, e.g. KT for project dossiers.",
    )
    sequence = fields.Integer(default=10)
    is_project = fields.Boolean(
        string="Project Dossier",
        help="Dossiers of this category belong to exactly one research project.",
    )
    default_retention = fields.Selection(RETENTIONS, required=True, default="Y")
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)

    _code_unique = models.UniqueIndex("(code)", "The category code must be unique.")
