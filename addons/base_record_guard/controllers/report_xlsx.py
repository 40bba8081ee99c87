"""Excel reports: a download of several records is named after what and when, too.

report_xlsx names the file after the report's ``print_report_name`` when it prints one
record (the expression reads ``object``), else after the report's name alone. Several
records get that name and the day of printing, in the user's language and time zone.
"""

import json

from odoo import fields
from odoo.http import content_disposition, request, route

from odoo.addons.report_xlsx.controllers.main import ReportController


class XlsxReportController(ReportController):
    @route()
    def report_download(self, data, context=None, token=None, readonly=True):
        response = super().report_download(data, context, token=token, readonly=readonly)
        url, report_type = json.loads(data)[:2]
        if report_type != "xlsx" or "/report/xlsx/" not in url:
            return response
        report_name = url.split("/report/xlsx/")[1].split("?")[0].split("/")[0]
        report = request.env["ir.actions.report"]._get_report_from_name(report_name)
        if response.headers.get("Content-Disposition") == content_disposition(
            f"{report.name}.xlsx"
        ):
            today = fields.Date.context_today(report)
            response.headers["Content-Disposition"] = content_disposition(
                f"{report.name}-{today}.xlsx"
            )
        return response
