"""Exports: every Excel file a user gets is one a person can send, and its text stays text.

``=HYPERLINK(...)``, ``+cmd``, ``-1+1`` or ``@SUM(...)`` typed in a name is written as the
text typed, never as a formula, a link or a number:

- reports built on report_xlsx, of every add-on: their workbooks are opened with options
  that turn no string into anything else (``get_workbook_options``, below);
- Odoo's list export (``/web/export/xlsx``): its writer writes every string as a string
  (``controllers/export.py``; that writer is a plain class of the web controller that opens
  its workbook with fixed options, so no model hook reaches it).

The reports of the add-ons write their tables through one writer, ``_xlsx_table()``: a
title row (company and what), a row with the period or the print date, a bold header with
a fill, frozen below the header and filtered, columns fitted to their content (a Chinese
character counts two), amounts with the company's currency and thousands separators,
volumes in whole m³, dates as dates.
"""

from odoo import fields, models

from ..tools.xlsx_table import PERIOD_ROW, TITLE_ROW, XlsxTable

# xlsxwriter turns strings into formulas and links unless told not to.
TEXT_WORKBOOK_OPTIONS = {
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
}


class ReportXlsxAbstract(models.AbstractModel):
    _inherit = "report.report_xlsx.abstract"

    # True on a report that writes its rows in order (through _xlsx_table): its workbook
    # then keeps one row in memory at a time, whatever the number of rows
    _xlsx_streamed = False

    # the number format of each column kind; "amount" takes the currency's symbol
    _xlsx_number_formats = {
        "text": None,
        "date": "yyyy-mm-dd",
        "datetime": "yyyy-mm-dd hh:mm",
        "volume": '#,##0 "m³"',
        "integer": "0",
        "number": "#,##0.00",
        "percent": "0.0%",
    }

    def get_workbook_options(self):
        options = dict(super().get_workbook_options(), **TEXT_WORKBOOK_OPTIONS)
        return dict(options, constant_memory=True) if self._xlsx_streamed else options

    def _xlsx_amount_format(self, currency):
        symbol = f'"{currency.symbol}"'
        if currency.position == "after":
            return f"#,##0.00 {symbol}"
        return f"{symbol}#,##0.00"

    def _xlsx_table(self, workbook, sheet_name, title, columns, period=None, company=None):
        """Start a table on a new sheet; returns it, to ``write_rows()``, ``write_total()``
        and ``close()``.

        :param title: what the table is; the company's name comes before it
        :param columns: (header, kind) pairs, kind one of text, date, datetime (stored in
            UTC), amount (in the company's currency), volume (m³), integer, number,
            percent (in points)
        :param period: the year or period covered, shown under the title; else the print date
        """
        company = company or self.env.company
        currency = company.currency_id
        number_formats = dict(self._xlsx_number_formats, amount=self._xlsx_amount_format(currency))
        formats = {
            "title": workbook.add_format({"bold": True, "font_size": 16, "align": "center"}),
            "period": workbook.add_format({"align": "center"}),
            "sign": workbook.add_format({}),
            "header": workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1}),
        }
        for kind, number_format in number_formats.items():
            spec = {"num_format": number_format} if number_format else {}
            formats[kind] = workbook.add_format(spec)
            formats["total_" + kind] = workbook.add_format(dict(spec, bold=True, top=1))
        sheet = workbook.add_worksheet(sheet_name[:31])
        last_col = len(columns) - 1
        period = period or self.env._(
            "Printed on %(date)s", date=fields.Date.context_today(self).isoformat()
        )
        sheet.set_row(TITLE_ROW, 28)
        self._xlsx_merged(sheet, TITLE_ROW, last_col, f"{company.name} {title}", formats["title"])
        self._xlsx_merged(sheet, PERIOD_ROW, last_col, period, formats["period"])
        return XlsxTable(sheet, columns, formats, currency.symbol or "", self.env.tz)

    def _xlsx_merged(self, sheet, row, last_col, text, cell_format):
        if last_col:
            sheet.merge_range(row, 0, row, last_col, text, cell_format)
        else:
            sheet.write_string(row, 0, text, cell_format)
