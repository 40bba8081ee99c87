from odoo import api, models

from .research_seal import SEALED_MODELS, check_seal

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
            pairs = self._research_archive_pairs()
            if "model" in vals or "res_id" in vals:
                # moving a message onto a sealed record is a change of that record too;
                # read where each message goes whatever the user may read of it
                messages_sudo = self.sudo()
                pairs += [
                    (vals.get("model", msg.model), vals.get("res_id", msg.res_id))
                    for msg in messages_sudo
                ]
            check_seal(self.env, [p for p in pairs if p[0] in SEALED_MODELS])
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_research_archive_sealed(self):
        check_seal(self.env, self._research_archive_pairs())

    def _research_archive_pairs(self):
        # the seal applies whatever the current user may read of the message
        messages_sudo = self.sudo()
        return [
            (msg.model, msg.res_id)
            for msg in messages_sudo
            if msg.model in SEALED_MODELS and msg.res_id
        ]
