from odoo import http
from odoo.http import request

from odoo.addons.report_xlsx.controllers.main import ReportController
from odoo.addons.web.controllers.binary import Binary

# Reports printing customer files: printing writes the access log.
FILE_REPORTS = ("customer_records.customer_file_xlsx", "customer_records.report_customer_file")


def _content_readonly(controller, rule, args):
    """A download of a customer file's document writes the access log: it
    needs a read/write cursor. Every other download stays read-only."""
    model = args.get("model") or "ir.attachment"
    if model == "customer.file":
        return False
    if model == "ir.attachment" and args.get("id"):
        # Only the owner model of the attachment is read, to choose the cursor;
        # access to the attachment itself is checked by the download.
        attachment_sudo = request.env["ir.attachment"].sudo().browse(int(args["id"])).exists()
        return attachment_sudo.res_model != "customer.file"
    return True


def _report_readonly(controller, rule, args):
    """Printing the customer file list writes the access log."""
    return args.get("reportname") not in FILE_REPORTS


def _report_download_readonly(controller, rule, args):
    data = request.httprequest.form.get("data") or ""
    return not any(report in data for report in FILE_REPORTS)


class CustomerRecordsBinary(Binary):
    @http.route(readonly=_content_readonly)
    def content_common(self, *args, **kwargs):
        return super().content_common(*args, **kwargs)


class CustomerRecordsReportController(ReportController):
    @http.route(readonly=_report_readonly)
    def report_routes(self, reportname, docids=None, converter=None, **data):
        return super().report_routes(reportname, docids=docids, converter=converter, **data)

    @http.route(readonly=_report_download_readonly)
    def report_download(self, data, context=None, token=None, readonly=True):
        return super().report_download(data, context=context, token=token, readonly=readonly)
