from odoo import fields, models


class ResearchDossierReopenWizard(models.TransientModel):
    _name = "research.dossier.reopen.wizard"
    _description = "Reopen an Archived Dossier"

    dossier_ids = fields.Many2many("research.dossier", string="Dossiers", required=True)
    reason = fields.Text(required=True)

    def action_reopen(self):
        self.ensure_one()
        self.dossier_ids._do_reopen(self.reason)
        return {"type": "ir.actions.act_window_close"}
