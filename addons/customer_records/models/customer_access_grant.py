from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Domain

GRANT_STATES = [
    ("draft", "Draft"),
    ("requested", "Requested"),
    ("approved", "Approved"),
    ("refused", "Refused"),
    ("revoked", "Revoked"),
    ("expired", "Expired"),
]
# state -> states it may move to
TRANSITIONS = {
    "draft": {"requested"},
    "requested": {"approved", "refused", "draft"},
    "refused": {"draft"},
    "approved": {"revoked", "expired"},
    "revoked": set(),
    "expired": set(),
}
MANAGER_STATES = {"approved", "refused", "revoked"}


class CustomerAccessGrant(models.Model):
    _name = "customer.access.grant"
    _description = "Customer File Access Grant"
    _inherit = ["workflow.fields.mixin", "mail.thread", "mail.activity.mixin", "input.guard.mixin"]
    _order = "id desc"
    _attachments_private = True
    _workflow_fields = ("state", "approver_id", "decision_date")

    name = fields.Char(compute="_compute_name", store=True)
    requester_id = fields.Many2one(
        "res.users",
        string="Requested By",
        required=True,
        default=lambda self: self.env.user,
        index=True,
        tracking=True,
    )
    partner_ids = fields.Many2many(
        "res.partner",
        "customer_access_grant_partner_rel",
        "grant_id",
        "partner_id",
        string="Customers",
        required=True,
        domain=lambda self: self.env["res.partner"]._get_customer_domain(),
        help="The customers whose files are requested.",
    )
    purpose = fields.Text(required=True)
    date_from = fields.Date(string="From", required=True, default=fields.Date.context_today)
    date_to = fields.Date(string="To", required=True)
    state = fields.Selection(
        GRANT_STATES, default="draft", required=True, tracking=True, index=True, copy=False
    )
    approver_id = fields.Many2one("res.users", string="Decided By", readonly=True, copy=False)
    decision_date = fields.Datetime(readonly=True, copy=False)
    decision_note = fields.Text(copy=False)
    line_ids = fields.One2many("customer.access.grant.line", "grant_id", string="Files")
    file_count = fields.Integer(compute="_compute_file_count")
    is_current = fields.Boolean(
        string="In Force", compute="_compute_is_current", help="Approved and valid today."
    )

    _dates_check = models.Constraint(
        "CHECK(date_to >= date_from)", "The end of an access period cannot precede its start."
    )

    @api.depends("requester_id", "date_from", "date_to")
    def _compute_name(self):
        for grant in self:
            grant.name = self.env._(
                "%(user)s: %(start)s - %(end)s",
                user=grant.requester_id.name or "",
                start=grant.date_from or "",
                end=grant.date_to or "",
            )

    @api.depends("line_ids")
    def _compute_file_count(self):
        # Requesters may not read the lines (they name the files); the count is harmless.
        for grant in self:
            grant_sudo = grant.sudo()
            grant.file_count = len(grant_sudo.line_ids)

    @api.depends("state", "date_from", "date_to")
    @api.depends_context("uid")
    def _compute_is_current(self):
        today = fields.Date.today()
        for grant in self:
            grant.is_current = (
                grant.state == "approved"
                and grant.date_from
                and grant.date_to
                and grant.date_from <= today <= grant.date_to
            )

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for grant in self:
            if grant.date_from and grant.date_to and grant.date_to < grant.date_from:
                raise ValidationError(
                    self.env._("The end of an access period cannot precede its start.")
                )

    # ------------------------------------------------------------------
    # CRUD guards
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        grants = super().create(vals_list)
        grants._sync_lines()
        return grants

    def write(self, vals):
        self._check_workflow_fields(vals)  # before the transition rules, which it overrules
        if not self.env.su:
            self._check_write_allowed(vals)
        new_state = vals.get("state")
        if new_state:
            for grant in self:
                grant._check_transition(new_state)
        res = super().write(vals)
        if {"partner_ids", "state"} & vals.keys():
            self._sync_lines()
        return res

    def _check_write_allowed(self, vals):
        # Chatter and activities go on whatever the state of the request.
        content = {
            name
            for name in vals
            if name not in (*self._workflow_fields, "decision_note")
            and not name.startswith(("message_", "activity_"))
        }
        if content and any(grant.state != "draft" for grant in self):
            raise UserError(
                self.env._("Only a draft access request can be changed; create a new request.")
            )
        if self.env.user.has_group("customer_records.group_customer_records_manager"):
            return
        if "requester_id" in vals:
            raise UserError(self.env._("An access request stays with the user who made it."))
        if "decision_note" in vals:
            raise UserError(self.env._("Only the general manager decides on access."))

    def _check_transition(self, new_state):
        self.ensure_one()
        if new_state == self.state:
            return
        if new_state not in TRANSITIONS[self.state]:
            raise UserError(
                self.env._(
                    "The access request %(name)s cannot go from %(old)s to %(new)s.",
                    name=self.display_name,
                    old=dict(GRANT_STATES)[self.state],
                    new=dict(GRANT_STATES).get(new_state, new_state),
                )
            )
        if new_state in ("requested", "approved") and self.date_to < fields.Date.today():
            raise UserError(
                self.env._(
                    "The access period of %(name)s is already over: request a new period.",
                    name=self.display_name,
                )
            )
        if self.env.su:
            return
        user = self.env.user
        if new_state in MANAGER_STATES:
            if not user.has_group("customer_records.group_customer_records_manager"):
                raise AccessError(self.env._("Only the general manager decides on access."))
            if new_state == "approved" and self.requester_id == user:
                raise AccessError(
                    self.env._(
                        "You cannot approve your own access request %(name)s.",
                        name=self.display_name,
                    )
                )
        if new_state == "expired" and self.date_to >= fields.Date.today():
            raise UserError(self.env._("An access grant expires after its end date only."))

    @api.ondelete(at_uninstall=False)
    def _unlink_except_decided(self):
        if any(grant.state not in ("draft", "refused") for grant in self):
            raise UserError(self.env._("A submitted or decided access request is kept."))

    def _sync_lines(self):
        """One line per (request, file): the indexed rows the record rules use."""
        # Requesters cannot see the files they ask for, so the files of the
        # named customers are looked up by the system.
        file_sudo = self.env["customer.file"].sudo().with_context(active_test=False)
        line_sudo = self.env["customer.access.grant.line"].sudo()
        files = file_sudo.search([("partner_id", "in", self.partner_ids.ids)])
        files_by_partner = {f.partner_id.id: f for f in files}
        to_create = []
        to_remove = line_sudo
        for grant in self:
            wanted = {
                files_by_partner[p.id].id for p in grant.partner_ids if p.id in files_by_partner
            }
            grant_sudo = grant.sudo()
            existing = grant_sudo.line_ids
            to_remove |= existing.filtered(lambda line, w=wanted: line.file_id.id not in w)
            present = set(existing.file_id.ids)
            to_create += [{"grant_id": grant.id, "file_id": fid} for fid in wanted - present]
        to_remove.unlink()
        line_sudo.create(to_create)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_request(self):
        for grant in self:
            # The requester cannot read the lines: the system tells which
            # named customers have no file.
            grant_sudo = grant.sudo()
            missing = grant.partner_ids - grant_sudo.line_ids.file_id.partner_id
            if missing:
                raise UserError(
                    self.env._(
                        "These customers have no customer file: %(names)s",
                        names=", ".join(missing.mapped("display_name")),
                    )
                )
        self._workflow().write({"state": "requested"})
        self._schedule_decision_activities()
        return True

    def _schedule_decision_activities(self):
        """A to-do for every general manager (not the requester), in one batch."""
        manager_group = self.env.ref("customer_records.group_customer_records_manager")
        # Who the general managers are is read whatever the requester's rights on groups.
        group_sudo = manager_group.sudo()
        managers = group_sudo.all_user_ids.filtered(lambda u: u.active and not u.share)
        self.env["mail.activity"]._create_todos(
            (
                grant,
                manager,
                # in the general manager's language, not the requester's
                self.with_context(lang=manager.lang).env._("Decide on the access request"),
                None,
            )
            for grant in self
            for manager in managers - grant.requester_id
        )

    def _decide(self, new_state):
        self._check_decision(new_state)
        # The general manager who decides closes the to-dos of his colleagues
        # on the same request too.
        activities_sudo = self.sudo().activity_ids
        activities_sudo.unlink()
        self._workflow().write(
            {
                "state": new_state,
                "approver_id": self.env.uid,
                "decision_date": fields.Datetime.now(),
            }
        )
        return True

    def action_approve(self):
        return self._decide("approved")

    def action_refuse(self):
        return self._decide("refused")

    def action_revoke(self):
        self._check_decision("revoked")
        self._workflow().write({"state": "revoked", "decision_date": fields.Datetime.now()})
        return True

    def action_reset_draft(self):
        self._workflow().write({"state": "draft"})
        return True

    def _check_decision(self, new_state):
        errors = []
        for grant in self:
            try:
                grant._check_transition(new_state)
            except (UserError, AccessError) as error:
                errors.append(str(error))
        if errors:
            # a reason shared by the whole selection (who may decide) is said once
            raise UserError("\n".join(dict.fromkeys(errors)))

    @api.model
    def _cron_expire_grants(self):
        expired = self.search([("state", "=", "approved"), ("date_to", "<", fields.Date.today())])
        expired._workflow().write({"state": "expired"})


