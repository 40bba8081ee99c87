from odoo import fields, models


class CustomerSurveyDimension(models.Model):
    _name = "customer.survey.dimension"
    _description = "Satisfaction Survey Dimension"
    _inherit = ["input.guard.mixin"]
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    target_score = fields.Float(
        string="Company Target",
        default=4.0,
        required=True,
        help="Average score the company requires on this dimension (0 to 10, the scale of the "
        "survey questions).",
    )
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)

    _target_range = models.Constraint(
        "CHECK(target_score >= 0 AND target_score <= 10)",
        "A target score lies between 0 and 10.",
    )
