from collections import defaultdict

from odoo import fields, models


class CustomerFile(models.Model):
    _inherit = "customer.file"

    sale_order_count = fields.Integer(string="Sales Orders", compute="_compute_sale_history")
    sale_amount = fields.Monetary(
        string="Ordered",
        currency_field="currency_id",
        compute="_compute_sale_history",
        help="Total of the confirmed sales orders, converted into the company's currency.",
    )
    last_order_date = fields.Datetime(compute="_compute_sale_history")

    def _get_sale_history_domain(self):
        return [
            ("partner_id", "child_of", self.partner_id.commercial_partner_id.ids),
            ("company_id", "in", self.company_id.ids),
            ("state", "=", "sale"),
        ]

    def _compute_sale_history(self):
        # The ordered figures are part of the confidential file: whoever may
        # read the file sees them, also without sales rights. One grouped read
        # as superuser for the whole batch.
        order_sudo = self.env["sale.order"].sudo()
        groups = order_sudo._read_group(
            self._get_sale_history_domain(),
            groupby=["partner_id", "company_id", "currency_id"],
            aggregates=["__count", "amount_total:sum", "date_order:max"],
        )
        history = defaultdict(lambda: [0, 0.0, False])
        today = fields.Date.context_today(self)
        for partner, company, currency, count, amount, last_date in groups:
            totals = history[(partner.commercial_partner_id.id, company.id)]
            totals[0] += count
            totals[1] += currency._convert(amount, company.currency_id, company, today)
            totals[2] = max(totals[2], last_date) if totals[2] else last_date
        for record in self:
            key = (record.partner_id.commercial_partner_id.id, record.company_id.id)
            count, amount, last_date = history.get(key, (0, 0.0, False))
            record.sale_order_count = count
            record.sale_amount = amount
            record.last_order_date = last_date

    def action_open_sale_orders(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("sale.action_orders")
        action["domain"] = self._get_sale_history_domain()
        action["context"] = {"create": False}
        return action