class CustomerAccessGrantLine(models.Model):
    _name = "customer.access.grant.line"
    _description = "Customer File Access Grant Line"

    grant_id = fields.Many2one(
        "customer.access.grant", required=True, index=True, ondelete="cascade"
    )
    file_id = fields.Many2one("customer.file", required=True, index=True, ondelete="cascade")
    partner_id = fields.Many2one(related="file_id.partner_id", string="Customer")
    user_id = fields.Many2one(related="grant_id.requester_id", store=True, index=True)
    state = fields.Selection(related="grant_id.state", store=True)
    date_from = fields.Date(related="grant_id.date_from", store=True)
    date_to = fields.Date(related="grant_id.date_to", store=True)
    # Record rules ask for the lines in force today: a search method gives them the day of
    # each query, so a grant opens and closes by itself at midnight.
    in_force = fields.Boolean(compute="_compute_in_force", search="_search_in_force")

    _grant_file_uniq = models.Constraint(
        "UNIQUE(grant_id, file_id)", "A file appears once in an access request."
    )
    _in_force_idx = models.Index("(user_id, file_id, date_from, date_to) WHERE state = 'approved'")

    def _compute_in_force(self):
        today = fields.Date.today()
        for line in self:
            line.in_force = line.state == "approved" and line.date_from <= today <= line.date_to

    def _search_in_force(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        today = fields.Date.today()
        domain = (
            Domain("state", "=", "approved")
            & Domain("date_from", "<=", today)
            & Domain("date_to", ">=", today)
        )
        return domain if (True in value) == (operator == "in") else ~domain
