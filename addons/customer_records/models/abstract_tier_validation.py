from lxml import etree

from odoo import models


class CustomerRecordsTierMixin(models.AbstractModel):
    """Tier validation as used by this add-on: approvals that cannot be forged
    (tier.validation.guard), and the last approval moves the document to its approved state.

    The approval buttons, label and reviews table are rendered from this add-on's QWeb
    templates (views/tier_validation_templates.xml), so that their labels are translated.
    """

    _name = "customer.records.tier.mixin"
    _description = "Customer Records Tier Validation"
    _inherit = ["tier.validation.guard"]
    _tier_validation_manual_config = False

    def _get_tier_validation_readonly_domain(self):
        # Read-only while under review; an approved document stays editable so
        # that a material change can send it back for approval.
        return "validation_status in ('waiting', 'pending', 'rejected')"

    def _validate_tier(self, tiers=False):
        res = super()._validate_tier(tiers)
        if self.validation_status == "validated" and self[self._state_field] in self._state_from:
            self._workflow().write({self._state_field: self._state_to[0]})
            self._on_tier_approved()
        return res

    def _on_tier_approved(self):
        """Hook run once the last tier approved the document."""

    def _render_tier_snippet(self, template, params):
        return etree.fromstring(self.env["ir.qweb"]._render(template, params))

    def _add_tier_validation_buttons(self, node, params):
        return self._render_tier_snippet("customer_records.tier_validation_buttons", params)

    def _add_tier_validation_label(self, node, params):
        return self._render_tier_snippet("customer_records.tier_validation_label", params)

    def _add_tier_validation_reviews(self, node, params):
        return self._render_tier_snippet("customer_records.tier_validation_reviews", params)
