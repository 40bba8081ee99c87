from odoo import api, fields, models


class IrRule(models.Model):
    _inherit = "ir.rule"

    @api.model
    def _eval_context(self):
        # Access grants are valid for a period: rules compare stored, indexed
        # date columns with ``today``. Odoo 19 no longer offers ``time`` here.
        context = super()._eval_context()
        context["today"] = fields.Date.to_string(fields.Date.today())
        return context

    def _compute_domain_context_values(self):
        # Rule domains are cached; the day is part of the key so that a grant
        # expires by itself at midnight, without waiting for a cache reset.
        yield from super()._compute_domain_context_values()
        yield fields.Date.to_string(fields.Date.today())
