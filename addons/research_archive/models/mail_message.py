from odoo import api, models

from .research_seal import SEALED_MODELS, check_seal, touched_pairs

# message fields that do not change what was said: starring a message is personal
PERSONAL_FIELDS = {"starred_partner_ids"}


class MailMessage(models.Model):
    _inherit = "mail.message"

    @api.model_create_multi
    def create(self, vals_list):
        check_seal(
            self.env,
            [
                (v.get("model"), v.get("res_id"))
                for v in vals_list
                if v.get("model") in SEALED_MODELS
            ],
        )
        return super().create(vals_list)

    def write(self, vals):
        if set(vals) - PERSONAL_FIELDS:
            check_seal(self.env, touched_pairs(self, "model", vals))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_research_archive_sealed(self):
        check_seal(self.env, touched_pairs(self, "model"))
