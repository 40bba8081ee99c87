import re
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import SQL, format_amount

from .tools import (
    ABSURD_VOLUME,
    as_internal,
    is_internal,
    is_top_eligible_volume,
    set_masked,
)

PHONE_RE = re.compile(r"^\+?[0-9][0-9 \-]{5,19}$")

STATES = [
    ("draft", "Draft"),
    ("to_approve", "To Approve"),
    ("approved", "Approved"),
    ("signed", "Signed"),
    ("in_progress", "In Progress"),
    ("done", "Completed"),
    ("terminated", "Terminated"),
    ("archived", "Archived"),
]

# Fields each contributing department may write on a contract it did not draft.
DEPARTMENT_FIELDS = {
    "gas_contracts.group_gas_planning": {"construction_start", "construction_end"},
    "gas_contracts.group_gas_budget": {"budget_amount"},
    "gas_contracts.group_gas_finance": {"installation_fee_paid"},
    "gas_contracts.group_gas_archive_keeper": {"archive_location"},
}
# Fields only those departments may write, whoever else edits the contract.
RESERVED_FIELDS = {
    "construction_start": "gas_contracts.group_gas_planning",
    "construction_end": "gas_contracts.group_gas_planning",
    "budget_amount": "gas_contracts.group_gas_budget",
    "installation_fee_paid": "gas_contracts.group_gas_finance",
}
# Fields that may still change once a contract has left draft.
POST_DRAFT_FIELDS = {
    "construction_start",
    "construction_end",
    "installation_fee_paid",
    "archive_location",
    "ownership_resolution",
    "note",
}
# Written by the ORM or the mail / tier mixins, never business data.
TECHNICAL_FIELDS = {
    "message_follower_ids",
    "message_main_attachment_id",
    "activity_ids",
    "review_ids",
}


