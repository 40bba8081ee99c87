from lxml import etree

from odoo import models


class CustomerRecordsTierMessages(models.AbstractModel):
    """Our own copies of base_tier_validation's view snippets, for customer documents.

    The texts (banner, chatter messages) come translated from ``tier.validation.texts``; the
    approval buttons, label and reviews table are rendered from this add-on's QWeb templates
    (views/tier_validation_templates.xml), so that their labels are translated too.
    """

    _name = "customer.records.tier.messages"
    _description = "Customer Records Approval Texts"
    _inherit = ["tier.validation.texts"]

    def _render_tier_snippet(self, template, params):
        return etree.fromstring(self.env["ir.qweb"]._render(template, params))

    def _add_tier_validation_buttons(self, node, params):
        return self._render_tier_snippet("customer_records.tier_validation_buttons", params)

    def _add_tier_validation_label(self, node, params):
        return self._render_tier_snippet("customer_records.tier_validation_label", params)

    def _add_tier_validation_reviews(self, node, params):
        return self._render_tier_snippet("customer_records.tier_validation_reviews", params)
