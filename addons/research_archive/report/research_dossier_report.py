import re
from datetime import date

from odoo import api, models


class ReportResearchDossier(models.AbstractModel):
    """Cover page, inner list and remarks sheet of a volume (GB/T 11822)."""

    _name = "report.research_archive.report_dossier"
    _description = "Dossier Cover Page and Inner List"

    @api.model
    def _get_report_values(self, docids, data=None):
        dossiers = self.env["research.dossier"].browse(docids)
        dossiers.check_access("read")
        rules = {
            rule.company_id: rule
            for rule in self.env["research.archive.numbering"].search(
                [("company_id", "in", dossiers.company_id.ids)]
            )
        }
        return {
            "doc_ids": dossiers.ids,
            "doc_model": "research.dossier",
            "docs": dossiers,
            "reference_codes": {
                dossier.id: self._get_reference_codes(
                    dossier, rules.get(dossier.company_id, self.env["research.archive.numbering"])
                )
                for dossier in dossiers
            },
            "inner_lists": {dossier.id: self._get_inner_list(dossier) for dossier in dossiers},
            "format_archive_date": self._format_archive_date,
        }

    @api.model
    def _format_archive_date(self, value):
        # GB/T 11822 writes dates as eight digits, 20251001
        return value.strftime("%Y%m%d") if value else ""

    @api.model
    def _get_reference_codes(self, dossier, rule):
        """全宗号, 目录号, 案卷号 of the cover's grid, read back from the archive number.

        The numbering rule has no catalogue of its own: the dossiers of one category
        form one catalogue, so the category code is the catalogue number. The volume
        number is the serial of the archive number; before archiving it is blank.
        """
        parts = self._split_archive_number(rule.pattern, dossier.archive_number)
        return {
            "fonds": parts.get("fonds") or rule.fonds_code or "",
            "catalogue": parts.get("category") or dossier.category_id.code or "",
            "volume": parts.get("serial", ""),
        }

    @api.model
    def _split_archive_number(self, pattern, number):
        """{placeholder: value} of an archive number made by ``pattern``; {} if it does not fit."""
        if not (pattern and number):
            return {}
        regex = ""
        for literal, name in re.findall(r"([^{}]*)(?:{([a-z]+)})?", pattern):
            regex += re.escape(literal)
            if name:
                regex += rf"(?P<{name}>\d+)" if name == "serial" else rf"(?P<{name}>.+?)"
        try:
            match = re.fullmatch(regex, number)
        except re.error:
            # a placeholder used twice: the number cannot be read back
            return {}
        return match.groupdict() if match else {}

    @api.model
    def _get_inner_list(self, dossier):
        """Rows of the inner list: documents in date order, with the pages they occupy."""
        documents = dossier.document_ids.sorted(
            lambda doc: (not doc.date, doc.date or date.min, doc.item_number, doc.id)
        )
        return list(zip(documents, self._page_ranges(documents.mapped("page_count")), strict=True))

    @api.model
    def _page_ranges(self, page_counts):
        """Page numbers of items laid one after the other: [12, 8, 1] -> 1-12, 13-20, 21.

        An item without pages (an electronic file, say) takes no page number.
        """
        ranges, last = [], 0
        for count in page_counts:
            first, last = last + 1, last + max(count, 0)
            if last < first:
                ranges.append("")
            else:
                ranges.append(str(first) if first == last else f"{first}-{last}")
        return ranges
