from odoo import api, models
from odoo.exceptions import UserError

from .tools import is_internal

LOCKABLE_MODELS = (
    "gas.contract",
    "gas.contract.document",
    "gas.account",
    "gas.meter",
    "gas.meter.reading",
    "gas.appliance",
)
MESSAGE_CONTENT_FIELDS = {
    "body",
    "subject",
    "attachment_ids",
    "model",
    "res_id",
    "tracking_value_ids",
    "subtype_id",
    "message_type",
}


def check_gas_not_locked(env, pairs):
    """Refuse a change to files or messages of archived contracts and accounts [GC-7]."""
    if is_internal(env):
        return
    by_model = {}
    for res_model, res_id in pairs:
        if res_model in LOCKABLE_MODELS and res_id:
            by_model.setdefault(res_model, set()).add(res_id)
    for res_model, res_ids in by_model.items():
        # the lock is a fact about the record, checked whatever the user may read
        records_sudo = env[res_model].sudo().browse(list(res_ids)).exists()
        if records_sudo._gas_is_locked():
            raise UserError(env._("Archived gas records cannot be changed, nor their files."))


def check_gas_not_public(env, pairs):
    """Refuse a public file on a gas record: anyone, even logged out, could download it."""
    if not env.su and any(public and model in LOCKABLE_MODELS for model, public in pairs):
        raise UserError(env._("Files of gas contracts and user accounts cannot be made public."))


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    @api.model_create_multi
    def create(self, vals_list):
        check_gas_not_locked(self.env, [(v.get("res_model"), v.get("res_id")) for v in vals_list])
        check_gas_not_public(self.env, [(v.get("res_model"), v.get("public")) for v in vals_list])
        return super().create(vals_list)

    def write(self, vals):
        if {"public", "res_model"} & vals.keys():
            check_gas_not_public(
                self.env,
                [
                    (vals.get("res_model", a.res_model), vals.get("public", a.public))
                    for a in self.sudo()
                ],
            )
        pairs = [(a.res_model, a.res_id) for a in self]
        if "res_model" in vals or "res_id" in vals:
            pairs += [
                (vals.get("res_model", a.res_model), vals.get("res_id", a.res_id)) for a in self
            ]
        check_gas_not_locked(self.env, pairs)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_gas_locked(self):
        check_gas_not_locked(self.env, [(a.res_model, a.res_id) for a in self])


class MailMessage(models.Model):
    _inherit = "mail.message"

    @api.model_create_multi
    def create(self, vals_list):
        check_gas_not_locked(self.env, [(v.get("model"), v.get("res_id")) for v in vals_list])
        return super().create(vals_list)

    def write(self, vals):
        # stars and other per-reader flags stay free; the content is frozen
        if MESSAGE_CONTENT_FIELDS & set(vals):
            pairs = [(m.model, m.res_id) for m in self]
            # moving a message onto an archived record changes that record too
            pairs += [(vals.get("model", m.model), vals.get("res_id", m.res_id)) for m in self]
            check_gas_not_locked(self.env, pairs)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_gas_locked(self):
        check_gas_not_locked(self.env, [(m.model, m.res_id) for m in self])
