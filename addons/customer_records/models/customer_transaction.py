from odoo import fields, models


class CustomerTransaction(models.Model):
    _name = "customer.transaction"
    _description = "Customer Transaction"
    _inherit = ["input.guard.mixin"]
    _order = "date desc, id desc"

    file_id = fields.Many2one(
        "customer.file", string="Customer File", required=True, index=True, ondelete="cascade"
    )
    partner_id = fields.Many2one(related="file_id.partner_id", string="Customer")
    currency_id = fields.Many2one(related="file_id.currency_id")
    date = fields.Date(required=True, default=fields.Date.context_today)
    name = fields.Char(string="Description", required=True)
    reference = fields.Char()
    amount = fields.Monetary(currency_field="currency_id", required=True)
    kind = fields.Selection(
        [("order", "Order"), ("invoice", "Invoice"), ("payment", "Payment"), ("other", "Other")],
        default="order",
        required=True,
    )

    _amount_positive = models.Constraint(
        "CHECK(amount >= 0)", "A transaction amount cannot be negative."
    )