class GasContract(models.Model):
    _name = "gas.contract"
    _description = "Gas Contract"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "tier.validation.guard",
        "input.guard.mixin",
        "record.lock.mixin",
        "link.guard.mixin",
    ]
    _order = "contract_date desc, id desc"
    # a contract shows its gas user and account to every reader: only readable ones are linked
    _link_guard_fields = ("partner_id", "top_account_id")
    # [GC-7] archived with its papers: nothing about it changes any more
    _lock_domain = [("state", "=", "archived")]

    _state_field = "state"
    _state_from = ["draft", "to_approve"]
    _state_to = ["approved"]
    _tier_validation_manual_config = True
    _workflow_fields = (
        "state",
        "name",
        "user_id",
        "construction_confirmed",
        "construction_confirmed_by",
        "ownership_resolved_by",
        "archive_number",
        "archive_date",
        "termination_reason",
        "review_ids",
        "validation_status",
        # stored computed amounts: the approval decides on them [GC-4]
        "tariff_id",
        "standard_amount",
        "expected_amount",
        "fee_difference",
        "top_eligible",
    )

    name = fields.Char(
        string="Contract Number",
        required=True,
        readonly=True,
        copy=False,
        default="/",
        index=True,
    )
    title = fields.Char(string="Contract Title", required=True, tracking=True)
    type_id = fields.Many2one(
        "gas.contract.type",
        string="Contract Type",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
    )
    type_kind = fields.Selection(related="type_id.kind", store=True, string="Kind")
    requires_construction_period = fields.Boolean(related="type_id.requires_construction_period")
    partner_id = fields.Many2one(
        "res.partner",
        string="Gas User",
        required=True,
        index=True,
        tracking=True,
        domain=lambda self: self.env["res.partner"]._get_customer_domain(),
    )
    user_category = fields.Selection(
        [
            ("residential", "Scattered Residential"),
            ("collective", "Collective Residential"),
            ("commercial", "Commercial"),
            ("industrial", "Industrial"),
            ("upstream", "Upstream Supplier"),
        ],
        required=True,
        default="residential",
        tracking=True,
    )
    normal_process = fields.Boolean(
        string="Normal Business Process",
        default=True,
        help="Scattered residential installations on the normal process are signed by "
        "business staff without approval.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Drafted by",
        default=lambda self: self.env.user,
        readonly=True,
        tracking=True,
        index=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(
        STATES,
        default="draft",
        required=True,
        tracking=True,
        index=True,
        copy=False,
        group_expand=True,
    )
    contract_date = fields.Date(default=fields.Date.context_today, required=True, tracking=True)
    date_start = fields.Date(string="Valid From")
    date_end = fields.Date(string="Valid To")
    note = fields.Html(string="Main Terms")

    # [GC-2] collective users
    contact_name = fields.Char(tracking=True)
    contact_phone = fields.Char(
        string="Full Contact Phone", groups="gas_contracts.group_gas_query_technical"
    )
    contact_phone_display = fields.Char(
        string="Contact Phone", compute="_compute_contact_phone_display"
    )
    # [GC-2] construction period, measured and confirmed by planning and construction
    construction_start = fields.Date(tracking=True)
    construction_end = fields.Date(tracking=True)
    construction_confirmed = fields.Boolean(readonly=True, copy=False, tracking=True)
    construction_confirmed_by = fields.Many2one("res.users", readonly=True, copy=False)
    # [GC-2] instalments
    payment_mode = fields.Selection(
        [("lump_sum", "Lump Sum"), ("instalment", "Instalments")],
        default="lump_sum",
        required=True,
        tracking=True,
    )
    instalment_ids = fields.One2many("gas.contract.instalment", "contract_id", copy=True)
    # [GC-2] property-ownership disputes of large users
    ownership_dispute = fields.Boolean(string="Property Ownership Dispute", tracking=True)
    ownership_resolution = fields.Text()
    ownership_resolved_by = fields.Many2one("res.users", readonly=True, copy=False)

    # [GC-4] fees
    quantity = fields.Integer(string="Units", default=1, help="Households or connection points.")
    tariff_id = fields.Many2one(
        "gas.tariff",
        string="Standard Fee Item",
        compute="_compute_tariff",
        store=True,
        help="Price bureau standard in force at the contract date.",
    )
    standard_amount = fields.Monetary(compute="_compute_tariff", store=True)
    budget_amount = fields.Monetary(tracking=True, help="Set by the budget department.")
    expected_amount = fields.Monetary(compute="_compute_expected_amount", store=True)
    charged_amount = fields.Monetary(tracking=True)
    fee_difference = fields.Monetary(compute="_compute_expected_amount", store=True)
    variance_ids = fields.One2many("gas.fee.variance", "contract_id", string="Fee Variances")
    installation_fee_paid = fields.Boolean(
        string="Installation Fees Settled",
        tracking=True,
        help="Set by finance. A supply contract goes to the general manager while the "
        "installation fees are unpaid.",
    )

    # [GC-6] take-or-pay and contracted volumes
    annual_quantity = fields.Float(string="Annual Contract Quantity (m³)", tracking=True)
    daily_quantity = fields.Float(string="Daily Contract Quantity (m³)", tracking=True)
    min_take_share = fields.Float(string="Minimum Take Share (%)", default=0.0, tracking=True)
    top_price = fields.Monetary(string="Take-or-Pay Price per m³", tracking=True)
    contract_year = fields.Integer(
        string="First Contract Year", default=lambda self: fields.Date.context_today(self).year
    )
    top_account_id = fields.Many2one(
        "gas.account",
        string="Metered Account",
        help="Account whose meters measure the gas taken under this take-or-pay contract.",
    )
    top_eligible = fields.Boolean(
        string="Take-or-Pay Eligible", compute="_compute_top_eligible", store=True
    )
    settlement_ids = fields.One2many("gas.top.settlement", "contract_id")

    # [GC-5] papers and accounts
    document_ids = fields.One2many("gas.contract.document", "contract_id", string="Papers")
    document_count = fields.Integer(compute="_compute_document_count")
    account_ids = fields.One2many("gas.account", "contract_id", string="Gas Accounts")
    # [GC-7] archive
    archive_number = fields.Char(readonly=True, copy=False, index=True)
    archive_date = fields.Date(readonly=True, copy=False)
    archive_location = fields.Char()
    termination_reason = fields.Text(readonly=True, copy=False)

    _quantity_positive = models.Constraint("CHECK(quantity > 0)", "Units must be at least one.")
    _fees_positive = models.Constraint(
        "CHECK(COALESCE(budget_amount, 0) >= 0 AND COALESCE(charged_amount, 0) >= 0)",
        "Fees cannot be negative.",
    )
    _volumes_positive = models.Constraint(
        "CHECK(COALESCE(annual_quantity, 0) >= 0 AND COALESCE(daily_quantity, 0) >= 0 "
        "AND COALESCE(top_price, 0) >= 0)",
        "Contract quantities and prices cannot be negative.",
    )
    _share_range = models.Constraint(
        "CHECK(min_take_share >= 0 AND min_take_share <= 100)",
        "The minimum take share must be between 0 and 100 %.",
    )
    _construction_ordered = models.Constraint(
        "CHECK(construction_end IS NULL OR construction_start IS NULL "
        "OR construction_end >= construction_start)",
        "The construction period cannot end before it starts.",
    )
    _validity_ordered = models.Constraint(
        "CHECK(date_end IS NULL OR date_start IS NULL OR date_end >= date_start)",
        "A contract cannot end before it starts.",
    )
    _state_type_index = models.Index("(state, type_id)")

    # ------------------------------------------------------------------ computes
    @api.depends("type_id", "contract_date", "quantity")
    def _compute_tariff(self):
        in_force = self.env["gas.tariff"]._get_in_force(
            [(rec.type_id.id, rec.contract_date) for rec in self if rec.contract_date]
        )
        for rec in self:
            tariff = in_force.get((rec.type_id.id, rec.contract_date), self.env["gas.tariff"])
            rec.tariff_id = tariff
            rec.standard_amount = tariff.amount * (rec.quantity or 0)

    @api.depends("standard_amount", "budget_amount", "charged_amount")
    def _compute_expected_amount(self):
        for rec in self:
            rec.expected_amount = rec.standard_amount + rec.budget_amount
            rec.fee_difference = rec.charged_amount - rec.expected_amount

    @api.depends("annual_quantity", "daily_quantity")
    def _compute_top_eligible(self):
        for rec in self:
            rec.top_eligible = is_top_eligible_volume(rec.annual_quantity, rec.daily_quantity)

    @api.depends_context("uid")
    @api.depends("contact_phone")
    def _compute_contact_phone_display(self):
        set_masked(self, "contact_phone", "gas_contracts.group_gas_query_technical")

    def _compute_document_count(self):
        counts = dict(
            self.env["gas.contract.document"]._read_group(
                [("contract_id", "in", self.ids)], ["contract_id"], ["__count"]
            )
        )
        for rec in self:
            rec.document_count = counts.get(rec, 0)

    # --------------------------------------------------------------- constraints
    @api.constrains("user_category", "contact_name", "contact_phone")
    def _check_collective_contact(self):
        # the phone carries groups=: a constraint checks the stored data whichever
        # query level the writer has
        for rec_sudo in self.sudo():
            phone = (rec_sudo.contact_phone or "").strip()
            if rec_sudo.user_category == "collective" and not (
                (rec_sudo.contact_name or "").strip() and phone
            ):
                raise ValidationError(
                    self.env._(
                        "Contract %(name)s is for a collective user: a contact name and "
                        "phone are required.",
                        name=rec_sudo.display_name,
                    )
                )
            if phone and not PHONE_RE.match(phone):
                raise ValidationError(
                    self.env._("%(phone)s is not a valid phone number.", phone=phone)
                )

    @api.constrains("annual_quantity", "daily_quantity", "type_kind", "user_category")
    def _check_volumes(self):
        for rec in self:
            if max(rec.annual_quantity, rec.daily_quantity) > ABSURD_VOLUME:
                raise ValidationError(
                    self.env._(
                        "The contract quantities of %(name)s are not plausible.",
                        name=rec.display_name,
                    )
                )
            if (
                rec.daily_quantity
                and rec.annual_quantity
                and (rec.daily_quantity > rec.annual_quantity)
            ):
                raise ValidationError(
                    self.env._(
                        "The daily quantity of %(name)s exceeds its annual quantity.",
                        name=rec.display_name,
                    )
                )
            if (
                rec.type_kind == "take_or_pay"
                and rec.user_category != "upstream"
                and not rec.top_eligible
            ):
                raise ValidationError(
                    self.env._(
                        "Take-or-pay contracts are for users of at least 3,000,000 m³ a "
                        "year or 10,000 m³ a day, or upstream suppliers; %(name)s does not "
                        "reach either quantity.",
                        name=rec.display_name,
                    )
                )

    @api.constrains("contract_year")
    def _check_contract_year(self):
        for rec in self:
            if rec.type_kind == "take_or_pay" and not 2000 <= rec.contract_year <= 2100:
                raise ValidationError(
                    self.env._("%(year)s is not a valid contract year.", year=rec.contract_year)
                )

    # ---------------------------------------------------------------- ORM hooks
    @api.model_create_multi
    def create(self, vals_list):
        types = self.env["gas.contract.type"].browse(
            [vals["type_id"] for vals in vals_list if vals.get("type_id")]
        )
        self._check_take_or_pay_drafter(types.mapped("kind"))
        codes = {t.id: t.code for t in types}
        numbers = iter(
            self._next_contract_numbers(
                sum(1 for vals in vals_list if vals.get("name", "/") == "/")
            )
        )
        # the drafter (user_id, by default whoever creates) decides who may approve
        self._check_workflow_values(vals_list)
        if not self.env.su:
            # a department sets its fields itself, never through a client's default
            self = self.with_context(  # pylint: disable=context-overridden
                {
                    key: value
                    for key, value in self.env.context.items()
                    if key.removeprefix("default_") not in RESERVED_FIELDS
                }
            )
        for vals in vals_list:
            self._check_reserved_fields(vals, creating=True)
            if vals.get("name", "/") == "/":
                vals["name"] = f"{codes.get(vals.get('type_id'), 'GC')}-{next(numbers)}"
        # the numbers just stamped are the workflow's: the client's values are checked above
        return super(GasContract, as_internal(self)).create(vals_list).with_env(self.env)

    def _message_auto_subscribe_followers(self, updated_values, default_subtype_ids):
        # the drafter is the creator, whom mail.thread already subscribed for the whole
        # batch: subscribing him again as "responsible" costs one query per contract
        if (
            updated_values.get("user_id") == self.env.uid
            and not self.env.context.get("mail_create_nosubscribe")
            and self.create_uid == self.env.user
        ):
            updated_values = dict(updated_values, user_id=False)
        return super()._message_auto_subscribe_followers(updated_values, default_subtype_ids)

    @api.model
    def _next_contract_numbers(self, count):
        """``count`` numbers of the contract sequence, drawn in one query.

        ``next_by_code`` searches the sequence and calls nextval() once per contract:
        two queries per record when contracts are created by the thousand.
        """
        if not count:
            return []
        sequence = self.env["ir.sequence"].search(
            [("code", "=", "gas.contract"), ("company_id", "in", [self.env.company.id, False])],
            order="company_id",
            limit=1,
        )
        if not sequence:
            return ["0"] * count
        if sequence.implementation != "standard" or sequence.use_date_range or count == 1:
            return [sequence._next() for _i in range(count)]
        self.env.cr.execute(
            SQL(
                "SELECT nextval(%s) FROM generate_series(1, %s)",
                f"ir_sequence_{sequence.id:03d}",
                count,
            )
        )
        numbers = sorted(number for (number,) in self.env.cr.fetchall())
        return [sequence.get_next_char(number) for number in numbers]

    def write(self, vals):
        if is_internal(self.env):
            return super().write(vals)
        self._check_external_write(vals)
        res = super().write(vals)
        if {"construction_start", "construction_end"} & vals.keys():
            # a changed period needs planning to confirm it again
            as_internal(self).write(
                {"construction_confirmed": False, "construction_confirmed_by": False}
            )
        return res

    @api.private
    def _check_external_write(self, vals):
        if "type_id" in vals:
            new_type = self.env["gas.contract.type"].browse(vals["type_id"])
            self._check_take_or_pay_drafter([new_type.kind, *self.mapped("type_kind")])
        self._check_reserved_fields(vals)
        business = set(vals) - TECHNICAL_FIELDS
        late = self.filtered(lambda c: c.state != "draft")
        if late and business - POST_DRAFT_FIELDS:
            raise UserError(
                self.env._(
                    "Contract %(name)s has left draft; its terms can no longer be changed "
                    "(%(fields)s).",
                    name=late[0].name,
                    fields=", ".join(
                        self._fields[f].string for f in sorted(business - POST_DRAFT_FIELDS)
                    ),
                )
            )
        if late.filtered(lambda c: c.state not in ("draft", "to_approve", "approved")) and (
            {"construction_start", "construction_end"} & business
        ):
            raise UserError(self.env._("The construction period is fixed once signed."))

    @api.private
    def _check_reserved_fields(self, vals, creating=False):
        user = self.env.user
        if self.env.su:
            return
        for fname, group in RESERVED_FIELDS.items():
            if fname in vals and not user.has_group(group):
                if creating and not vals[fname]:
                    continue
                raise AccessError(
                    self.env._(
                        "Only %(department)s may set %(field)s.",
                        department=self.env.ref(group).name,
                        field=self._fields[fname].string,
                    )
                )
        if creating:
            return
        if not user.has_group("gas_contracts.group_gas_contracts_user"):
            allowed = set().union(
                *(fnames for group, fnames in DEPARTMENT_FIELDS.items() if user.has_group(group))
            )
            refused = set(vals) - allowed - TECHNICAL_FIELDS
            if refused:
                raise AccessError(
                    self.env._(
                        "Your department may not change %(fields)s on gas contracts.",
                        fields=", ".join(self._fields[f].string for f in sorted(refused)),
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_past_draft(self):
        past = self.filtered(lambda c: c.state != "draft")
        if past:
            raise UserError(
                self.env._(
                    "Contracts past draft are kept for the archive and cannot be deleted: "
                    "%(names)s.",
                    names=", ".join(past.mapped("name")),
                )
            )

    def unlink(self):
        return super(GasContract, as_internal(self)).unlink()

    @api.model
    def _check_take_or_pay_drafter(self, kinds):
        if "take_or_pay" in kinds and not (
            self.env.su or self.env.user.has_group("gas_contracts.group_gas_operations_vp")
        ):
            raise AccessError(
                self.env._("Only the operations vice-president may draft a take-or-pay contract.")
            )

    # ------------------------------------------------------------- tier routing
    @api.model
    def _get_under_validation_exceptions(self):
        # departments keep contributing while a contract waits for approval, and planning
        # confirms the construction period
        confirmation = ["construction_confirmed", "construction_confirmed_by"]
        return super()._get_under_validation_exceptions() + [*POST_DRAFT_FIELDS, *confirmation]

    def _tier_validation_check_write_allowed(self, vals):
        # the workflow's own transitions are checked by the actions that make them;
        # skipping the mixin's field-exception lookup keeps it off the per-record path
        if is_internal(self.env):
            return None
        return super()._tier_validation_check_write_allowed(vals)

    def _get_drafters(self):
        return self.user_id | self.create_uid

    def _compute_need_validation(self):
        # one search for the whole batch instead of one per record
        definitions = self._get_tier_definitions()
        matching = self._match_tier_definitions(definitions)
        for rec in self:
            rec.need_validation = (
                isinstance(rec.id, int)
                and not rec.review_ids
                and rec.state in self._state_from
                and bool(matching.get(rec.id))
            )

    @api.private
    def _get_tier_definitions(self):
        return self.env["tier.definition"].search(
            [
                ("model", "=", self._name),
                ("company_id", "in", [False, *self.company_id.ids, *self.env.companies.ids]),
            ],
            order="sequence desc",
        )

    @api.private
    def _match_tier_definitions(self, definitions):
        """{contract id: [definitions]} evaluated on the whole batch per definition."""
        matching = {}
        for definition in definitions:
            for rec in self.evaluate_tier(definition):
                if not definition.company_id or definition.company_id == rec.company_id:
                    matching.setdefault(rec.id, []).append(definition)
        return matching

    @api.private
    def evaluate_tier(self, tier):
        # takes a tier.definition record: only the routing calls it, never a client
        return super().evaluate_tier(tier)

    def request_validation(self):
        """Batched version of the mixin's: a constant number of queries for any batch."""
        if not is_internal(self.env):
            # a client asking again could put a refused contract back on its route
            raise UserError(self.env._("Approval of a gas contract is requested by submitting it."))
        # reviews are requested by submitting: only contracts waiting for approval
        candidates = self.filtered(lambda r: r.state == "to_approve" and not r.review_ids)
        matching = candidates._match_tier_definitions(candidates._get_tier_definitions())
        vals_list = []
        for rec in candidates:
            for sequence, definition in enumerate(matching.get(rec.id, []), start=1):
                vals_list.append(rec._prepare_tier_review_vals(definition, sequence))
        reviews = as_internal(self.env["tier.review"]).create(vals_list)
        reviews._update_review_status()
        self._notify_review_requested(reviews)
        return reviews

    def _notify_review_requested(self, tier_reviews):
        # The mixin filters the whole batch of reviews for each contract: quadratic in
        # the batch (a million lambdas for 1,000 contracts). Hand each contract its own
        # reviews, and only the contracts with reviews to notify.
        review_ids = defaultdict(list)
        for review in tier_reviews.filtered("definition_id.notify_on_create"):
            review_ids[review.res_id].append(review.id)
        for contract in self.filtered(lambda c: c.id in review_ids):
            super(GasContract, contract)._notify_review_requested(
                tier_reviews.browse(review_ids[contract.id])
            )
        return None

    @api.model
    def _search_can_review(self, operator, value):
        # The mixin searches the contracts with an open review of the user, then computes
        # can_review on every match: six more queries for the "to review" list, twice
        # when the list is counted. The reviews' stored can_review already applies the
        # approval sequence (only the lowest pending sequence may act): the domain
        # decides alone, in the list's own query.
        return Domain(
            "review_ids",
            "any",
            [
                ("reviewer_ids", "=", self.env.user.id),
                ("status", "in", ["pending", "waiting"]),
                ("can_review", "=", True),
            ],
        ) & Domain("validation_status", "!=", "rejected")

    def validate_tier(self):
        res = super().validate_tier()
        self._approve_if_validated()
        return res

    def restart_validation(self):
        """Reset the reviews and route the contracts again.

        Internally this is a step of going back to draft. A client restarting the route
        of a contract that stays on approval must be one of its current reviewers: a
        drafter could otherwise wipe a refusal or the reviews of other tiers.
        """
        if is_internal(self.env):
            return super().restart_validation()
        self._check_decider()
        super(GasContract, as_internal(self)).restart_validation()
        self._route_for_approval()
        return True

    def action_approve(self):
        """Move contracts whose every review is approved to approved."""
        self._approve_if_validated()
        return True

    @api.private
    def _approve_if_validated(self):
        validated = self.filtered(
            lambda c: c.state == "to_approve" and c.validation_status == "validated"
        )
        if validated:
            validated._do_approve()

    # ------------------------------------------------------------------ checks
    @api.private
    def _get_fee_errors(self):
        """Every reason the fees of these contracts are refused, in one pass."""
        errors = []
        installs = self.filtered(lambda c: c.type_kind == "installation")
        if not installs:
            return errors
        self.env.add_to_compute(self._fields["tariff_id"], installs)
        approved_variances = self.env["gas.fee.variance"].search(
            [("contract_id", "in", installs.ids), ("state", "=", "approved")]
        )
        for rec in installs:
            if rec.expected_amount <= 0:
                errors.append(
                    self.env._(
                        "%(name)s: no price bureau standard is in force for %(type)s on "
                        "%(date)s and the budget department has set no amount.",
                        name=rec.name,
                        type=rec.type_id.name,
                        date=rec.contract_date,
                    )
                )
                continue
            if rec.currency_id.compare_amounts(rec.charged_amount, rec.expected_amount) == 0:
                continue
            variance = approved_variances.filtered(
                lambda v, c=rec: (
                    v.contract_id == c
                    and c.currency_id.compare_amounts(v.amount, c.charged_amount) == 0
                )
            )
            if not variance:
                errors.append(
                    self.env._(
                        "%(name)s charges %(charged)s but the standard and budget amount "
                        "is %(expected)s; charging more or less needs an approved fee "
                        "variance.",
                        name=rec.name,
                        charged=format_amount(self.env, rec.charged_amount, rec.currency_id),
                        expected=format_amount(self.env, rec.expected_amount, rec.currency_id),
                    )
                )
        return errors

    @api.private
    def _get_submit_errors(self):
        errors = []
        for rec in self:
            if rec.state != "draft":
                errors.append(self.env._("%(name)s is not a draft.", name=rec.name))
            if rec.payment_mode == "instalment":
                lines = rec.instalment_ids
                if len(lines) < 2:
                    errors.append(
                        self.env._(
                            "%(name)s is paid in instalments: list at least two "
                            "instalments with their deadline, amount and installation step.",
                            name=rec.name,
                        )
                    )
                elif rec.type_kind == "installation" and rec.currency_id.compare_amounts(
                    sum(lines.mapped("amount")), rec.charged_amount
                ):
                    errors.append(
                        self.env._(
                            "%(name)s: the instalments add up to %(total)s, not the "
                            "charged amount %(charged)s.",
                            name=rec.name,
                            total=format_amount(
                                self.env, sum(lines.mapped("amount")), rec.currency_id
                            ),
                            charged=format_amount(self.env, rec.charged_amount, rec.currency_id),
                        )
                    )
            if rec.type_kind == "take_or_pay" and not (
                rec.annual_quantity and rec.min_take_share and rec.top_price
            ):
                errors.append(
                    self.env._(
                        "%(name)s: a take-or-pay contract needs its annual quantity, "
                        "minimum take share and price.",
                        name=rec.name,
                    )
                )
        return errors + self._get_fee_errors()

    # ----------------------------------------------------------------- actions
    @api.private
    def _check_business_staff(self):
        """Departments that only contribute fields (planning, finance, budget, archive)
        have write access but do not move a contract through its workflow."""
        if not (self.env.su or self.env.user.has_group("gas_contracts.group_gas_contracts_user")):
            raise AccessError(
                self.env._("Only business staff move gas contracts through their workflow.")
            )

    def action_submit(self):
        """Send drafts on their approval route; contracts that need none are approved."""
        self._check_business_staff()
        # the batch in one query per table, not one per 1,000 records the ORM prefetches
        self.fetch()
        self.fetch(["review_ids"])
        errors = self._get_submit_errors()
        if errors:
            raise UserError("\n".join(errors))
        # the state change is logged in one batch rather than tracked record by record
        as_internal(self).with_context(mail_notrack=True).write({"state": "to_approve"})
        self._route_for_approval()
        return True

    @api.private
    def _route_for_approval(self):
        """Request the reviews of contracts waiting for approval; approve those needing none."""
        reviews = as_internal(self).with_context(mail_notrack=True).request_validation()
        routed = set(reviews.mapped("res_id"))
        direct = self.filtered(lambda c: c.id not in routed)
        if self - direct:
            (self - direct)._message_log_batch(
                dict.fromkeys((self - direct).ids, self.env._("Submitted for approval."))
            )
        if direct:
            direct._message_log_batch(
                dict.fromkeys(direct.ids, self.env._("Approved: this contract needs no review."))
            )
            direct.with_context(mail_notrack=True)._do_approve()

    @api.private
    def _do_approve(self):
        for rec in self:
            reviews = rec.review_ids
            drafters = rec._get_drafters()
            if reviews.filtered(lambda r, d=drafters: r.done_by in d):
                raise UserError(
                    self.env._(
                        "Contract %(name)s was approved by its drafter; it cannot be approved.",
                        name=rec.name,
                    )
                )
        as_internal(self).write({"state": "approved"})

    def action_draft(self):
        """Withdraw contracts waiting for approval to correct them and submit them again."""
        user = self.env.user
        for rec in self:
            if not (self.env.su or user in rec._get_drafters() or rec.can_review):
                raise AccessError(
                    self.env._(
                        "Contract %(name)s: only its drafter or a current reviewer can put "
                        "it back to draft.",
                        name=rec.name,
                    )
                )
            if rec.state != "to_approve":
                raise UserError(
                    self.env._(
                        "Only contracts waiting for approval go back to draft: %(name)s.",
                        name=rec.name,
                    )
                )
        internal = as_internal(self)
        internal.restart_validation()
        internal.write({"state": "draft"})
        return True

    def action_confirm_construction(self):
        if not self.env.user.has_group("gas_contracts.group_gas_planning"):
            raise AccessError(
                self.env._("Only planning and construction confirm a construction period.")
            )
        for rec in self:
            if rec.state not in ("draft", "to_approve", "approved"):
                raise UserError(self.env._("%(name)s is already signed.", name=rec.name))
            if not (rec.construction_start and rec.construction_end):
                raise UserError(
                    self.env._(
                        "%(name)s: enter the construction start and end first.", name=rec.name
                    )
                )
        as_internal(self).write(
            {"construction_confirmed": True, "construction_confirmed_by": self.env.uid}
        )
        return True

    def action_resolve_ownership(self):
        if not self.env.user.has_group("gas_contracts.group_gas_operations_vp"):
            raise AccessError(
                self.env._("Property ownership disputes are settled by the operations VP.")
            )
        for rec in self:
            if not (rec.ownership_resolution or "").strip():
                raise UserError(
                    self.env._("%(name)s: record how the dispute was settled.", name=rec.name)
                )
        as_internal(self).write({"ownership_resolved_by": self.env.uid})
        return True

    def action_sign(self):
        self._check_business_staff()
        errors = []
        is_gm = self.env.user.has_group("gas_contracts.group_gas_general_manager")
        for rec in self:
            if rec.state != "approved":
                errors.append(self.env._("%(name)s is not approved.", name=rec.name))
            if rec.type_kind == "take_or_pay" and (
                not is_gm or self.env.user in rec._get_drafters()
            ):
                errors.append(
                    self.env._(
                        "%(name)s is a take-or-pay contract: the general manager signs it.",
                        name=rec.name,
                    )
                )
            if rec.requires_construction_period and not rec.construction_confirmed:
                errors.append(
                    self.env._(
                        "%(name)s: planning and construction must confirm the construction "
                        "period before signing.",
                        name=rec.name,
                    )
                )
            if rec.ownership_dispute and not rec.ownership_resolved_by:
                errors.append(
                    self.env._(
                        "%(name)s: the operations VP must settle the property ownership "
                        "dispute before signing.",
                        name=rec.name,
                    )
                )
        errors += self._get_fee_errors()
        if errors:
            raise UserError("\n".join(errors))
        as_internal(self).write({"state": "signed", "date_start": fields.Date.context_today(self)})
        return True

    def action_start(self):
        self._check_business_staff()
        if self.filtered(lambda c: c.state != "signed"):
            raise UserError(self.env._("Only signed contracts can start."))
        as_internal(self).write({"state": "in_progress"})
        return True

    def action_done(self):
        self._check_business_staff()
        if self.filtered(lambda c: c.state != "in_progress"):
            raise UserError(self.env._("Only contracts in progress can be completed."))
        as_internal(self).write({"state": "done", "date_end": fields.Date.context_today(self)})
        return True

    def action_terminate(self, reason=None):
        self._check_business_staff()
        if self.filtered(lambda c: c.state not in ("signed", "in_progress")):
            raise UserError(self.env._("Only signed contracts in force can be terminated."))
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason the contract is no longer performed."))
        as_internal(self).write({"state": "terminated", "termination_reason": reason})
        return True

    def action_open_terminate_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Terminate Contract"),
            "res_model": "gas.contract.terminate.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_contract_id": self.id},
        }

    def action_archive_papers(self):
        """Hand completed or terminated contracts to the archive, by number."""
        if not self.env.user.has_group("gas_contracts.group_gas_archive_keeper"):
            raise AccessError(self.env._("Only archive keepers archive contracts."))
        wrong = self.filtered(lambda c: c.state not in ("done", "terminated"))
        if wrong:
            raise UserError(
                self.env._(
                    "Only completed or terminated contracts are archived: %(names)s.",
                    names=", ".join(wrong.mapped("name")),
                )
            )
        today = fields.Date.context_today(self)
        self.activity_ids.unlink()
        for rec in self.sorted("name"):
            number = self.env["ir.sequence"].next_by_code("gas.contract.archive")
            # logged before the lock: nothing is posted on an archived contract
            rec.message_post(body=self.env._("Archived under number %(number)s.", number=number))
            as_internal(rec).with_context(mail_notrack=True).write(
                {"state": "archived", "archive_number": number, "archive_date": today}
            )
        accounts = self.account_ids.filtered(lambda a: a.state == "closed")
        if accounts:
            accounts._do_archive()
        return True

    def action_open_account(self):
        """Open the gas user account of a signed supply contract [GC-5]."""
        self.ensure_one()
        self._check_business_staff()
        if self.type_kind != "supply" or self.state not in ("signed", "in_progress"):
            raise UserError(self.env._("Only signed supply contracts open a gas account."))
        self._check_opening_papers()
        account = self.env["gas.account"].create(
            {
                "contract_id": self.id,
                "partner_id": self.partner_id.id,
                "street": self.partner_id.street,
                "city": self.partner_id.city,
            }
        )
        if self.state == "signed":
            as_internal(self).write({"state": "in_progress"})
        return {
            "type": "ir.actions.act_window",
            "res_model": "gas.account",
            "res_id": account.id,
            "view_mode": "form",
        }

    @api.private
    def _check_opening_papers(self):
        """Refuse to open an account without the gas supply notice and acceptance drawings."""
        self.ensure_one()
        kinds = set(self.document_ids.filtered("file").mapped("kind"))
        kind_field = self.env["gas.contract.document"]._fields["kind"]
        labels = dict(kind_field._description_selection(self.env))
        required = ("supply_notice", "acceptance_drawing")
        missing = [labels[kind] for kind in required if kind not in kinds]
        if missing:
            raise UserError(
                self.env._(
                    "Contract %(name)s cannot open an account; attach first: %(papers)s.",
                    name=self.name,
                    papers=", ".join(missing),
                )
            )

    def action_view_documents(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Papers"),
            "res_model": "gas.contract.document",
            "view_mode": "list,form",
            "domain": [("contract_id", "=", self.id)],
            "context": {"default_contract_id": self.id},
        }

    # --------------------------------------------------------------- [GC-6]
    def action_settle_year(self, year):
        """Create (or refresh) the take-or-pay settlements of ``year`` in one batch."""
        return self.env["gas.top.settlement"]._settle(self, year)
