from odoo import api, fields, models

from ..models.gas_top_settle_run import SETTLE_BATCH


class GasTopSettleWizard(models.TransientModel):
    _name = "gas.top.settle.wizard"
    _description = "Settle Take-or-Pay Year"

    year = fields.Integer(
        required=True, default=lambda self: fields.Date.context_today(self).year - 1
    )
    contract_ids = fields.Many2many(
        "gas.contract", string="Contracts", domain=[("type_kind", "=", "take_or_pay")]
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
        # a system parameter any settling user must be able to read
        params_sudo = self.env["ir.config_parameter"].sudo()
        limit = int(params_sudo.get_param("gas_contracts.top_settle_at_once", SETTLE_BATCH))
        if len(self.contract_ids) > limit:
            run = self.env["gas.top.settle.run"]._queue(self.contract_ids, self.year)
            return run._action_open(self.env._("Take-or-Pay Settlement Run"))
        settlements = self.contract_ids.action_settle_year(self.year)
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
