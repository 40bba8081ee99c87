from odoo import models


class ResearchArchiveXlsxBase(models.AbstractModel):
    """Common options of the research archive workbooks: constant_memory streams rows to
    disk so that large catalogues stay within a bounded memory (text stays text through
    base_record_guard)."""

    _name = "report.research_archive.xlsx_base"
    _inherit = "report.report_xlsx.abstract"
    _description = "Research Archive Excel Base"

    def get_workbook_options(self):
        return dict(
            super().get_workbook_options(),
            constant_memory=True,
            default_date_format="yyyy-mm-dd",
        )

    def _selection_label(self, record, fname):
        return dict(record._fields[fname]._description_selection(self.env)).get(record[fname], "")

    def _write_table(self, workbook, sheet_name, headers, rows):
        sheet = workbook.add_worksheet(sheet_name)
        bold = workbook.add_format({"bold": True, "bg_color": "#DDDDDD", "border": 1})
        date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
        for col, header in enumerate(headers):
            sheet.write_string(0, col, header, bold)
            sheet.set_column(col, col, 18)
        for row_index, row in enumerate(rows, start=1):
            for col, value in enumerate(row):
                if value is None or value is False:
                    sheet.write_blank(row_index, col, None)
                elif isinstance(value, (int, float)) and not isinstance(value, bool):
                    sheet.write_number(row_index, col, value)
                elif hasattr(value, "isoformat"):
                    sheet.write_datetime(row_index, col, value, date_format)
                else:
                    sheet.write_string(row_index, col, str(value))
        return sheet


class ResearchDossierCatalogueXlsx(models.AbstractModel):
    _name = "report.research_archive.dossier_catalogue_xlsx"
    _inherit = "report.research_archive.xlsx_base"
    _description = "Dossier Catalogue (Excel)"

    def generate_xlsx_report(self, workbook, data, objs):
        headers = [
            self.env._("Archive Number"),
            self.env._("Title"),
            self.env._("Project"),
            self.env._("Category"),
            self.env._("Year"),
            self.env._("Retention Period"),
            self.env._("Classification"),
            self.env._("Status"),
            self.env._("Items"),
            self.env._("Total Pages"),
            self.env._("Completeness (%)"),
            self.env._("Missing Documents"),
        ]
        rows = (
            [
                d.archive_number or "",
                d.name,
                d.project_id.name or "",
                d.category_id.name,
                d.year,
                self._selection_label(d, "retention"),
                self._selection_label(d, "classification"),
                self._selection_label(d, "state"),
                d.document_count,
                d.page_total,
                round(d.completeness_rate, 1),
                ", ".join(d.missing_type_ids.mapped("name")),
            ]
            for d in objs
        )
        self._write_table(workbook, self.env._("Dossiers"), headers, rows)


class ResearchDocumentCatalogueXlsx(models.AbstractModel):
    _name = "report.research_archive.document_catalogue_xlsx"
    _inherit = "report.research_archive.xlsx_base"
    _description = "Document Catalogue (Excel)"

    def _get_documents(self, objs):
        return objs.document_ids if objs._name == "research.dossier" else objs

    def generate_xlsx_report(self, workbook, data, objs):
        headers = [
            self.env._("Archive Number"),
            self.env._("Dossier"),
            self.env._("Item No."),
            self.env._("Document Type"),
            self.env._("Phase"),
            self.env._("Title"),
            self.env._("Date"),
            self.env._("Author / Responsible"),
            self.env._("Carrier"),
            self.env._("Pages / Items"),
            self.env._("Original or Copy"),
            self.env._("Holder of the Original"),
            self.env._("Remarks"),
        ]
        rows = (
            [
                doc.archive_number or "",
                doc.dossier_id.name,
                doc.item_number,
                doc.type_id.name,
                self._selection_label(doc, "phase"),
                doc.name,
                doc.date,
                doc.responsible or "",
                self._selection_label(doc, "carrier"),
                doc.page_count,
                self._selection_label(doc, "copy_kind"),
                doc.original_holder or "",
                doc.remarks or "",
            ]
            for doc in self._get_documents(objs)
        )
        self._write_table(workbook, self.env._("Documents"), headers, rows)


class ResearchDossierDocumentsXlsx(models.AbstractModel):
    _name = "report.research_archive.dossier_documents_xlsx"
    _inherit = "report.research_archive.document_catalogue_xlsx"
    _description = "Document Catalogue of Dossiers (Excel)"


class ResearchHandoverXlsx(models.AbstractModel):
    _name = "report.research_archive.handover_xlsx"
    _inherit = "report.research_archive.xlsx_base"
    _description = "Hand-over List (Excel)"

    def generate_xlsx_report(self, workbook, data, objs):
        headers = [
            self.env._("Round"),
            self.env._("Participant"),
            self.env._("Item"),
            self.env._("Dossier"),
            self.env._("Copies / Pages"),
            self.env._("Carrier"),
            self.env._("Original or Copy"),
            self.env._("Remarks"),
            self.env._("Status"),
            self.env._("Signed On"),
            self.env._("Countersigned By (Research Office)"),
            self.env._("Countersigned On"),
        ]
        rows = (
            [
                handover.round_id.name,
                handover.participant_id.name,
                line.description if line else "",
                line.dossier_id.display_name if line and line.dossier_id else "",
                line.quantity if line else None,
                self._selection_label(line, "carrier") if line else "",
                self._selection_label(line, "copy_kind") if line else "",
                (line.remarks or "") if line else "",
                self._selection_label(handover, "state"),
                handover.signed_date,
                handover.countersigned_by_id.name or "",
                handover.countersigned_date,
            ]
            for handover in objs.handover_ids
            # a participant who hands nothing over still appears on the list
            for line in (handover.line_ids or [None])
        )
        self._write_table(workbook, self.env._("Hand-over List"), headers, rows)
