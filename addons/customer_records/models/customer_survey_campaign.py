from collections import Counter, defaultdict
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

CAMPAIGN_STATES = [
    ("draft", "Draft"),
    ("running", "Survey Running"),
    ("analysed", "Analysis to Approve"),
    ("approved", "Analysis Approved"),
    ("distributed", "Distributed"),
]


class CustomerSurveyCampaign(models.Model):
    _name = "customer.survey.campaign"
    _description = "Customer Satisfaction Campaign"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "customer.records.tier.mixin",
        "input.guard.mixin",
    ]
    _order = "year desc, id desc"
    _attachments_private = True
    _state_field = "state"
    _state_from = ["analysed"]
    _state_to = ["approved"]
    _cancel_state = "cancelled"
    _workflow_fields = (
        "state",
        "overall_score",
        "last_year_score",
        "below_target",
        "analysis_date",
        "distribution_date",
        "review_ids",
        "validation_status",
    )

    name = fields.Char(required=True, tracking=True)
    year = fields.Integer(
        required=True, default=lambda self: fields.Date.context_today(self).year, index=True
    )
    survey_id = fields.Many2one("survey.survey", required=True, tracking=True)
    user_id = fields.Many2one(
        "res.users", string="Organised By", default=lambda self: self.env.user, required=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    state = fields.Selection(
        CAMPAIGN_STATES, default="draft", required=True, tracking=True, index=True, copy=False
    )
    target_score = fields.Float(
        string="Company Target",
        default=4.0,
        required=True,
        help="Overall average score the company requires (same scale as the questions).",
    )
    scope_department_ids = fields.Many2many(
        "customer.department",
        "customer_campaign_scope_department_rel",
        "campaign_id",
        "department_id",
        string="Departments in Scope",
        help="Customers whose file belongs to these departments are invited; empty: all files.",
    )
    line_ids = fields.One2many("customer.survey.campaign.line", "campaign_id", string="Dimensions")
    user_input_ids = fields.One2many(
        "survey.user_input", "customer_campaign_id", string="Invitations"
    )
    invitation_count = fields.Integer(compute="_compute_response_stats")
    response_count = fields.Integer(compute="_compute_response_stats")
    response_rate = fields.Float(compute="_compute_response_stats", string="Response Rate (%)")
    coverage = fields.Float(
        compute="_compute_coverage",
        string="Coverage (%)",
        help="Share of active customer files whose customer answered a campaign of this year.",
    )
    overall_score = fields.Float(readonly=True, copy=False)
    last_year_score = fields.Float(string="Last Year's Score", readonly=True, copy=False)
    below_target = fields.Boolean(readonly=True, copy=False)
    analysis_date = fields.Datetime(readonly=True, copy=False)
    conclusion = fields.Text(string="Analysis and Conclusion")
    department_ids = fields.Many2many(
        "customer.department",
        "customer_campaign_distribution_rel",
        "campaign_id",
        "department_id",
        string="Distributed To",
    )
    distribution_date = fields.Datetime(readonly=True, copy=False)
    corrective_action_ids = fields.One2many(
        "customer.corrective.action", "campaign_id", string="Corrective Actions"
    )

    _target_range = models.Constraint(
        "CHECK(target_score >= 0 AND target_score <= 10)",
        "A target score lies between 0 and 10.",
    )
    _year_range = models.Constraint(
        "CHECK(year >= 2000 AND year <= 2200)", "Enter a realistic year."
    )

    @api.depends("user_input_ids.state")
    def _compute_response_stats(self):
        groups = self.env["survey.user_input"]._read_group(
            [("customer_campaign_id", "in", self.ids)],
            groupby=["customer_campaign_id", "state"],
            aggregates=["__count"],
        )
        stats = {}
        for campaign, state, count in groups:
            invited, done = stats.get(campaign.id, (0, 0))
            stats[campaign.id] = (invited + count, done + (count if state == "done" else 0))
        for campaign in self:
            invited, done = stats.get(campaign.id, (0, 0))
            campaign.invitation_count = invited
            campaign.response_count = done
            campaign.response_rate = 100.0 * done / invited if invited else 0.0

    @api.depends("scope_department_ids", "year", "user_input_ids.state")
    def _compute_coverage(self):
        # Coverage is a ratio over the active files in scope; the office
        # counts them without opening any.
        file_sudo = self.env["customer.file"].sudo()
        for campaign in self:
            files = file_sudo.search(campaign._get_scope_file_domain())
            answered = self.env["survey.user_input"]._read_group(
                [
                    ("customer_campaign_id.year", "=", campaign.year),
                    ("state", "=", "done"),
                    ("partner_id", "in", files.partner_id.ids),
                ],
                groupby=["partner_id"],
            )
            covered = len(answered)
            campaign.coverage = 100.0 * covered / len(files) if files else 0.0

    def _get_scope_file_domain(self):
        self.ensure_one()
        domain = [("active", "=", True)]
        if self.scope_department_ids:
            domain.append(("department_id", "in", self.scope_department_ids.ids))
        return domain

    @api.constrains("target_score")
    def _check_target(self):
        for campaign in self:
            if not 0 <= campaign.target_score <= 10:
                raise ValidationError(self.env._("A target score lies between 0 and 10."))

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------
    @api.onchange("survey_id")
    def _onchange_survey_id(self):
        if self.survey_id and not self.line_ids:
            self.line_ids = [
                fields.Command.create({"dimension_id": dimension.id})
                for dimension in self.env["customer.survey.dimension"].search([])
            ]

    def _get_scope_partners(self):
        self.ensure_one()
        # Invitations go to the customers of the files in scope; the office
        # reads only the customer of each file, never the file itself.
        file_sudo = self.env["customer.file"].sudo()
        return file_sudo.search(self._get_scope_file_domain()).partner_id

    def action_invite(self):
        self.ensure_one()
        if self.state not in ("draft", "running"):
            raise UserError(self.env._("Invitations are sent while the survey runs."))
        if not self.line_ids.question_ids:
            raise UserError(self.env._("Map the survey questions to the dimensions first."))
        invited = self.user_input_ids.partner_id
        partners = self._get_scope_partners() - invited
        user_inputs = self.env["survey.user_input"].create(
            [
                {
                    "survey_id": self.survey_id.id,
                    "partner_id": partner.id,
                    "email": partner.email,
                    "customer_campaign_id": self.id,
                }
                for partner in partners
            ]
        )
        template = self.env.ref("survey.mail_template_user_input_invite", raise_if_not_found=False)
        with_email = user_inputs.filtered("email")
        if template and with_email:
            template.send_mail_batch(with_email.ids)
        self._workflow().state = "running"
        self.message_post(body=self.env._("%(count)s customers invited.", count=len(partners)))
        return True

    def action_compute_analysis(self):
        for campaign in self:
            if campaign.state not in ("running", "analysed"):
                raise UserError(self.env._("The analysis is computed once the survey has run."))
            campaign._workflow()._compute_analysis()
        self.filtered(lambda c: c.state == "running")._workflow().write({"state": "analysed"})
        return True

    def _compute_analysis(self):
        self.ensure_one()
        questions = self.line_ids.question_ids
        groups = self.env["survey.user_input.line"]._read_group(
            [
                ("user_input_id.customer_campaign_id", "=", self.id),
                ("user_input_id.state", "=", "done"),
                ("question_id", "in", questions.ids),
                ("skipped", "=", False),
                ("answer_type", "=", "scale"),
            ],
            groupby=["question_id", "value_scale"],
            aggregates=["__count"],
        )
        counts = defaultdict(Counter)
        for question, value, count in groups:
            counts[question.id][value] += count
        previous = self.search(
            [("year", "=", self.year - 1), ("state", "in", ("approved", "distributed"))],
            order="id desc",
            limit=1,
        )
        previous_by_dimension = {
            line.dimension_id.id: line.average_score for line in previous.line_ids
        }
        total_sum = total_count = 0
        for line in self.line_ids:
            distribution = Counter()
            for question in line.question_ids:
                distribution.update(counts[question.id])
            answers = distribution.total()
            score_sum = sum(value * count for value, count in distribution.items())
            total_sum += score_sum
            total_count += answers
            average = score_sum / answers if answers else 0.0
            line.write(
                {
                    "answer_count": answers,
                    "average_score": average,
                    "last_year_score": previous_by_dimension.get(line.dimension_id.id, 0.0),
                    "distribution": " | ".join(
                        f"{value}: {distribution[value]}" for value in sorted(distribution)
                    ),
                }
            )
        overall = total_sum / total_count if total_count else 0.0
        self.write(
            {
                "overall_score": overall,
                "last_year_score": previous.overall_score,
                "below_target": overall < self.target_score
                or any(line.below_target for line in self.line_ids),
                "analysis_date": fields.Datetime.now(),
            }
        )

    def _on_tier_approved(self):
        self._create_corrective_actions()

    def _create_corrective_actions(self):
        vals_list = []
        deadline = fields.Date.context_today(self) + timedelta(days=30)
        for campaign in self:
            common = {
                "campaign_id": campaign.id,
                "origin": "survey",
                "owner_id": campaign.user_id.id,
                "deadline": deadline,
            }
            if campaign.overall_score < campaign.target_score:
                name = self.env._(
                    "%(campaign)s: overall satisfaction below target", campaign=campaign.name
                )
                vals_list.append(dict(common, name=name))
            for line in campaign.line_ids.filtered("below_target"):
                name = self.env._(
                    "%(campaign)s: %(dimension)s below target",
                    campaign=campaign.name,
                    dimension=line.dimension_id.name,
                )
                vals_list.append(dict(common, name=name, dimension_id=line.dimension_id.id))
        self.env["customer.corrective.action"].create(vals_list)

    def action_distribute(self):
        for campaign in self:
            if campaign.state != "approved":
                raise UserError(
                    self.env._(
                        "%(name)s: the analysis is distributed once the general manager "
                        "approved it.",
                        name=campaign.name,
                    )
                )
            if not campaign.department_ids:
                raise UserError(
                    self.env._(
                        "%(name)s: choose the departments to receive the analysis.",
                        name=campaign.name,
                    )
                )
        self._workflow().write({"state": "distributed", "distribution_date": fields.Datetime.now()})
        return True


class CustomerSurveyCampaignLine(models.Model):
    _name = "customer.survey.campaign.line"
    _description = "Satisfaction Campaign Dimension"
    _inherit = ["workflow.fields.mixin"]
    _order = "sequence, id"
    _workflow_fields = (
        "answer_count",
        "average_score",
        "last_year_score",
        "distribution",
        "below_target",
        "difference",
    )

    campaign_id = fields.Many2one(
        "customer.survey.campaign", required=True, index=True, ondelete="cascade"
    )
    survey_id = fields.Many2one(related="campaign_id.survey_id")
    dimension_id = fields.Many2one("customer.survey.dimension", required=True)
    sequence = fields.Integer(related="dimension_id.sequence", store=True)
    question_ids = fields.Many2many(
        "survey.question",
        "customer_campaign_line_question_rel",
        "line_id",
        "question_id",
        string="Questions",
        domain="[('survey_id', '=', survey_id), ('question_type', '=', 'scale')]",
    )
    target_score = fields.Float(
        compute="_compute_target_score", store=True, readonly=False, precompute=True
    )
    answer_count = fields.Integer(string="Answers", readonly=True)
    average_score = fields.Float(readonly=True)
    last_year_score = fields.Float(string="Last Year", readonly=True)
    distribution = fields.Char(readonly=True, help="Number of answers per score.")
    below_target = fields.Boolean(compute="_compute_below_target", store=True)
    difference = fields.Float(string="Gap to Target", compute="_compute_below_target", store=True)

    _dimension_uniq = models.Constraint(
        "UNIQUE(campaign_id, dimension_id)", "A dimension appears once in a campaign."
    )
    _target_range = models.Constraint(
        "CHECK(target_score >= 0 AND target_score <= 10)",
        "A target score lies between 0 and 10.",
    )

    @api.depends("dimension_id")
    def _compute_target_score(self):
        for line in self:
            line.target_score = line.dimension_id.target_score

    @api.depends("average_score", "target_score", "answer_count")
    def _compute_below_target(self):
        for line in self:
            line.difference = line.average_score - line.target_score if line.answer_count else 0.0
            line.below_target = bool(line.answer_count) and line.average_score < line.target_score
