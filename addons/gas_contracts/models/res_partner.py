from odoo import api, fields, models

from .tools import is_top_eligible_volume


class ResPartner(models.Model):
    _inherit = "res.partner"

    gas_account_ids = fields.One2many(
        "gas.account",
        "partner_id",
        string="Gas Accounts",
        groups="gas_contracts.group_gas_query_basic",
    )
    gas_top_eligible = fields.Boolean(
        string="Take-or-Pay Eligible",
        compute="_compute_gas_top_eligible",
        groups="gas_contracts.group_gas_query_basic",
        help="Contracted or metered use of at least 3,000,000 m³ a year or 10,000 m³ a day.",
    )

    @api.depends_context("uid")
    def _compute_gas_top_eligible(self):
        contract_groups = self.env["gas.contract"]._read_group(
            [("partner_id", "in", self.ids), ("state", "not in", ("draft", "terminated"))],
            ["partner_id"],
            ["annual_quantity:max", "daily_quantity:max"],
        )
        contracted = {partner.id: (annual, daily) for partner, annual, daily in contract_groups}
        accounts = self.env["gas.account"].search([("partner_id", "in", self.ids)])
        metered = {account.partner_id.id for account in accounts if account.top_eligible}
        for partner in self:
            annual, daily = contracted.get(partner.id, (0.0, 0.0))
            partner.gas_top_eligible = partner.id in metered or is_top_eligible_volume(
                annual, daily
            )
