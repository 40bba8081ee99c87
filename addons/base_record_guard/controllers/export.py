"""The list export (/web/export/xlsx) writes every string as a string (see safe_export).

Its writer is a plain class the controller instantiates, with workbook options fixed in its
constructor: no public hook reaches it, so the two methods that build the file (not the
route) use a writer whose ``write`` keeps text as text.
"""

from odoo.addons.web.controllers.export import (
    ExcelExport,
    ExportXlsxWriter,
    GroupExportXlsxWriter,
)


class TextCellsMixin:
    def write(self, row, column, cell_value, style=None):
        if isinstance(cell_value, str):
            return self.worksheet.write_string(row, column, cell_value, style)
        return super().write(row, column, cell_value, style)


class TextXlsxWriter(TextCellsMixin, ExportXlsxWriter):
    pass


class TextGroupXlsxWriter(TextCellsMixin, GroupExportXlsxWriter):
    pass


class TextExcelExport(ExcelExport):
    def from_group_data(self, fields, columns_headers, groups):
        with TextGroupXlsxWriter(fields, columns_headers, groups.count) as xlsx_writer:
            x, y = 1, 0
            for group_name, group in groups.children.items():
                x, y = xlsx_writer.write_group(x, y, group_name, group)
        return xlsx_writer.value

    def from_data(self, fields, columns_headers, rows):
        with TextXlsxWriter(fields, columns_headers, len(rows)) as xlsx_writer:
            for row_index, row in enumerate(rows, start=1):
                for cell_index, cell_value in enumerate(row):
                    xlsx_writer.write_cell(row_index, cell_index, cell_value)
        return xlsx_writer.value
