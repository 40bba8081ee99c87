from odoo import fields, models

OPERATIONS = [
    ("read", "Opened"),
    ("export", "Exported"),
    ("print", "Printed"),
    ("attachment", "Attachment Downloaded"),
    ("aggregate", "Totals Read"),
]


class CustomerAccessLog(models.Model):
    _name = "customer.access.log"
    _description = "Customer File Access Log"
    _order = "date desc, id desc"

    file_id = fields.Many2one(
        "customer.file", string="Customer File", required=True, index=True, ondelete="restrict"
    )
    partner_id = fields.Many2one(related="file_id.partner_id", string="Customer")
    user_id = fields.Many2one("res.users", required=True, index=True)
    date = fields.Datetime(required=True, default=fields.Datetime.now, index=True)
    grant_id = fields.Many2one("customer.access.grant", string="Access Grant", index=True)
    operation = fields.Selection(OPERATIONS, required=True, default="read")
