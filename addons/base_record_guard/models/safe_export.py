"""Exports: in every Excel file a user gets, text that looks like a formula stays text.

``=HYPERLINK(...)``, ``+cmd``, ``-1+1`` or ``@SUM(...)`` typed in a name is written as the
text typed, never as a formula, a link or a number:

- reports built on report_xlsx, of every add-on: their workbooks are opened with options
  that turn no string into anything else (``get_workbook_options``, below);
- Odoo's list export (``/web/export/xlsx``): its writer writes every string as a string
  (``controllers/export.py``; that writer is a plain class of the web controller that opens
  its workbook with fixed options, so no model hook reaches it).
"""

from odoo import models

# xlsxwriter turns strings into formulas and links unless told not to.
TEXT_WORKBOOK_OPTIONS = {
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
}


class ReportXlsxAbstract(models.AbstractModel):
    _inherit = "report.report_xlsx.abstract"

    def get_workbook_options(self):
        return dict(super().get_workbook_options(), **TEXT_WORKBOOK_OPTIONS)
