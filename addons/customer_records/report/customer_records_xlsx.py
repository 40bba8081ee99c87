from odoo import models


def _selection_label(record, field_name):
    value = record[field_name]
    if not value:
        return ""
    return dict(record._fields[field_name]._description_selection(record.env)).get(value, value)


class CustomerFileXlsx(models.AbstractModel):
    _name = "report.customer_records.customer_file_xlsx"
    _description = "Customer File List (Excel)"
    _inherit = "report.report_xlsx.abstract"
    _xlsx_streamed = True

    def generate_xlsx_report(self, workbook, data, objs):
        # Only what the exporting user may read: the report runs in the
        # user's environment and silently leaves out anything else.
        files = objs._filtered_access("read")
        table = self._xlsx_table(
            workbook,
            self.env._("Customer Files"),
            self.env._("Customer File List"),
            [
                (self.env._("Customer"), "text"),
                (self.env._("Owning Department"), "text"),
                (self.env._("Keeper"), "text"),
                (self.env._("Phone"), "text"),
                (self.env._("Credit Rating"), "text"),
                (self.env._("Credit Limit"), "amount"),
                (self.env._("Last Review"), "date"),
                (self.env._("Status"), "text"),
            ],
        )
        table.write_rows(
            [
                f.partner_id.display_name,
                f.department_id.name,
                f.keeper_id.name,
                f.phone,
                _selection_label(f, "credit_rating"),
                f.credit_limit,
                f.last_review_date,
                _selection_label(f, "state"),
            ]
            for f in files
        ).close()


class CustomerComplaintXlsx(models.AbstractModel):
    _name = "report.customer_records.customer_complaint_xlsx"
    _description = "Complaint Register (Excel)"
    _inherit = "report.report_xlsx.abstract"
    _xlsx_streamed = True

    def generate_xlsx_report(self, workbook, data, objs):
        complaints = objs._filtered_access("read")
        table = self._xlsx_table(
            workbook,
            self.env._("Complaint Register"),
            self.env._("Complaint Register"),
            [
                (self.env._("Reference"), "text"),
                (self.env._("Received"), "date"),
                (self.env._("Customer"), "text"),
                (self.env._("Subject"), "text"),
                (self.env._("Kind"), "text"),
                (self.env._("Receiving Department"), "text"),
                (self.env._("Deadline"), "date"),
                (self.env._("Status"), "text"),
                (self.env._("Handling Result"), "text"),
                (self.env._("Replied On"), "datetime"),
            ],
        )
        table.write_rows(
            [
                c.name,
                c.received_date,
                c.partner_id.display_name,
                c.subject,
                _selection_label(c, "kind"),
                c.department_id.name,
                c.deadline,
                _selection_label(c, "state"),
                c.result,
                c.reply_date,
            ]
            for c in complaints
        ).close()


class CustomerSurveyCampaignXlsx(models.AbstractModel):
    _name = "report.customer_records.customer_survey_xlsx"
    _description = "Satisfaction Analysis (Excel)"
    _inherit = "report.report_xlsx.abstract"
    _xlsx_streamed = True

    def generate_xlsx_report(self, workbook, data, objs):
        campaigns = objs._filtered_access("read")
        years = ", ".join(str(year) for year in sorted(set(campaigns.mapped("year"))))
        table = self._xlsx_table(
            workbook,
            self.env._("Satisfaction Analysis"),
            self.env._("Satisfaction Analysis"),
            [
                (self.env._("Campaign"), "text"),
                (self.env._("Year"), "integer"),
                (self.env._("Dimension"), "text"),
                (self.env._("Answers"), "integer"),
                (self.env._("Average Score"), "number"),
                (self.env._("Company Target"), "number"),
                (self.env._("Last Year"), "number"),
                (self.env._("Below Target"), "text"),
                (self.env._("Distribution"), "text"),
            ],
            period=years and self.env._("Year: %(years)s", years=years),
        )
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
                        line.distribution,
                    ]
                )
        table.write_rows(rows).close()
