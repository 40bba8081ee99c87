from odoo import fields, models


class SurveyUserInput(models.Model):
    _inherit = "survey.user_input"

    customer_campaign_id = fields.Many2one(
        "customer.survey.campaign",
        string="Satisfaction Campaign",
        index=True,
        ondelete="set null",
    )
