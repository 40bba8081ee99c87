from odoo import api, models

from .research_seal import SEALED_MODELS, check_seal, in_workflow


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    @api.model_create_multi
    def create(self, vals_list):
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
        if not in_workflow(self.env):
            pairs = self._research_archive_pairs()
            if "res_model" in vals or "res_id" in vals:
                # moving a file into a sealed record is a change of that record too;
                # read where each file goes whatever the user may read of it
                attachments_sudo = self.sudo()
                pairs += [
                    (vals.get("res_model", att.res_model), vals.get("res_id", att.res_id))
                    for att in attachments_sudo
                ]
            check_seal(self.env, [p for p in pairs if p[0] in SEALED_MODELS])
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_research_archive_sealed(self):
        check_seal(self.env, self._research_archive_pairs())

    def _research_archive_pairs(self):
        # the seal applies whatever the current user may read of the attachment
        attachments_sudo = self.sudo()
        return [
            (att.res_model, att.res_id)
            for att in attachments_sudo
            if att.res_model in SEALED_MODELS and att.res_id
        ]
