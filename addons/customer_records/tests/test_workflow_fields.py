from datetime import date, timedelta

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.base_record_guard.tests.workflow_matrix import WorkflowFieldsMatrix

from .common import CustomerRecordsCommon


@tagged("post_install", "-at_install")
class TestWorkflowFields(CustomerRecordsCommon, WorkflowFieldsMatrix):
    """[CR-2] Every declared workflow-only field, every path, as the role that edits the model."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.survey = cls.env["survey.survey"].create({"title": "Workflow fields survey"})
        cls.campaign = (
            cls.env["customer.survey.campaign"]
            .with_user(cls.office)
            .create({"name": "Workflow fields campaign", "survey_id": cls.survey.id})
        )

    def _new_dimension(self):
        return self.env["customer.survey.dimension"].create({"name": "Workflow Fields Dimension"})

    def _new_customer(self):
        return self.env["res.partner"].create({"name": "Workflow Fields Customer"})

    def _cases(self):
        """(model, role, values of a record the role creates and then edits)."""
        soon = date.today() + timedelta(days=30)
        return [
            (
                "customer.file",
                self.keeper,
                lambda: {
                    "partner_id": self._new_customer().id,
                    "department_id": self.sales_dept.id,
                },
            ),
            (
                "customer.access.grant",
                self.keeper,
                lambda: {
                    "partner_ids": [(6, 0, self.customer.ids)],
                    "purpose": "Audit",
                    "date_from": date.today(),
                    "date_to": soon,
                },
            ),
            (
                "customer.complaint",
                self.keeper2,
                lambda: {
                    "subject": "Late delivery",
                    "partner_id": self.customer.id,
                    "department_id": self.sales_dept.id,
                    "description": "Five days late",
                },
            ),
            (
                "customer.visit",
                self.office,
                lambda: {"name": "Visit", "partner_id": self.customer.id},
            ),
            (
                "customer.corrective.action",
                self.office,
                lambda: {"name": "Price perception", "owner_id": self.keeper.id, "deadline": soon},
            ),
            (
                "customer.survey.campaign",
                self.office,
                lambda: {"name": "Campaign", "survey_id": self.survey.id},
            ),
            (
                "customer.survey.campaign.line",
                self.office,
                lambda: {"campaign_id": self.campaign.id, "dimension_id": self._new_dimension().id},
            ),
        ]

    def test_matrix(self):
        for model_name, user, make_vals in self._cases():
            self.assert_workflow_fields_guarded(model_name, user, make_vals)

    def test_keeper_cannot_create_an_approved_file(self):
        files = self.env["customer.file"].with_user(self.keeper)
        with self.assertRaisesRegex(UserError, "Only the workflow sets"):
            files.create({"partner_id": self.customer.id, "state": "approved"})
        self.assertFalse(files.search([("partner_id", "=", self.customer.id)]))
        customer_file = files.with_context(default_state="approved").create(
            {"partner_id": self.customer.id}
        )
        self.assertEqual(customer_file.state, "draft")
