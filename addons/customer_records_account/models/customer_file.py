from odoo import fields, models


class CustomerFile(models.Model):
    _inherit = "customer.file"

    invoice_count = fields.Integer(string="Invoices", compute="_compute_invoice_history")
    invoiced_amount = fields.Monetary(
        string="Invoiced",
        currency_field="currency_id",
        compute="_compute_invoice_history",
        help="Posted customer invoices less credit notes, in the company's currency.",
    )
    invoice_residual = fields.Monetary(
        string="Still Due",
        currency_field="currency_id",
        compute="_compute_invoice_history",
    )
    last_invoice_date = fields.Date(compute="_compute_invoice_history")

    def _get_invoice_history_domain(self):
        return [
            ("commercial_partner_id", "in", self.partner_id.commercial_partner_id.ids),
            ("company_id", "in", self.company_id.ids),
            ("move_type", "in", ("out_invoice", "out_refund")),
            ("state", "=", "posted"),
        ]

    def _compute_invoice_history(self):
        # Like the won opportunities, the invoiced figures are part of the
        # confidential file: whoever may read the file sees them, also without
        # invoicing rights. One grouped read as superuser for the whole batch.
        move_sudo = self.env["account.move"].sudo()
        groups = move_sudo._read_group(
            self._get_invoice_history_domain(),
            groupby=["commercial_partner_id", "company_id"],
            aggregates=[
                "__count",
                "amount_total_signed:sum",
                "amount_residual_signed:sum",
                "invoice_date:max",
            ],
        )
        history = {(partner.id, company.id): values for partner, company, *values in groups}
        for record in self:
            key = (record.partner_id.commercial_partner_id.id, record.company_id.id)
            count, total, residual, last_date = history.get(key, (0, 0.0, 0.0, False))
            record.invoice_count = count
            record.invoiced_amount = total
            record.invoice_residual = residual
            record.last_invoice_date = last_date

    def action_open_invoices(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "account.action_move_out_invoice_type"
        )
        action["domain"] = self._get_invoice_history_domain()
        action["context"] = {"default_move_type": "out_invoice", "create": False}
        return action
