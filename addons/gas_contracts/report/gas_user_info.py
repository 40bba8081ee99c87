from odoo import api, fields, models


class ReportGasUserInfo(models.AbstractModel):
    _name = "report.gas_contracts.report_user_info"
    _description = "Gas User Information Sheet"

    @api.model
    def _get_report_values(self, docids, data=None):
        accounts = self.env["gas.account"].browse(docids)
        accounts.check_access("read")
        return {
            "doc_ids": accounts.ids,
            "doc_model": "gas.account",
            "docs": accounts,
            # the sheet is evidence of what was known when it left the office
            "printed_on": fields.Datetime.now(),
            "printed_by": self.env.user,
        }
