from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    customer_review_period_days = fields.Integer(
        string="Customer File Review Period (days)",
        config_parameter="customer_records.review_period_days",
        default=180,
    )
