from odoo import api, models
from odoo.exceptions import UserError

# Files of these records are confidential like the customer file they belong to.
CONFIDENTIAL_MODELS = (
    "customer.file",
    "customer.access.grant",
    "customer.complaint",
    "customer.visit",
    "customer.corrective.action",
    "customer.survey.campaign",
)


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    @api.model_create_multi
    def create(self, vals_list):
        self._check_customer_files_not_public(
            [(v.get("res_model"), v.get("public")) for v in vals_list]
        )
        return super().create(vals_list)

    def write(self, vals):
        if {"public", "res_model"} & vals.keys():
            self._check_customer_files_not_public(
                [
                    (vals.get("res_model", a.res_model), vals.get("public", a.public))
                    for a in self.sudo()
                ]
            )
        return super().write(vals)

    @api.model
    @api.private
    def _check_customer_files_not_public(self, pairs):
        """Refuse a public file on a customer record: anyone, even logged out, could
        download it without a grant and without the download being logged [CR-3]."""
        if not self.env.su and any(
            public and model in CONFIDENTIAL_MODELS for model, public in pairs
        ):
            raise UserError(self.env._("Files of customer records cannot be made public."))
