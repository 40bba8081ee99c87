from odoo import api, models
from odoo.exceptions import UserError

from .research_seal import SEALED_MODELS, check_seal, in_workflow, touched_pairs


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    @api.model_create_multi
    def create(self, vals_list):
        self._check_research_files_not_public(
            [(v.get("res_model"), v.get("public")) for v in vals_list]
        )
        check_seal(
            self.env,
            [
                (v.get("res_model"), v.get("res_id"))
                for v in vals_list
                if v.get("res_model") in SEALED_MODELS
            ],
        )
        return super().create(vals_list)

    def write(self, vals):
        if {"public", "res_model"} & vals.keys():
            self._check_research_files_not_public(
                [
                    (vals.get("res_model", a.res_model), vals.get("public", a.public))
                    for a in self.sudo()
                ]
            )
        if not in_workflow(self.env):
            check_seal(self.env, touched_pairs(self, "res_model", vals))
        return super().write(vals)

    @api.model
    @api.private
    def _check_research_files_not_public(self, pairs):
        """Refuse a public file on a dossier or a document: anyone could download it,
        whatever the classification of the dossier."""
        if not self.env.su and any(public and model in SEALED_MODELS for model, public in pairs):
            raise UserError(self.env._("Files of research archives cannot be made public."))

    @api.ondelete(at_uninstall=False)
    def _unlink_except_research_archive_sealed(self):
        check_seal(self.env, touched_pairs(self, "res_model"))
