from datetime import date, timedelta

from odoo.tests import tagged

from .common import CustomerRecordsCommon


@tagged("post_install", "-at_install")
class TestCustomerDashboard(CustomerRecordsCommon):
    """Issue 8: grants expiring this week, complaints waiting for approval."""

    def _dashboard(self, user, xmlid, filter_name):
        """The dashboard action as ``user`` sees it: its views and default filter load."""
        action = self.env["ir.actions.act_window"].with_user(user)._for_xml_id(xmlid)
        self.assertIn(f"'search_default_{filter_name}': 1", action["context"])
        Model = self.env[action["res_model"]].with_user(user)
        views = Model.get_views([*action["views"], (False, "search")])
        self.assertIn(f'name="{filter_name}"', views["views"]["search"]["arch"])
        return Model

    def _grant(self, user, days_left):
        grant = (
            self.env["customer.access.grant"]
            .with_user(user)
            .create(
                {
                    "partner_ids": [(6, 0, self.customer.ids)],
                    "purpose": "Prepare the renewal offer",
                    "date_from": date.today(),
                    "date_to": date.today() + timedelta(days=days_left),
                }
            )
        )
        grant.action_request()
        grant.with_user(self.gm).action_approve()
        return grant

    def test_grants_expiring_this_week(self):
        self._create_file(self.customer)
        soon, later = self._grant(self.keeper2, 3), self._grant(self.keeper2, 30)
        colleague = self._grant(self.office, 2)
        Grant = self._dashboard(
            self.keeper2, "customer_records.customer_access_grant_action_dashboard", "expiring_week"
        )
        expiring = [
            ("state", "=", "approved"),
            ("date_to", ">=", date.today()),
            ("date_to", "<=", date.today() + timedelta(days=7)),
        ]
        self.assertEqual(Grant.search(expiring), soon, "own grants only, not later ones")
        GmGrant = self._dashboard(
            self.gm, "customer_records.customer_access_grant_action_dashboard", "expiring_week"
        )
        self.assertEqual(GmGrant.search(expiring) & (soon | later | colleague), soon | colleague)

    def test_complaints_waiting_for_approval(self):
        self._create_file(self.customer)
        complaint = (
            self.env["customer.complaint"]
            .with_user(self.keeper2)
            .create(
                {
                    "subject": "Late delivery",
                    "partner_id": self.customer.id,
                    "department_id": self.sales_dept.id,
                    "description": "Arrived five days late",
                }
            )
        )
        complaint.action_start_handling()
        complaint.write({"result": "Carrier changed", "reply_text": "We apologise..."})
        waiting = [("state", "=", "handling"), ("validation_status", "in", ("waiting", "pending"))]
        Complaint = self._dashboard(
            self.gm, "customer_records.customer_complaint_action_dashboard", "to_approve"
        )
        self.assertNotIn(complaint, Complaint.search(waiting), "not submitted yet")
        complaint.request_validation()
        self.assertIn(complaint, Complaint.search(waiting))
        self.assertNotIn(complaint, Complaint.with_user(self.outsider).search(waiting))
        complaint.with_user(self.gm).validate_tier()
        self.assertNotIn(complaint, Complaint.search(waiting))


@tagged("post_install", "-at_install")
class TestKanbanColumns(CustomerRecordsCommon):
    def test_every_state_is_a_column_even_when_empty(self):
        for model, user in (
            ("customer.file", self.keeper),
            ("customer.complaint", self.office),
            ("customer.corrective.action", self.office),
        ):
            with self.subTest(model=model):
                records = self.env[model].with_user(user).with_context(read_group_expand=True)
                groups = records.formatted_read_group([("id", "=", 0)], ["state"], ["__count"])
                states = [value for value, _label in records._fields["state"].selection]
                self.assertEqual([group["state"] for group in groups], states)
