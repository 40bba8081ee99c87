from odoo import models


class CustomerRecordsXlsxBase(models.AbstractModel):
    """Common options: streamed rows (bounded memory); text stays text through
    base_record_guard."""

    _name = "report.customer_records.xlsx_base"
    _description = "Customer Records Excel Report Base"
    _inherit = "report.report_xlsx.abstract"

    def get_workbook_options(self):
        return dict(super().get_workbook_options(), constant_memory=True)

    def _get_visible(self, objs):
        # Only what the exporting user may read: the report runs in the
        # user's environment and silently leaves out anything else.
        return objs._filtered_access("read")

    def _write_sheet(self, workbook, title, headers, rows):
        sheet = workbook.add_worksheet(title[:31])
        bold = workbook.add_format({"bold": True})
        for col, header in enumerate(headers):
            sheet.write_string(0, col, header, bold)
            sheet.set_column(col, col, 18)
        for row_index, row in enumerate(rows, start=1):
            for col, value in enumerate(row):
                if isinstance(value, bool) or value is None:
                    sheet.write_string(row_index, col, "" if not value else str(value))
                elif isinstance(value, (int, float)):
                    sheet.write_number(row_index, col, value)
                else:
                    sheet.write_string(row_index, col, str(value))
        return sheet

    def _selection_label(self, record, field_name):
        value = record[field_name]
        if not value:
            return ""
        return dict(record._fields[field_name]._description_selection(self.env)).get(value, value)


class CustomerFileXlsx(models.AbstractModel):
    _name = "report.customer_records.customer_file_xlsx"
    _description = "Customer File List (Excel)"
    _inherit = "report.customer_records.xlsx_base"

    def generate_xlsx_report(self, workbook, data, objs):
        files = self._get_visible(objs)
        headers = [
            self.env._("Customer"),
            self.env._("Owning Department"),
            self.env._("Keeper"),
            self.env._("Phone"),
            self.env._("Credit Rating"),
            self.env._("Credit Limit"),
            self.env._("Last Review"),
            self.env._("Status"),
        ]
        rows = (
            [
                f.partner_id.display_name,
                f.department_id.name or "",
                f.keeper_id.name,
                f.phone or "",
                self._selection_label(f, "credit_rating"),
                f.credit_limit,
                str(f.last_review_date or ""),
                self._selection_label(f, "state"),
            ]
            for f in files
        )
        self._write_sheet(workbook, self.env._("Customer Files"), headers, rows)


class CustomerComplaintXlsx(models.AbstractModel):
    _name = "report.customer_records.customer_complaint_xlsx"
    _description = "Complaint Register (Excel)"
    _inherit = "report.customer_records.xlsx_base"

    def generate_xlsx_report(self, workbook, data, objs):
        complaints = self._get_visible(objs)
        headers = [
            self.env._("Reference"),
            self.env._("Received"),
            self.env._("Customer"),
            self.env._("Subject"),
            self.env._("Kind"),
            self.env._("Receiving Department"),
            self.env._("Deadline"),
            self.env._("Status"),
            self.env._("Handling Result"),
            self.env._("Replied On"),
        ]
        rows = (
            [
                c.name,
                str(c.received_date or ""),
                c.partner_id.display_name,
                c.subject,
                self._selection_label(c, "kind"),
                c.department_id.name or "",
                str(c.deadline or ""),
                self._selection_label(c, "state"),
                c.result or "",
                str(c.reply_date or ""),
            ]
            for c in complaints
        )
        self._write_sheet(workbook, self.env._("Complaint Register"), headers, rows)


class CustomerSurveyCampaignXlsx(models.AbstractModel):
    _name = "report.customer_records.customer_survey_xlsx"
    _description = "Satisfaction Analysis (Excel)"
    _inherit = "report.customer_records.xlsx_base"

    def generate_xlsx_report(self, workbook, data, objs):
        campaigns = self._get_visible(objs)
        headers = [
            self.env._("Campaign"),
            self.env._("Year"),
            self.env._("Dimension"),
            self.env._("Answers"),
            self.env._("Average Score"),
            self.env._("Company Target"),
            self.env._("Last Year"),
            self.env._("Below Target"),
            self.env._("Distribution"),
        ]
        rows = []
        for campaign in campaigns:
            rows.append(
                [
                    campaign.name,
                    campaign.year,
                    self.env._(
                        "Overall (response rate %(rate)s%%)", rate=round(campaign.response_rate, 1)
                    ),
                    campaign.response_count,
                    campaign.overall_score,
                    campaign.target_score,
                    campaign.last_year_score,
                    self.env._("Yes") if campaign.below_target else self.env._("No"),
                    "",
                ]
            )
            for line in campaign.line_ids:
                rows.append(
                    [
                        campaign.name,
                        campaign.year,
                        line.dimension_id.name,
                        line.answer_count,
                        line.average_score,
                        line.target_score,
                        line.last_year_score,
                        self.env._("Yes") if line.below_target else self.env._("No"),
                        line.distribution or "",
                    ]
                )
        self._write_sheet(workbook, self.env._("Satisfaction Analysis"), headers, rows)
