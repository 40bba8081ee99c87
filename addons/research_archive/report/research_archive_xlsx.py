from odoo import models


def _selection_label(record, fname):
    return dict(record._fields[fname]._description_selection(record.env)).get(record[fname], "")


class ResearchDossierCatalogueXlsx(models.AbstractModel):
    _name = "report.research_archive.dossier_catalogue_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _xlsx_streamed = True
    _description = "Dossier Catalogue (Excel)"

    def generate_xlsx_report(self, workbook, data, objs):
        columns = [
            (self.env._("Archive Number"), "text"),
            (self.env._("Title"), "text"),
            (self.env._("Project"), "text"),
            (self.env._("Category"), "text"),
            (self.env._("Year"), "integer"),
            (self.env._("Retention Period"), "text"),
            (self.env._("Classification"), "text"),
            (self.env._("Status"), "text"),
            (self.env._("Items"), "integer"),
            (self.env._("Total Pages"), "integer"),
            (self.env._("Completeness (%)"), "percent"),
            (self.env._("Missing Documents"), "text"),
        ]
        rows = (
            [
                d.archive_number or "",
                d.name,
                d.project_id.name or "",
                d.category_id.name,
                d.year,
                _selection_label(d, "retention"),
                _selection_label(d, "classification"),
                _selection_label(d, "state"),
                d.document_count,
                d.page_total,
                d.completeness_rate,
                ", ".join(d.missing_type_ids.mapped("name")),
            ]
            for d in objs
        )
        self._xlsx_table(
            workbook, self.env._("Dossiers"), self.env._("Dossier Catalogue"), columns
        ).write_rows(rows).close()


class ResearchDocumentCatalogueXlsx(models.AbstractModel):
    _name = "report.research_archive.document_catalogue_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _xlsx_streamed = True
    _description = "Document Catalogue (Excel)"

    def _get_documents(self, objs):
        return objs.document_ids if objs._name == "research.dossier" else objs

    def generate_xlsx_report(self, workbook, data, objs):
        columns = [
            (self.env._("Archive Number"), "text"),
            (self.env._("Dossier"), "text"),
            (self.env._("Item No."), "integer"),
            (self.env._("Document Type"), "text"),
            (self.env._("Phase"), "text"),
            (self.env._("Title"), "text"),
            (self.env._("Date"), "date"),
            (self.env._("Author / Responsible"), "text"),
            (self.env._("Carrier"), "text"),
            (self.env._("Pages / Items"), "integer"),
            (self.env._("Original or Copy"), "text"),
            (self.env._("Holder of the Original"), "text"),
            (self.env._("Remarks"), "text"),
        ]
        rows = (
            [
                doc.archive_number or "",
                doc.dossier_id.name,
                doc.item_number,
                doc.type_id.name,
                _selection_label(doc, "phase"),
                doc.name,
                doc.date,
                doc.responsible or "",
                _selection_label(doc, "carrier"),
                doc.page_count,
                _selection_label(doc, "copy_kind"),
                doc.original_holder or "",
                doc.remarks or "",
            ]
            for doc in self._get_documents(objs)
        )
        self._xlsx_table(
            workbook, self.env._("Documents"), self.env._("Document Catalogue"), columns
        ).write_rows(rows).close()


class ResearchDossierDocumentsXlsx(models.AbstractModel):
    _name = "report.research_archive.dossier_documents_xlsx"
    _inherit = "report.research_archive.document_catalogue_xlsx"
    _description = "Document Catalogue of Dossiers (Excel)"


class ResearchHandoverXlsx(models.AbstractModel):
    _name = "report.research_archive.handover_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _xlsx_streamed = True
    _description = "Hand-over List (Excel)"

    def generate_xlsx_report(self, workbook, data, objs):
        columns = [
            (self.env._("Round"), "text"),
            (self.env._("Participant"), "text"),
            (self.env._("Item"), "text"),
            (self.env._("Dossier"), "text"),
            (self.env._("Copies / Pages"), "integer"),
            (self.env._("Carrier"), "text"),
            (self.env._("Original or Copy"), "text"),
            (self.env._("Remarks"), "text"),
            (self.env._("Status"), "text"),
            (self.env._("Signed On"), "datetime"),
            (self.env._("Countersigned By (Research Office)"), "text"),
            (self.env._("Countersigned On"), "datetime"),
        ]
        rows = (
            [
                handover.round_id.name,
                handover.participant_id.name,
                line.description if line else "",
                line.dossier_id.display_name if line and line.dossier_id else "",
                line.quantity if line else None,
                _selection_label(line, "carrier") if line else "",
                _selection_label(line, "copy_kind") if line else "",
                (line.remarks or "") if line else "",
                _selection_label(handover, "state"),
                handover.signed_date,
                handover.countersigned_by_id.name or "",
                handover.countersigned_date,
            ]
            for handover in objs.handover_ids
            # a participant who hands nothing over still appears on the list
            for line in (handover.line_ids or [None])
        )
        period = self.env._("Round: %(rounds)s", rounds=", ".join(objs.mapped("name")))
        self._xlsx_table(
            workbook, self.env._("Hand-over List"), self.env._("Hand-over List"), columns, period
        ).write_rows(rows).close()
