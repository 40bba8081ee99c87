from datetime import date

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class GasTopSettlement(models.Model):
    """The yearly settlement of one take-or-pay contract [GC-6].

    Shortfall = max(0, minimum take - taken); it is paid at the contract price and the
    paid-but-untaken gas is carried forward as make-up gas. Gas taken above the minimum
    in a later year draws the make-up balance down first.
    """

    _name = "gas.top.settlement"
    _description = "Take-or-Pay Settlement"
    _inherit = ["mail.thread"]
    _order = "year desc, contract_id"

    contract_id = fields.Many2one(
        "gas.contract",
        required=True,
        index=True,
        ondelete="restrict",
        domain=[("type_kind", "=", "take_or_pay")],
    )
    # precomputed: filled in the INSERT instead of an UPDATE after settling
    partner_id = fields.Many2one(related="contract_id.partner_id", store=True, precompute=True)
    # stored and precomputed: the monetary fields then find their currency in the
    # INSERT values instead of walking contract > company > currency per settlement
    currency_id = fields.Many2one(related="contract_id.currency_id", store=True, precompute=True)
    year = fields.Integer(required=True)
    annual_quantity = fields.Float(string="Annual Contract Quantity (m³)", readonly=True)
    min_take_share = fields.Float(string="Minimum Take Share (%)", readonly=True)
    min_take_volume = fields.Float(string="Minimum Take (m³)", readonly=True)
    taken_volume = fields.Float(string="Taken Volume (m³)", readonly=True)
    shortfall_volume = fields.Float(string="Shortfall (m³)", readonly=True)
    price = fields.Monetary(readonly=True)
    amount_due = fields.Monetary(readonly=True)
    makeup_opening = fields.Float(string="Make-up Gas Brought Forward (m³)", readonly=True)
    makeup_used = fields.Float(string="Make-up Gas Taken (m³)", readonly=True)
    makeup_closing = fields.Float(string="Make-up Gas Carried Forward (m³)", readonly=True)
    state = fields.Selection(
        [("draft", "Draft"), ("confirmed", "Confirmed")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )

    _contract_year_uniq = models.Constraint(
        "UNIQUE(contract_id, year)", "A take-or-pay contract is settled once a year."
    )
    _volumes_positive = models.Constraint(
        "CHECK(taken_volume >= 0 AND shortfall_volume >= 0 AND amount_due >= 0 "
        "AND makeup_closing >= 0)",
        "Settlement volumes and amounts cannot be negative.",
    )

    @api.depends("contract_id", "year")
    def _compute_display_name(self):
        for settlement in self:
            settlement.display_name = f"{settlement.contract_id.name or ''} / {settlement.year}"

    @api.model
    def _check_settle_rights(self):
        if self.env.su:
            return
        if not self.env.user.has_group("gas_contracts.group_gas_finance") and not (
            self.env.user.has_group("gas_contracts.group_gas_operations_vp")
        ):
            raise AccessError(
                self.env._("Take-or-pay settlements are made by finance or the operations VP.")
            )

    @api.model
    def _settle(self, contracts, year):
        """Settle ``year`` for many contracts with a constant number of queries."""
        self._check_settle_rights()
        if not isinstance(year, int) or not 2000 <= year <= 2100:
            raise UserError(self.env._("%(year)s is not a valid contract year.", year=year))
        wrong = contracts.filtered(
            lambda c: (
                c.type_kind != "take_or_pay"
                or c.state not in ("signed", "in_progress", "done")
                or c.contract_year > year
            )
        )
        if wrong:
            raise UserError(
                self.env._(
                    "These contracts cannot be settled for %(year)s: %(names)s.",
                    year=year,
                    names=", ".join(wrong.mapped("name")),
                )
            )
        no_account = contracts.filtered(lambda c: not c.top_account_id)
        if no_account:
            raise UserError(
                self.env._(
                    "Link a metered account to %(names)s before settling.",
                    names=", ".join(no_account.mapped("name")),
                )
            )
        taken = self._get_taken_volumes(contracts.top_account_id, year)
        existing = self.search(
            [("contract_id", "in", contracts.ids), ("year", "in", [year - 1, year])]
        )
        previous = {s.contract_id.id: s for s in existing if s.year == year - 1}
        current = {s.contract_id.id: s for s in existing if s.year == year}
        if any(s.state == "confirmed" for s in current.values()):
            raise UserError(self.env._("A confirmed settlement cannot be recomputed."))
        to_create = []
        for contract in contracts:
            vals = self._compute_settlement_values(
                contract,
                year,
                taken.get(contract.top_account_id.id, 0.0),
                previous.get(contract.id),
            )
            if contract.id in current:
                current[contract.id].write(vals)
            else:
                to_create.append(vals)
        # the settlement's state changes are tracked; a "created" note and a follower
        # per settlement would double the cost of settling thousands of contracts
        created = self.with_context(mail_create_nolog=True, mail_create_nosubscribe=True).create(
            to_create
        )
        return created | self.browse([s.id for s in current.values()])

    @api.model
    def _get_taken_volumes(self, accounts, year):
        """{account id: m3 taken in ``year``} from the meter readings, in one query."""
        groups = self.env["gas.meter.reading"]._read_group(
            [
                ("account_id", "in", accounts.ids),
                ("date", ">=", date(year, 1, 1)),
                ("date", "<=", date(year, 12, 31)),
            ],
            ["account_id"],
            ["volume:sum"],
        )
        return {account.id: volume for account, volume in groups}

    @api.model
    def _compute_settlement_values(self, contract, year, taken, previous):
        min_take = contract.annual_quantity * contract.min_take_share / 100.0
        shortfall = max(0.0, min_take - taken)
        opening = previous.makeup_closing if previous else 0.0
        makeup_used = min(opening, max(0.0, taken - min_take))
        return {
            "contract_id": contract.id,
            "year": year,
            "annual_quantity": contract.annual_quantity,
            "min_take_share": contract.min_take_share,
            "min_take_volume": min_take,
            "taken_volume": taken,
            "shortfall_volume": shortfall,
            "price": contract.top_price,
            "amount_due": contract.currency_id.round(shortfall * contract.top_price),
            "makeup_opening": opening,
            "makeup_used": makeup_used,
            "makeup_closing": opening - makeup_used + shortfall,
        }

    def action_confirm(self):
        self._check_settle_rights()
        self.write({"state": "confirmed"})
        return True

    def write(self, vals):
        if self.filtered(lambda s: s.state == "confirmed"):
            raise UserError(self.env._("A confirmed settlement cannot be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_confirmed(self):
        if self.filtered(lambda s: s.state == "confirmed"):
            raise UserError(self.env._("A confirmed settlement is kept."))
