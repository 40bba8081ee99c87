from odoo import api, models

from .research_seal import SEALED_MODELS, check_seal, in_workflow, touched_pairs


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
            check_seal(self.env, touched_pairs(self, "res_model", vals))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_research_archive_sealed(self):
        check_seal(self.env, touched_pairs(self, "res_model"))
