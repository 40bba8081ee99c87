from datetime import date

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.fields import Domain
from odoo.tools import SQL, formatLang


class GasTopSettlement(models.Model):
    """The yearly settlement of one take-or-pay contract [GC-6].

    Shortfall = max(0, minimum take - taken); it is paid at the contract price and the
    paid-but-untaken gas is carried forward as make-up gas. Gas taken above the minimum
    in a later year draws the make-up balance down first.
    """

    _name = "gas.top.settlement"
    _description = "Take-or-Pay Settlement"
    _inherit = ["workflow.fields.mixin", "mail.thread"]
    _order = "year desc, contract_id"
    # the figures are the settlement's own (one statement, _settle_query), never a client's
    _workflow_fields = (
        "annual_quantity",
        "min_take_share",
        "min_take_volume",
        "taken_volume",
        "shortfall_volume",
        "price",
        "amount_due",
        "makeup_opening",
        "makeup_used",
        "makeup_closing",
        "state",
    )

    # no index of its own: the unique (contract_id, year) index serves lookups by contract
    contract_id = fields.Many2one(
        "gas.contract",
        required=True,
        ondelete="restrict",
        domain=[("type_kind", "=", "take_or_pay")],
    )
    # Not stored: settling writes thousands of rows at once, and each stored many2one
    # costs a foreign-key check per row (W6). Odoo 19 searches and groups on them all
    # the same (the dashboard groups by gas user) by joining the contract.
    partner_id = fields.Many2one(related="contract_id.partner_id")
    currency_id = fields.Many2one(related="contract_id.currency_id")
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
    calculation = fields.Text(compute="_compute_calculation", string="How it is calculated")
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

    def _compute_calculation(self):
        def m3(value):
            return formatLang(self.env, value, digits=0)

        for settlement in self:
            money = settlement.currency_id
            settlement.calculation = "\n".join(
                (
                    self.env._(
                        "Minimum take = %(annual)s m³ × %(share)s = %(minimum)s m³",
                        annual=m3(settlement.annual_quantity),
                        share=f"{formatLang(self.env, settlement.min_take_share, digits=2)}%",
                        minimum=m3(settlement.min_take_volume),
                    ),
                    self.env._(
                        "Taken = %(taken)s m³, from the meter readings of %(year)s",
                        taken=m3(settlement.taken_volume),
                        year=settlement.year,
                    ),
                    self.env._(
                        "Shortfall = max(0, %(minimum)s - %(taken)s) = %(shortfall)s m³",
                        minimum=m3(settlement.min_take_volume),
                        taken=m3(settlement.taken_volume),
                        shortfall=m3(settlement.shortfall_volume),
                    ),
                    self.env._(
                        "Amount due = %(shortfall)s m³ × %(price)s = %(amount)s",
                        shortfall=m3(settlement.shortfall_volume),
                        price=formatLang(self.env, settlement.price, currency_obj=money),
                        amount=formatLang(self.env, settlement.amount_due, currency_obj=money),
                    ),
                    self.env._(
                        "Make-up gas: %(opening)s m³ brought forward, %(used)s m³ taken, "
                        "%(closing)s m³ carried forward",
                        opening=m3(settlement.makeup_opening),
                        used=m3(settlement.makeup_used),
                        closing=m3(settlement.makeup_closing),
                    ),
                )
            )

    def action_open_readings(self):
        """The meter readings of the metered account in the settled year."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Meter Readings %(year)s", year=self.year),
            "res_model": "gas.meter.reading",
            "view_mode": "list,pivot,graph",
            "domain": [
                ("meter_id.account_id", "=", self.contract_id.top_account_id.id),
                ("date", ">=", date(self.year, 1, 1)),
                ("date", "<=", date(self.year, 12, 31)),
            ],
            "context": {"create": False},
        }

    @api.model
    def _check_settle_rights(self, year=None):
        """The user may settle; ``year``, when given, is one that can be settled."""
        if not (
            self.env.su
            or self.env.user.has_group("gas_contracts.group_gas_finance")
            or self.env.user.has_group("gas_contracts.group_gas_operations_vp")
        ):
            raise AccessError(
                self.env._("Take-or-pay settlements are made by finance or the operations VP.")
            )
        if year is not None and (not isinstance(year, int) or not 2000 <= year <= 2100):
            raise UserError(self.env._("%(year)s is not a valid contract year.", year=year))

    @api.model
    def _settling_domain(self, year):
        """The take-or-pay contracts that ``year`` can be settled for at all."""
        return Domain(
            [
                ("type_kind", "=", "take_or_pay"),
                ("state", "in", ("signed", "in_progress", "done")),
                ("contract_year", "<=", year),
            ]
        )

    @api.model
    def _settleable_domain(self, year):
        """The take-or-pay contracts in force in ``year``, metered, whose year is not
        confirmed yet: what finance settles with one button."""
        return (
            self._settling_domain(year)
            & Domain(
                [
                    ("top_account_id", "!=", False),
                    "|",
                    ("date_end", "=", False),
                    ("date_end", ">=", date(year, 1, 1)),
                ]
            )
            & Domain(
                "settlement_ids", "not any", [("year", "=", year), ("state", "=", "confirmed")]
            )
        )

    @api.model
    def _settle(self, contracts, year):
        """Settle ``year`` for many contracts with a constant number of queries."""
        self._check_settle_rights(year)
        # the user's right to read the contracts, and the one column settling reads
        contracts.fetch(["top_account_id"])
        # the contracts that cannot be settled, found by the database instead of reading
        # thousands of contracts into the cache to look at each in Python
        wrong = (
            contracts.browse()
            .sudo()
            .search(Domain("id", "in", contracts.ids) & ~self._settling_domain(year))
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
        current = self.search([("contract_id", "in", contracts.ids), ("year", "=", year)])
        if current.filtered(lambda s: s.state == "confirmed"):
            raise UserError(self.env._("A confirmed settlement cannot be recomputed."))
        # what create() and write() would check: the rights first, the record rules after
        self.check_access("create")
        current.check_access("write")
        taken = self._get_taken_volumes(contracts.top_account_id, year)
        self.env.flush_all()
        rows = self.env.execute_query(self._settle_query(contracts, year, taken))
        settlements = self.browse(row[0] for row in rows)
        current.invalidate_recordset()
        contracts.invalidate_recordset(["settlement_ids"])
        (settlements - current).check_access("create")
        return settlements

    @api.model
    def _get_taken_volumes(self, accounts, year):
        """{account id: m³ taken in ``year``}, from two readings per meter.

        A meter's readings never go backwards and each reading's volume is the gas taken
        since the previous reading (``gas.meter._recompute_volumes`` keeps it so on every
        change), so the volumes of a year add up to the meter's last reading of the year
        less its last reading before the year (its initial reading when there is none):
        the difference of the meter's index, as gas is billed. Two index lookups per meter
        give the year's sum without reading a year of daily readings.
        """
        self.env["gas.meter.reading"].check_access("read")
        meters = self.env["gas.meter"]._search([("account_id", "in", accounts.ids)])
        rows = self.env.execute_query(
            SQL(
                """
                SELECT meter.account_id,
                       SUM(last.reading - COALESCE(previous.reading, meter.initial_reading, 0.0))
                  FROM gas_meter meter
                  JOIN LATERAL (
                        SELECT reading FROM gas_meter_reading
                         WHERE meter_id = meter.id AND date BETWEEN %(start)s AND %(end)s
                         ORDER BY date DESC LIMIT 1
                       ) last ON TRUE
                  LEFT JOIN LATERAL (
                        SELECT reading FROM gas_meter_reading
                         WHERE meter_id = meter.id AND date < %(start)s
                         ORDER BY date DESC LIMIT 1
                       ) previous ON TRUE
                 WHERE meter.id IN %(meters)s
                 GROUP BY meter.account_id
                """,
                start=date(year, 1, 1),
                end=date(year, 12, 31),
                meters=meters.subselect(),
            )
        )
        return dict(rows)

    @api.model
    @api.private
    def _settle_query(self, contracts, year, taken):
        """One statement that computes and writes the draft settlements of ``year``.

        ``taken`` is {account id: m3 taken in the year}. Settling is a grouped sum
        plus arithmetic: through create() and write(), the per-record defaults,
        precomputes and chatter of thousands of settlements cost several times the
        sum itself. Nothing of them applies: the values are complete, no Python constraint or stored
        compute reads these columns, no "created" note is logged, and the database
        constraints still hold. Draft settlements of the year are recomputed in place;
        a confirmed one is never touched.
        """
        return SQL(
            """
            WITH taken AS (
                SELECT * FROM unnest(%(accounts)s::int[], %(volumes)s::float8[])
                    AS taken(account_id, volume)
            ), figures AS (
                SELECT contract.id AS contract_id, currency.rounding,
                       COALESCE(contract.annual_quantity, 0.0) AS annual_quantity,
                       COALESCE(contract.min_take_share, 0.0) AS min_take_share,
                       COALESCE(contract.annual_quantity, 0.0)
                           * COALESCE(contract.min_take_share, 0.0) / 100.0 AS min_take,
                       COALESCE(taken.volume, 0.0) AS taken,
                       COALESCE(contract.top_price, 0.0) AS price,
                       COALESCE(previous.makeup_closing, 0.0) AS opening
                  FROM unnest(%(contracts)s::int[]) AS settling(id)
                  JOIN gas_contract contract ON contract.id = settling.id
                  JOIN res_company company ON company.id = contract.company_id
                  JOIN res_currency currency ON currency.id = company.currency_id
                  LEFT JOIN taken ON taken.account_id = contract.top_account_id
                  LEFT JOIN gas_top_settlement previous
                         ON previous.contract_id = contract.id AND previous.year = %(year)s - 1
            ), settled AS (
                -- shortfall = max(0, minimum take - taken), paid at the contract price;
                -- gas taken above the minimum draws the make-up balance down first
                SELECT *, GREATEST(0.0, min_take - taken) AS shortfall,
                       LEAST(opening, GREATEST(0.0, taken - min_take)) AS makeup_used
                  FROM figures
            )
            INSERT INTO gas_top_settlement AS settlement (
                contract_id, year, annual_quantity, min_take_share, min_take_volume,
                taken_volume, shortfall_volume, price, amount_due, makeup_opening,
                makeup_used, makeup_closing, state, create_uid, create_date, write_uid,
                write_date)
            SELECT contract_id, %(year)s, annual_quantity, min_take_share, min_take, taken,
                   shortfall, price,
                   ROUND((shortfall * price)::numeric / rounding) * rounding,
                   opening, makeup_used, opening - makeup_used + shortfall, 'draft',
                   %(uid)s, %(now)s, %(uid)s, %(now)s
              FROM settled
            ON CONFLICT (contract_id, year) DO UPDATE SET
                (annual_quantity, min_take_share, min_take_volume, taken_volume,
                 shortfall_volume, price, amount_due, makeup_opening, makeup_used,
                 makeup_closing, write_uid, write_date)
                = (EXCLUDED.annual_quantity, EXCLUDED.min_take_share, EXCLUDED.min_take_volume,
                   EXCLUDED.taken_volume, EXCLUDED.shortfall_volume, EXCLUDED.price,
                   EXCLUDED.amount_due, EXCLUDED.makeup_opening, EXCLUDED.makeup_used,
                   EXCLUDED.makeup_closing, EXCLUDED.write_uid, EXCLUDED.write_date)
                WHERE settlement.state = 'draft'
            RETURNING settlement.id
            """,
            accounts=list(taken),
            volumes=list(taken.values()),
            contracts=contracts.ids,
            year=year,
            uid=self.env.uid,
            now=self.env.cr.now(),
        )

    @api.private
    def _action_open(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Take-or-Pay Settlements"),
            "res_model": self._name,
            "view_mode": "list,form",
            "domain": [("id", "in", self.ids)],
        }

    def action_confirm(self):
        self._check_settle_rights()
        self._workflow().write({"state": "confirmed"})
        return True

    def write(self, vals):
        if self.filtered(lambda s: s.state == "confirmed"):
            raise UserError(self.env._("A confirmed settlement cannot be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_confirmed(self):
        if self.filtered(lambda s: s.state == "confirmed"):
            raise UserError(self.env._("A confirmed settlement is kept."))
