from odoo import fields, models


class GasContractTerminateWizard(models.TransientModel):
    _name = "gas.contract.terminate.wizard"
    _description = "Terminate Gas Contract"

    contract_id = fields.Many2one("gas.contract", required=True)
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        return self.contract_id.action_terminate(reason=self.reason)
