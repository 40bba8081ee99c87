"""The table of an Excel report, as ``report.report_xlsx.abstract._xlsx_table()`` starts it.

Rows are written in order, once each, as constant_memory requires: a register of 100,000
rows streams through it. Column widths are fitted on the first rows before any is written.
"""

import itertools
import unicodedata

import pytz
from xlsxwriter.utility import xl_rowcol_to_cell

# widths are fitted on this many first rows: a stream is not read ahead further
WIDTH_SAMPLE = 100
MAX_WIDTH = 60
TITLE_ROW, PERIOD_ROW, HEADER_ROW = 0, 1, 2


def display_width(text):
    """Width of ``text`` in Excel columns: East Asian wide and full-width characters count two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


class XlsxTable:
    """A table being written on a sheet: header first, then rows in order, then totals."""

    def __init__(self, sheet, columns, formats, symbol, tz):
        self.sheet = sheet
        self.tz = tz
        self.columns = columns
        self.formats = formats
        self.symbol = symbol
        self.row = HEADER_ROW + 1
        self.started = False
        self.total_start = self.row
        self.writers = [self._writer(kind, formats[kind]) for __, kind in columns]

    def _writer(self, kind, cell_format):
        """One function per column, with its format built once: no work per cell but writing."""
        write_string, write_number = self.sheet.write_string, self.sheet.write_number
        write_datetime = self.sheet.write_datetime
        if kind == "text":  # in the sheet's default format: cheaper than a format of its own
            return lambda row, col, value: write_string(row, col, str(value))
        if kind == "date":
            return lambda row, col, value: write_datetime(row, col, value, cell_format)
        if kind == "datetime":  # stored in UTC, shown in the user's time zone
            utc, tz = pytz.utc, self.tz
            return lambda row, col, value: write_datetime(
                row, col, utc.localize(value).astimezone(tz).replace(tzinfo=None), cell_format
            )
        if kind == "percent":  # values in percentage points, as Odoo stores them
            return lambda row, col, value: write_number(row, col, value / 100, cell_format)
        return lambda row, col, value: write_number(row, col, value, cell_format)

    def _value_width(self, kind, value):
        if kind == "amount":
            return len(f"{value:,.2f}") + display_width(self.symbol)
        if kind == "volume":
            return len(f"{value:,.0f}") + 3
        if kind in ("date", "datetime"):
            return 16 if kind == "datetime" else 10
        if kind == "percent":
            return len(f"{value:.1f}") + 1
        return display_width(str(value))

    def _start(self, sample):
        """Fit the columns on the header and the first rows, then write the header."""
        sheet = self.sheet
        for col, (header, kind) in enumerate(self.columns):
            width = max(
                [display_width(header), 8]
                + [
                    self._value_width(kind, values[col])
                    for values in sample
                    if values[col] is not None and values[col] is not False
                ]
            )
            sheet.set_column(col, col, min(width + 2, MAX_WIDTH))
            sheet.write_string(HEADER_ROW, col, header, self.formats["header"])
        sheet.freeze_panes(HEADER_ROW + 1, 0)
        self.started = True

    def write_rows(self, rows):
        """Write ``rows`` (an iterable of value lists, one value per column) in order."""
        rows = iter(rows)
        if not self.started:
            sample = list(itertools.islice(rows, WIDTH_SAMPLE))
            self._start(sample)
            rows = itertools.chain(sample, rows)
        writers = self.writers
        row = self.row
        for values in rows:
            for col, value in enumerate(values):
                if value is not None and value is not False:
                    writers[col](row, col, value)
            row += 1
        self.row = row
        return self

    def write_total(self, label, sums, whole=False):
        """A bold totals row: ``label`` in the first column, then in each column of
        ``sums`` ({column index: total}) a SUBTOTAL formula with its value.

        It adds up the rows since the last totals row, or with ``whole`` every row of the
        table: SUBTOTAL leaves out the subtotals in between and the rows a filter hides.
        """
        if not self.started:
            self._start([])
        sheet, row = self.sheet, self.row
        first_row = HEADER_ROW + 1 if whole else self.total_start
        sheet.write_string(row, 0, label, self.formats["total_text"])
        for col in range(1, len(self.columns)):
            kind = self.columns[col][1]
            if col in sums:
                cells = f"{xl_rowcol_to_cell(first_row, col)}:{xl_rowcol_to_cell(row - 1, col)}"
                value = sums[col] / 100 if kind == "percent" else sums[col]
                total_format = self.formats["total_" + kind]
                sheet.write_formula(row, col, f"=SUBTOTAL(9,{cells})", total_format, value)
            else:
                sheet.write_blank(row, col, None, self.formats["total_text"])
        self.row += 1
        self.total_start = self.row
        return self

    def write_signatures(self, labels, row):
        """Lines to sign below the table, from ``row``: two labels a line (their colon
        included, full-width in Chinese), each followed by a blank to sign on."""
        half = max(len(self.columns) // 2, 2)
        for index, label in enumerate(labels):
            line, side = divmod(index, 2)
            self.sheet.write_string(
                row + 2 * line, side * half, f"{label} ________________", self.formats["sign"]
            )
        return row + 2 * ((len(labels) + 1) // 2)

    def close(self):
        """Filter over the header and the rows; returns the first free row below them."""
        if not self.started:
            self._start([])
        self.sheet.autofilter(HEADER_ROW, 0, max(self.row - 1, HEADER_ROW), len(self.columns) - 1)
        return self.row
