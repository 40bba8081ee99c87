from odoo import api, models


class ReportGasUserInfo(models.AbstractModel):
    _name = "report.gas_contracts.report_user_info"
    _description = "Gas User Information Sheet"

    @api.model
    def _get_report_values(self, docids, data=None):
        accounts = self.env["gas.account"].browse(docids)
        accounts.check_access("read")
        if self.env.user.has_group("gas_contracts.group_gas_query_financial"):
            # the sheet then shows the full identity number: a sensitive query
            accounts._log_query({"id_number"}, "print")
        return {"doc_ids": accounts.ids, "doc_model": "gas.account", "docs": accounts}
