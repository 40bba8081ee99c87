from odoo import api, fields, models

PHASES = [("early", "Early phase"), ("middle", "Middle phase"), ("late", "Late phase")]
RETENTIONS = [("Y", "Permanent"), ("D30", "30 years"), ("D10", "10 years")]


class ResearchDocumentType(models.Model):
    _name = "research.document.type"
    _description = "Research Document Type"
    _inherit = ["input.guard.mixin"]
    _order = "category_id, phase, sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    category_id = fields.Many2one(
        "research.dossier.category",
        string="Dossier Category",
        ondelete="restrict",
        index=True,
        help="Leave empty for a type usable in every category.",
    )
    phase = fields.Selection(PHASES, index=True)
    mandatory = fields.Boolean(
        help="A dossier of this category cannot be closed or archived without it.",
    )
    default_retention = fields.Selection(RETENTIONS, default="Y", required=True)
    active = fields.Boolean(default=True)

    _mandatory_needs_category = models.Constraint(
        "CHECK(NOT mandatory OR category_id IS NOT NULL)",
        "A mandatory document type must belong to a dossier category.",
    )

    def write(self, vals):
        res = super().write(vals)
        if {"mandatory", "category_id", "active", "phase"} & set(vals):
            self._recompute_open_dossiers()
        return res

    @api.model_create_multi
    def create(self, vals_list):
        types = super().create(vals_list)
        if any(t.mandatory for t in types):
            types._recompute_open_dossiers()
        return types

    @api.private
    def _recompute_open_dossiers(self):
        """A changed catalogue changes what is missing in open dossiers.

        Archived dossiers keep the completeness they were sealed with.
        """
        # every open dossier is concerned, including those the editing manager
        # cannot read (other companies): only stored completeness is refreshed
        dossiers_sudo = self.env["research.dossier"].sudo().search([("state", "!=", "archived")])
        self.env["research.dossier"]._mark_completeness_to_recompute(dossiers_sudo)
