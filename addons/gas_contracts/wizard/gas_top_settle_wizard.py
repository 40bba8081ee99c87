from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.gas_top_settle_run import SETTLE_BATCH


class GasTopSettleWizard(models.TransientModel):
    _name = "gas.top.settle.wizard"
    _description = "Settle Take-or-Pay Year"

    year = fields.Integer(
        required=True, default=lambda self: fields.Date.context_today(self).year - 1
    )
    contract_ids = fields.Many2many(
        "gas.contract",
        string="Contracts",
        domain=[("type_kind", "=", "take_or_pay")],
        help="Leave empty to settle every take-or-pay contract that can be settled for the year.",
    )
    eligible_count = fields.Integer(string="Contracts to Settle", compute="_compute_eligible_count")

    @api.depends("year", "contract_ids")
    def _compute_eligible_count(self):
        for wizard in self:
            if wizard.contract_ids or not 2000 <= wizard.year <= 2100:
                wizard.eligible_count = len(wizard.contract_ids)
                continue
            wizard.eligible_count = self.env["gas.contract"].search_count(
                self.env["gas.top.settlement"]._settleable_domain(wizard.year)
            )

    @api.model
    def default_get(self, fields_list):
        res = super().default_get(fields_list)
        if self.env.context.get("active_model") == "gas.contract":
            contracts = self.env["gas.contract"].browse(self.env.context.get("active_ids", []))
            res["contract_ids"] = [
                (6, 0, contracts.filtered(lambda c: c.type_kind == "take_or_pay").ids)
            ]
        return res

    def action_settle(self):
        """Settle a small selection at once; queue a large one for the settlement job."""
        self.ensure_one()
        self.env["gas.top.settlement"]._check_settle_rights(self.year)
        contracts = self.contract_ids or self.env["gas.contract"].search(
            self.env["gas.top.settlement"]._settleable_domain(self.year)
        )
        if not contracts:
            raise UserError(
                self.env._("No take-or-pay contract can be settled for %(year)s.", year=self.year)
            )
        # a system parameter any settling user must be able to read
        params_sudo = self.env["ir.config_parameter"].sudo()
        limit = int(params_sudo.get_param("gas_contracts.top_settle_at_once", SETTLE_BATCH))
        if len(contracts) > limit:
            run = self.env["gas.top.settle.run"]._queue(contracts, self.year)
            return run._action_open(self.env._("Take-or-Pay Settlement Run"))
        settlements = contracts.action_settle_year(self.year)
        self.env.user._bus_send(
            "simple_notification",
            {
                "type": "success",
                "message": self.env._(
                    "%(count)s take-or-pay contracts settled for %(year)s.",
                    count=len(settlements),
                    year=self.year,
                ),
            },
        )
        return settlements._action_open()
