from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

COMPLAINT_STATES = [
    ("received", "Received"),
    ("handling", "Handling"),
    ("approved", "Result Approved"),
    ("replied", "Replied"),
    ("cancelled", "Cancelled"),
]
# Fields that make up the approved result: frozen once the general manager approved it.
RESULT_FIELDS = (
    "result",
    "production_result",
    "kind",
    "partner_id",
    "description",
    "department_id",
)
REPLY_FIELDS = ("reply_date", "replied_by_id")
OFFICE_GROUP = "customer_records.group_customer_records_office"
# What the head of the production department records on a quality complaint he does not
# otherwise handle (篇二 7.2): his department's part, nothing else.
PRODUCTION_HEAD_FIELDS = ("production_result",)
PRODUCTION_PART_ACTIVITY = "customer_records.mail_act_complaint_production_part"


class CustomerComplaint(models.Model):
    _name = "customer.complaint"
    _description = "Customer Complaint"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "customer.file.link.mixin",
        "customer.records.tier.mixin",
        "outbound.message.mixin",
        "record.lock.mixin",
    ]
    _order = "received_date desc, id desc"
    # the result approved by the general manager is frozen; the reply and the talk go on
    _lock_domain = [("state", "in", ("approved", "replied"))]
    _lock_fields = RESULT_FIELDS
    # Nothing leaves the company before the general manager approved the result, and only
    # the office writes to the customer (reply, chatter, composer, templates, scheduled mail).
    _outbound_domain = [("state", "in", ("approved", "replied"))]
    _outbound_group = OFFICE_GROUP
    _workflow_fields = (
        "state",
        *REPLY_FIELDS,
        "review_ids",
        "validation_status",
    )
    _state_field = "state"
    _state_from = ["handling"]
    _state_to = ["approved"]
    _cancel_state = "cancelled"

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/", index=True
    )
    subject = fields.Char(required=True, tracking=True)
    kind = fields.Selection(
        [
            ("quality", "Service Quality Below Standard"),
            ("service", "Dissatisfaction in the Service Process"),
        ],
        required=True,
        default="service",
        tracking=True,
        help="Quality complaints are handled jointly with the production department.",
    )
    department_id = fields.Many2one(
        "customer.department", string="Receiving Department", required=True, tracking=True
    )
    production_department_id = fields.Many2one(
        "customer.department",
        compute="_compute_production_department_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Handled By",
        default=lambda self: self.env.user,
        required=True,
        index=True,
        tracking=True,
    )
    received_date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    deadline = fields.Date(tracking=True)
    is_overdue = fields.Boolean(compute="_compute_is_overdue", search="_search_is_overdue")
    description = fields.Text(required=True)
    result = fields.Text(string="Handling Result", tracking=True)
    is_production_head_only = fields.Boolean(compute="_compute_is_production_head_only")
    production_result = fields.Text(
        string="Production Department's Part",
        tracking=True,
        help="Recorded by the head of the production department on a quality complaint; the "
        "general manager approves it with the handling result.",
    )
    state = fields.Selection(
        COMPLAINT_STATES,
        default="received",
        required=True,
        tracking=True,
        index=True,
        copy=False,
        group_expand=True,
    )
    reply_text = fields.Text(string="Reply to the Customer")
    reply_date = fields.Datetime(readonly=True, copy=False)
    replied_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    corrective_action_ids = fields.One2many(
        "customer.corrective.action", "complaint_id", string="Corrective Actions"
    )

    _deadline_check = models.Constraint(
        "CHECK(deadline IS NULL OR deadline >= received_date)",
        "The deadline cannot precede the date the complaint was received.",
    )

    @api.depends("kind")
    def _compute_production_department_id(self):
        production = self.env["customer.department"].search([("kind", "=", "production")], limit=1)
        for complaint in self:
            if complaint.kind == "quality" and not complaint.production_department_id:
                complaint.production_department_id = production
            elif complaint.kind != "quality":
                complaint.production_department_id = False

    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for complaint in self:
            complaint.is_overdue = bool(
                complaint.deadline
                and complaint.deadline < today
                and complaint.state in ("received", "handling")
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        domain = [
            ("deadline", "<", fields.Date.context_today(self)),
            ("state", "in", ("received", "handling")),
        ]
        positive = (operator == "=") == value
        return domain if positive else ["!", "&", *domain]

    @api.constrains("received_date", "deadline")
    def _check_deadline(self):
        for complaint in self:
            if complaint.deadline and complaint.deadline < complaint.received_date:
                raise ValidationError(
                    self.env._("The deadline cannot precede the date the complaint was received.")
                )

    @api.constrains("kind", "production_department_id")
    def _check_production_department(self):
        for complaint in self:
            if complaint.kind == "quality" and not complaint.production_department_id:
                raise ValidationError(
                    self.env._(
                        "A quality complaint is handled jointly with the production department: "
                        "choose it."
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("customer.complaint") or "/"
        complaints = super().create(vals_list)
        complaints._schedule_deadline_activities()
        complaints._schedule_production_part_activities()
        return complaints

    def _schedule_deadline_activities(self):
        """The handler gets a to-do due on the complaint's deadline, in one batch."""
        self.env["mail.activity"]._create_todos(
            (
                complaint,
                complaint.user_id,
                # in the handler's language, whoever records the complaint
                self.with_context(lang=complaint.user_id.lang).env._("Handle the complaint"),
                complaint.deadline,
            )
            for complaint in self.filtered("deadline")
        )

    def _schedule_production_part_activities(self):
        """The head of the production department is asked, once, to record his department's
        part of each quality complaint being handled; in one batch."""
        activity_type = self.env.ref(PRODUCTION_PART_ACTIVITY)
        to_ask = self.filtered(
            lambda c: (
                c.kind == "quality"
                and c.state in ("received", "handling")
                and c.production_department_id.manager_id
                and not c.production_result
            )
        )
        asked = {
            (activity.res_id, activity.user_id)
            for activity in to_ask.activity_ids
            if activity.activity_type_id == activity_type
        }
        vals_list = []
        for complaint in to_ask:
            head = complaint.production_department_id.manager_id
            if (complaint.id, head) in asked:
                continue
            vals_list.append(
                {
                    "res_model_id": self.env["ir.model"]._get_id(self._name),
                    "res_id": complaint.id,
                    "activity_type_id": activity_type.id,
                    "user_id": head.id,
                    # in the head's language, whoever handles the complaint
                    "summary": self.with_context(lang=head.lang).env._(
                        "Record the production department's part of quality complaint %(name)s",
                        name=complaint.name,
                    ),
                    "date_deadline": complaint.deadline or activity_type._get_date_deadline(),
                }
            )
        self.env["mail.activity"].create(vals_list)

    def _close_production_part_activities(self):
        """The head's request is done once his department's part is recorded."""
        activity_type = self.env.ref(PRODUCTION_PART_ACTIVITY)
        self.filtered(lambda c: (c.production_result or "").strip()).activity_ids.filtered(
            lambda a: a.activity_type_id == activity_type
        ).action_done()

    def write(self, vals):
        if not self.env.su:
            self._check_write_allowed(vals)
        res = super().write(vals)
        if "production_result" in vals:
            self._close_production_part_activities()
        if {"kind", "production_department_id", "state"} & vals.keys():
            self._schedule_production_part_activities()
        return res

    @api.depends_context("uid")
    @api.depends("production_department_id.manager_id", "user_id", "file_id.keeper_id")
    def _compute_is_production_head_only(self):
        """The form shows the production head only his department's part as editable."""
        head_only = self._get_production_head_only()
        for complaint in self:
            complaint.is_production_head_only = complaint in head_only

    @api.private
    def _get_production_head_only(self):
        """The complaints of ``self`` the current user changes only as the head of their
        production department: he neither handles them, nor keeps their customer's file,
        nor works in the office."""
        user = self.env.user
        if user.has_group(OFFICE_GROUP):
            return self.browse()
        # read as superuser: the keeper of a file the head may not open only decides what
        # he may write, it is not shown to him
        complaints_sudo = self.sudo()
        return self.browse(
            complaints_sudo.filtered(
                lambda c: (
                    c.production_department_id.manager_id == user
                    and user not in c.user_id | c.file_id.keeper_id
                )
            )._ids
        )

    def _check_write_allowed(self, vals):
        if set(vals).difference(PRODUCTION_HEAD_FIELDS) and self._get_production_head_only():
            raise UserError(
                self.env._(
                    "As head of the production department, you only record its part of the "
                    "complaint: %(field)s.",
                    field=self._fields["production_result"]._description_string(self.env),
                )
            )
        if any(c.state == "replied" for c in self) and "reply_text" in vals:
            raise UserError(self.env._("The reply has been sent and can no longer change."))
        if vals.get("state") in ("received", "cancelled") and any(
            c.state in ("approved", "replied") for c in self
        ):
            raise UserError(self.env._("An approved complaint cannot be reopened or cancelled."))

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_start_handling(self):
        self.filtered(lambda c: c.state == "received")._workflow().write({"state": "handling"})
        return True

    def action_cancel(self):
        self._workflow().write({"state": "cancelled"})
        return True

    def request_validation(self):
        self._check_can_request_validation()
        return super().request_validation()

    @api.private
    def _check_can_request_validation(self):
        """Every reason these complaints cannot go to the general manager, in one error: he
        approves a result that shows the handling and, for quality, production's part."""
        reasons = []
        for complaint in self:
            if not (complaint.result or "").strip():
                reasons.append(
                    self.env._("%(name)s: record the handling result.", name=complaint.name)
                )
            if complaint.kind == "quality" and not (complaint.production_result or "").strip():
                reasons.append(
                    self.env._(
                        "%(name)s: the production department has not recorded its part yet.",
                        name=complaint.name,
                    )
                )
        if reasons:
            raise UserError(
                "\n".join([self.env._("Not ready for the general manager's approval:"), *reasons])
            )

    def action_send_reply(self):
        errors = []
        for complaint in self:
            if complaint.state != "approved":
                errors.append(
                    self.env._(
                        "%(name)s: the result is not approved by the general manager yet.",
                        name=complaint.name,
                    )
                )
            elif not (complaint.reply_text or "").strip():
                errors.append(self.env._("%(name)s: write the reply first.", name=complaint.name))
        if errors:
            raise UserError("\n".join(errors))
        self._workflow().write(
            {
                "state": "replied",
                "reply_date": fields.Datetime.now(),
                "replied_by_id": self.env.uid,
            }
        )
        self.activity_ids.action_feedback(feedback=self.env._("Reply sent to the customer."))
        for complaint in self:
            complaint.message_post(
                body=complaint.reply_text,
                partner_ids=complaint.partner_id.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        return True

    def action_new_corrective_action(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Corrective Action"),
            "res_model": "customer.corrective.action",
            "view_mode": "form",
            "context": {
                "default_complaint_id": self.id,
                "default_name": self.subject,
                "default_origin": "complaint",
            },
        }
