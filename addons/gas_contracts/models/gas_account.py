from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .tools import as_internal, is_internal, is_top_eligible_volume, set_masked


class GasAccount(models.Model):
    """The gas user account (user file) opened from a supply contract [GC-5]."""

    _name = "gas.account"
    _description = "Gas User Account"
    _inherit = [
        "workflow.fields.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "input.guard.mixin",
        "record.lock.mixin",
        "read.audit.mixin",
        "link.guard.mixin",
    ]
    _order = "name desc, id desc"
    # an account shows its gas user to every reader: only a readable one is linked
    _link_guard_fields = ("partner_id",)
    # [GC-7] an archived user file, its meters, readings and appliances never change
    _lock_domain = [("state", "=", "archived")]
    _workflow_fields = ("name", "state", "open_date", "info_complete")
    # [GC-8] reading identity and financial data is a sensitive query, logged
    _audit_fields = ("id_number", "bank_account", "deposit_amount")

    name = fields.Char(
        string="Account Number", required=True, readonly=True, copy=False, default="/"
    )
    contract_id = fields.Many2one(
        "gas.contract", string="Supply Contract", required=True, index=True, ondelete="restrict"
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Gas User",
        required=True,
        index=True,
        domain=lambda self: self.env["res.partner"]._get_customer_domain(),
    )
    user_category = fields.Selection(related="contract_id.user_category", store=True)
    company_id = fields.Many2one(related="contract_id.company_id", store=True)
    currency_id = fields.Many2one(related="contract_id.currency_id")
    state = fields.Selection(
        [("open", "Open"), ("closed", "Closed"), ("archived", "Archived")],
        default="open",
        required=True,
        readonly=True,
        tracking=True,
        index=True,
    )
    open_date = fields.Date(default=fields.Date.context_today, readonly=True)
    # address data
    district = fields.Char()
    street = fields.Char()
    building = fields.Char()
    unit = fields.Char()
    room = fields.Char()
    city = fields.Char()
    # basic contact data; the full phone needs the technical level
    contact_name = fields.Char()
    # the masked fields carry the plain labels: they are what most users see
    phone = fields.Char(string="Full Phone", groups="gas_contracts.group_gas_query_technical")
    phone_display = fields.Char(string="Phone", compute="_compute_phone_display")
    # identity and financial data
    id_number = fields.Char(
        string="Full Identity Number", groups="gas_contracts.group_gas_query_financial"
    )
    id_number_display = fields.Char(string="Identity Number", compute="_compute_id_number_display")
    # [GC-8] business staff fill in the number (第十二條) without reading it back: write-only
    id_number_input = fields.Char(
        string="New Identity Number",
        compute="_compute_id_number_input",
        inverse="_inverse_id_number_input",
        groups="gas_contracts.group_gas_contracts_user",
    )
    bank_account = fields.Char(groups="gas_contracts.group_gas_query_financial")
    deposit_amount = fields.Monetary(groups="gas_contracts.group_gas_query_financial")
    # technical data
    meter_ids = fields.One2many("gas.meter", "account_id", string="Meters")
    appliance_ids = fields.One2many("gas.appliance", "account_id", string="Gas Appliances")
    annual_contract_quantity = fields.Float(
        related="contract_id.annual_quantity", string="Contracted Annual Volume (m³)"
    )
    daily_contract_quantity = fields.Float(
        related="contract_id.daily_quantity", string="Contracted Daily Volume (m³)"
    )
    metered_annual_volume = fields.Float(
        string="Metered Volume, Last 365 Days (m³)", compute="_compute_metered"
    )
    metered_peak_daily_volume = fields.Float(
        string="Peak Daily Metered Volume (m³)", compute="_compute_metered"
    )
    top_eligible = fields.Boolean(string="Take-or-Pay Eligible", compute="_compute_metered")
    info_complete = fields.Boolean(
        string="User File Complete",
        compute="_compute_info_complete",
        store=True,
        help="Address, meter and gas appliance data are all filled in (policy 第八條).",
    )
    meter_count = fields.Integer(compute="_compute_counts")
    appliance_count = fields.Integer(compute="_compute_counts")

    @api.depends_context("uid")
    @api.depends("phone")
    def _compute_phone_display(self):
        set_masked(self, "phone", "gas_contracts.group_gas_query_technical")

    @api.depends_context("uid")
    @api.depends("id_number")
    def _compute_id_number_display(self):
        set_masked(self, "id_number", "gas_contracts.group_gas_query_financial")

    def _compute_id_number_input(self):
        self.id_number_input = False

    def _inverse_id_number_input(self):
        entered = self.filtered("id_number_input")
        # The full number is readable from the financial level only (its groups=): who
        # enters it below that level writes it through this field, whose own write passed
        # the user's access rights, rules, locks and input checks; it is never read back.
        for account, account_sudo in zip(entered, entered.sudo(), strict=True):
            account_sudo.id_number = account.id_number_input
        entered.invalidate_recordset(["id_number_input"])
        entered._message_log_batch(
            dict.fromkeys(entered.ids, self.env._("Identity number entered."))
        )

    def _compute_metered(self):
        since = fields.Date.context_today(self) - timedelta(days=365)
        groups = self.env["gas.meter.reading"]._read_group(
            [("account_id", "in", self.ids), ("date", ">", since)],
            ["account_id"],
            ["volume:sum", "daily_volume:max"],
        )
        volumes = {account.id: (volume, daily) for account, volume, daily in groups}
        for account in self:
            volume, daily = volumes.get(account.id, (0.0, 0.0))
            account.metered_annual_volume = volume
            account.metered_peak_daily_volume = daily
            account.top_eligible = is_top_eligible_volume(
                account.annual_contract_quantity, account.daily_contract_quantity
            ) or is_top_eligible_volume(volume, daily)

    @api.depends("street", "city", "meter_ids", "appliance_ids")
    def _compute_info_complete(self):
        for account in self:
            account.info_complete = bool(
                account.street and account.city and account.meter_ids and account.appliance_ids
            )

    def _compute_counts(self):
        for account in self:
            account.meter_count = len(account.meter_ids)
            account.appliance_count = len(account.appliance_ids)

    # ---------------------------------------------------------------- ORM hooks
    @api.model_create_multi
    def create(self, vals_list):
        contracts = self.env["gas.contract"].browse([v.get("contract_id") for v in vals_list])
        if not self.env.su:
            for contract in contracts:
                if contract.type_kind != "supply" or contract.state not in (
                    "signed",
                    "in_progress",
                ):
                    raise UserError(
                        self.env._("Gas accounts are opened from signed supply contracts.")
                    )
                contract._check_opening_papers()
        self._check_workflow_values(vals_list)
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("gas.account") or "/"
        # the numbers just stamped are the workflow's: the client's values are checked above
        accounts = super(GasAccount, as_internal(self)).create(vals_list).with_env(self.env)
        accounts._schedule_completion()
        return accounts

    @api.private
    def _schedule_completion(self):
        """Remind the drafter to complete the user file after opening (第八條)."""
        todo = self.env.ref("mail.mail_activity_data_todo", raise_if_not_found=False)
        incomplete = self.filtered(lambda a: not a.info_complete)
        if not todo or not incomplete:
            return
        self.env["mail.activity"].create(
            [
                {
                    "res_model_id": self.env["ir.model"]._get_id(self._name),
                    "res_id": account.id,
                    "activity_type_id": todo.id,
                    # in the assignee's language, whoever opens the account
                    "summary": self.with_context(
                        lang=(account.contract_id.user_id or self.env.user).lang
                    ).env._("Complete meter, address and gas appliance data"),
                    "user_id": (account.contract_id.user_id or self.env.user).id,
                    "date_deadline": fields.Date.context_today(self) + timedelta(days=7),
                }
                for account in incomplete
            ]
        )

    def write(self, vals):
        if not is_internal(self.env) and "contract_id" in vals:
            raise UserError(self.env._("The account workflow sets these fields."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_user_file(self):
        raise UserError(
            self.env._("Gas accounts are user files: close and archive them, never delete.")
        )

    # ---------------------------------------------------------------- actions
    def action_close(self):
        if self.filtered(lambda a: a.state != "open"):
            raise UserError(self.env._("Only open accounts can be closed."))
        as_internal(self).write({"state": "closed"})
        return True

    def action_archive_file(self):
        if not self.env.user.has_group("gas_contracts.group_gas_archive_keeper"):
            raise AccessError(self.env._("Only archive keepers archive user files."))
        if self.filtered(lambda a: a.state != "closed"):
            raise UserError(self.env._("Only closed accounts are archived."))
        self._do_archive()
        return True

    @api.private
    def _do_archive(self):
        # logged before the lock: nothing is posted on an archived account, and no
        # to-do is left that could not be closed afterwards
        self.activity_ids.unlink()
        self._message_log_batch(dict.fromkeys(self.ids, self.env._("User file archived.")))
        as_internal(self).with_context(mail_notrack=True).write({"state": "archived"})

    def action_print_user_info(self):
        return self.env.ref("gas_contracts.action_report_gas_user_info").report_action(self)
