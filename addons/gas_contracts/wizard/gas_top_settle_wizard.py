from odoo import api, fields, models


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
        self.ensure_one()
        settlements = self.contract_ids.action_settle_year(self.year)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Take-or-Pay Settlements"),
            "res_model": "gas.top.settlement",
            "view_mode": "list,form",
            "domain": [("id", "in", settlements.ids)],
        }
