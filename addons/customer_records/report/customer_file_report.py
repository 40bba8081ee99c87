from odoo import api, models


class CustomerFileReport(models.AbstractModel):
    _name = "report.customer_records.report_customer_file"
    _description = "Customer File (PDF)"

    @api.model
    def _get_report_values(self, docids, data=None):
        # Rendered in the user's environment: a file he may not read raises an
        # access error instead of printing.
        files = self.env["customer.file"].browse(docids)
        files.check_access("read")
        return {"doc_ids": files.ids, "doc_model": "customer.file", "docs": files}
