from odoo import api, fields, models


class ResearchDossierWaiveWizard(models.TransientModel):
    """Waive several missing mandatory documents of a dossier at once, for one reason."""

    _name = "research.dossier.waive.wizard"
    _description = "Waive Missing Documents"

    dossier_id = fields.Many2one("research.dossier", required=True, readonly=True)
    missing_type_ids = fields.Many2many(related="dossier_id.missing_type_ids")
    type_ids = fields.Many2many(
        "research.document.type",
        string="Documents to Waive",
        required=True,
        domain="[('id', 'in', missing_type_ids)]",
    )
    reason = fields.Text(required=True)

    @api.model
    def default_get(self, fields_list):
        res = super().default_get(fields_list)
        dossier = self.env["research.dossier"].browse(res.get("dossier_id"))
        if dossier and "type_ids" in fields_list:
            res["type_ids"] = [fields.Command.set(dossier.missing_type_ids.ids)]
        return res

    def action_confirm(self):
        self.ensure_one()
        self.env["research.dossier.waiver"].create(
            [
                {"dossier_id": self.dossier_id.id, "type_id": doc_type.id, "reason": self.reason}
                for doc_type in self.type_ids
            ]
        )
        return {"type": "ir.actions.act_window_close"}
