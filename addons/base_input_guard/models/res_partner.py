from odoo import api, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.model
    def _get_customer_domain(self):
        """The partners a customer field offers: customers, not colleagues. A partner of an
        internal user or one ticked as employee is staff; a contact person of a company is
        not the customer, its company is."""
        return [
            ("partner_share", "=", True),
            ("employee", "=", False),
            "|",
            ("is_company", "=", True),
            ("parent_id", "=", False),
        ]
