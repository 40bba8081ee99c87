from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import format_date

# Changing any of these on an approved file sends it back to the sales director.
MATERIAL_FIELDS = (
    "credit_rating",
    "credit_description",
    "credit_limit",
    "contact_ids",
    "phone",
    "email",
    "website",
)
DEFAULT_REVIEW_PERIOD_DAYS = 180


class CustomerFile(models.Model):
    _name = "customer.file"
    _description = "Customer File"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "customer.records.tier.mixin",
        "input.guard.mixin",
        "read.audit.mixin",
    ]
    _order = "id desc"
    _attachments_private = True
    _state_field = "state"
    _state_from = ["draft"]
    _state_to = ["approved"]
    _cancel_state = "cancelled"
    _workflow_fields = ("state", "review_ids", "validation_status", "review_overdue")
    _tier_validation_company_field = "company_id"
    _audit_confidential = True
    _audit_keeper_field = "keeper_id"
    # A list of names or a many2one label does not open the file.
    _audit_identifying_fields = ("id", "display_name", "name", "partner_id")

    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
    )
    name = fields.Char(related="partner_id.name", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    department_id = fields.Many2one(
        "customer.department", string="Owning Department", tracking=True, index=True
    )
    keeper_id = fields.Many2one(
        "res.users",
        default=lambda self: self.env.user,
        required=True,
        tracking=True,
        index=True,
    )
    active = fields.Boolean(default=True)
    state = fields.Selection(
        [("draft", "Draft"), ("approved", "Approved")],
        default="draft",
        required=True,
        tracking=True,
        index=True,
        copy=False,
        group_expand=True,
    )
    phone = fields.Char(
        compute="_compute_contact_details", store=True, readonly=False, precompute=True
    )
    email = fields.Char(
        compute="_compute_contact_details", store=True, readonly=False, precompute=True
    )
    website = fields.Char(
        compute="_compute_contact_details", store=True, readonly=False, precompute=True
    )
    contact_ids = fields.Many2many(
        "res.partner",
        "customer_file_contact_rel",
        "file_id",
        "partner_id",
        string="Contact Persons",
    )
    credit_rating = fields.Selection(
        [
            ("a", "A - Excellent"),
            ("b", "B - Good"),
            ("c", "C - Watch"),
            ("d", "D - Poor"),
        ],
        tracking=True,
    )
    credit_description = fields.Text(string="Credit Status")
    credit_limit = fields.Monetary(currency_field="currency_id", tracking=True)
    keeper_note = fields.Text(string="Keeper Notes")
    transaction_ids = fields.One2many("customer.transaction", "file_id", string="Transactions")
    visit_ids = fields.One2many("customer.visit", "file_id", string="Visits")
    complaint_ids = fields.One2many("customer.complaint", "file_id", string="Complaints")
    access_line_ids = fields.One2many(
        "customer.access.grant.line",
        "file_id",
        string="Access Grant Lines",
        bypass_search_access=True,
    )
    won_opportunity_count = fields.Integer(
        string="Won Opportunities", compute="_compute_crm_history"
    )
    won_revenue = fields.Monetary(currency_field="currency_id", compute="_compute_crm_history")
    transaction_amount = fields.Monetary(
        string="Recorded Transactions",
        currency_field="currency_id",
        compute="_compute_transactions",
    )
    transaction_count = fields.Integer(compute="_compute_transactions")
    grant_notice = fields.Char(compute="_compute_grant_notice")
    last_review_date = fields.Date(tracking=True, copy=False)
    review_overdue = fields.Boolean(
        index=True,
        copy=False,
        readonly=True,
        help="Set by the daily check when the file was not reviewed within the review period.",
    )

    _partner_uniq = models.Constraint(
        "UNIQUE(partner_id)", "A customer can only have one customer file."
    )
    _credit_limit_positive = models.Constraint(
        "CHECK(credit_limit IS NULL OR credit_limit >= 0)",
        "The credit limit cannot be negative.",
    )

    @api.depends("partner_id")
    def _compute_contact_details(self):
        for record in self:
            record.phone = record.partner_id.phone
            record.email = record.partner_id.email
            record.website = record.partner_id.website

    def _compute_crm_history(self):
        # The won amounts are part of the confidential file, visible to whoever
        # may read the file, also without CRM rights: read as superuser, once
        # for the whole batch.
        lead_sudo = self.env["crm.lead"].sudo()
        groups = lead_sudo._read_group(
            [
                ("partner_id", "in", self.partner_id.ids),
                ("won_status", "=", "won"),
            ],
            groupby=["partner_id"],
            aggregates=["__count", "expected_revenue:sum"],
        )
        history = {partner.id: (count, revenue) for partner, count, revenue in groups}
        for record in self:
            count, revenue = history.get(record.partner_id.id, (0, 0.0))
            record.won_opportunity_count = count
            record.won_revenue = revenue

    @api.depends("transaction_ids.amount")
    def _compute_transactions(self):
        groups = self.env["customer.transaction"]._read_group(
            [("file_id", "in", self.ids)],
            groupby=["file_id"],
            aggregates=["__count", "amount:sum"],
        )
        totals = {file.id: (count, amount) for file, count, amount in groups}
        for record in self:
            count, amount = totals.get(record.id, (0, 0.0))
            record.transaction_count = count
            record.transaction_amount = amount

    @api.constrains("keeper_id")
    def _check_keeper_is_keeper(self):
        for record in self:
            if not record.keeper_id.has_group("customer_records.group_customer_records_user"):
                raise ValidationError(
                    self.env._(
                        "%(user)s cannot keep customer files: give him a Customer Records role "
                        "first.",
                        user=record.keeper_id.name,
                    )
                )

    @api.constrains("credit_limit")
    def _check_credit_limit(self):
        for record in self:
            if record.credit_limit and record.credit_limit < 0:
                raise ValidationError(self.env._("The credit limit cannot be negative."))

    # ------------------------------------------------------------------
    # Writes: approval and material changes
    # ------------------------------------------------------------------
    def write(self, vals):
        if "partner_id" in vals and any(f.partner_id.id != vals["partner_id"] for f in self):
            raise UserError(
                self.env._("A customer file stays with its customer; open a new file instead.")
            )
        reset = self.browse()
        if "state" not in vals and any(field in vals for field in MATERIAL_FIELDS):
            reset = self.filtered(lambda f: f.state == "approved")
        if reset:
            self._check_workflow_fields(vals)
            super(CustomerFile, reset._workflow()).write(dict(vals, state="draft"))
            res = super(CustomerFile, self - reset).write(vals) if self - reset else True
            reset.message_post(
                body=self.env._(
                    "Credit or contact details changed: the file goes back to the sales "
                    "director for approval."
                )
            )
            reset.request_validation()
            return res
        return super().write(vals)

    @api.model
    def _get_under_validation_exceptions(self):
        # Keeping the file up to date (review date, notes) goes on while the
        # sales director looks at it; credit and contacts do not.
        return super()._get_under_validation_exceptions() + [
            "last_review_date",
            "review_overdue",
            "keeper_note",
            "activity_ids",
        ]

    @api.ondelete(at_uninstall=False)
    def _unlink_except_approved(self):
        if any(f.state == "approved" for f in self):
            raise UserError(self.env._("An approved customer file cannot be deleted; archive it."))

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_mark_reviewed(self):
        self.write({"last_review_date": fields.Date.context_today(self)})
        # The overdue flag belongs to the daily check; a review just recorded clears it.
        self._workflow().write({"review_overdue": False})
        return True

    def action_open_transactions(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Transactions"),
            "res_model": "customer.transaction",
            "view_mode": "list,form",
            "domain": [("file_id", "=", self.id)],
            "context": {"default_file_id": self.id},
        }

    # ------------------------------------------------------------------
    # Review period
    # ------------------------------------------------------------------
    @api.model
    def _get_review_period_days(self):
        value = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("customer_records.review_period_days", DEFAULT_REVIEW_PERIOD_DAYS)
        )
        try:
            days = int(value)
        except (TypeError, ValueError):
            days = DEFAULT_REVIEW_PERIOD_DAYS
        return max(days, 1)

    @api.model
    def _get_review_overdue_domain(self):
        limit = fields.Date.today() - timedelta(days=self._get_review_period_days())
        return Domain("active", "=", True) & (
            Domain("last_review_date", "<", limit)
            | (
                Domain("last_review_date", "=", False)
                & Domain("create_date", "<", fields.Datetime.to_string(limit))
            )
        )

    @api.model
    def _cron_flag_overdue_reviews(self):
        overdue = self.search(
            self._get_review_overdue_domain() & Domain("review_overdue", "=", False)
        )
        if not overdue:
            return
        overdue._workflow().write({"review_overdue": True})
        self.env["mail.activity"]._create_todos(
            (
                customer_file,
                customer_file.keeper_id,
                # in the keeper's language: the job runs without one
                self.with_context(lang=customer_file.keeper_id.lang).env._(
                    "Review the customer file"
                ),
                fields.Date.today(),
            )
            for customer_file in overdue
        )

    def _message_subscribe(self, partner_ids=None, subtype_ids=None, customer_ids=None):
        # Followers receive the file's messages for as long as they follow it:
        # only its permanent readers (keeper, sales director, general manager)
        # may follow, not the holder of a grant that will expire.
        if partner_ids:
            allowed = self._get_confidential_partner_ids()
            partner_ids = [pid for pid in partner_ids if pid in allowed]
        return super()._message_subscribe(
            partner_ids=partner_ids, subtype_ids=subtype_ids, customer_ids=customer_ids
        )

    def message_post(self, **kwargs):
        partner_ids = kwargs.get("partner_ids") or []
        if partner_ids and not self.env.su:
            forbidden = set(partner_ids) - self._get_confidential_partner_ids()
            if forbidden:
                names = self.env["res.partner"].browse(sorted(forbidden)).mapped("display_name")
                raise UserError(
                    self.env._(
                        "A customer file is confidential: %(names)s may not receive its messages.",
                        names=", ".join(names),
                    )
                )
        return super().message_post(**kwargs)

    @api.private
    def _get_confidential_partner_ids(self):
        """Partners who may receive the messages of all the files in self."""
        director_group = self.env.ref("customer_records.group_customer_records_director")
        # Group members are read whatever the current user's rights on groups.
        group_sudo = director_group.sudo()
        allowed = set(group_sudo.all_user_ids.partner_id.ids)
        keepers = self.keeper_id
        if len(keepers) == 1:
            allowed.add(keepers.partner_id.id)
        return allowed

    # ------------------------------------------------------------------
    # Confidentiality: every opening by someone else than the keeper is logged
    # ------------------------------------------------------------------
    @api.private
    def _grant_lines_in_force(self):
        """{file id: the current user's grant line in force for it}.

        Grant lines are not readable by their holders; only the user's own lines are read.
        """
        line_sudo = self.env["customer.access.grant.line"].sudo()
        lines = line_sudo.search_fetch(
            [("file_id", "in", self.ids), ("user_id", "=", self.env.uid), ("in_force", "=", True)],
            ["file_id", "grant_id", "date_to"],
        )
        return {line.file_id.id: line for line in lines}

    @api.private
    def _audit_grants(self):
        # the log only needs to know which approved grant allowed the opening
        return {
            file_id: f"customer.access.grant,{line.grant_id.id}"
            for file_id, line in self._grant_lines_in_force().items()
        }

    @api.depends_context("uid")
    def _compute_hide_reviews(self):
        res = super()._compute_hide_reviews()
        # a reader under a grant reads the file: its approval is not his to submit or restart
        for file in self.filtered("grant_notice"):
            file.hide_reviews = True
        return res

    @api.depends_context("uid")
    @api.depends("keeper_id")
    def _compute_grant_notice(self):
        """Said to a reader who opens the file only under an access grant, not by right."""
        by_right = self.env.user.has_group("customer_records.group_customer_records_director")
        lines = (
            {}
            if by_right
            else self.filtered(lambda f: f.keeper_id != self.env.user)._grant_lines_in_force()
        )
        for file in self:
            line = lines.get(file.id)
            file.grant_notice = line and self.env._(
                "You are viewing this file under access request %(grant)s until %(date)s. "
                "This opening is logged.",
                grant=line.grant_id.name,
                date=format_date(self.env, line.date_to),
            )
