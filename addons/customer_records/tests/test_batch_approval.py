from datetime import date, timedelta

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import CustomerRecordsCommon


@tagged("post_install", "-at_install")
class TestBatchApproval(CustomerRecordsCommon):
    """Issue 15: a manager approves several records at once from a list."""

    def _requested_files(self, *partners, keeper=None):
        files = self.env["customer.file"]
        for partner in partners:
            customer_file = self._create_file(partner, keeper=keeper)
            customer_file.with_user(keeper or self.keeper).request_validation()
            files |= customer_file
        return files

    def test_director_approves_three_files_at_once(self):
        files = self._requested_files(self.customer, self.customer2, self.customer3)
        files.with_user(self.director).action_validate_selected()
        self.assertEqual(set(files.mapped("state")), {"approved"})
        self.assertEqual(files.review_ids.done_by, self.director)

    def test_one_file_the_director_may_not_approve_stops_the_selection(self):
        files = self._requested_files(self.customer, self.customer2)
        own = self._requested_files(self.customer3, keeper=self.director)
        with self.assertRaises(UserError) as caught:
            (files | own).with_user(self.director).action_validate_selected()
        self.assertEqual(
            str(caught.exception).splitlines()[1:],
            [f"You drafted or submitted {own.display_name}: someone else must review it."],
        )
        self.assertEqual(set((files | own).mapped("state")), {"draft"})
        self.assertEqual(set((files | own).mapped("validation_status")), {"pending"})

    def test_who_does_not_approve_files_is_refused(self):
        files = self._requested_files(self.customer, self.customer2)
        for user in (self.keeper, self.keeper2, self.office):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                files.with_user(user).action_validate_selected()
        self.assertEqual(set(files.mapped("validation_status")), {"pending"})

    def test_director_rejects_files_at_once(self):
        files = self._requested_files(self.customer, self.customer2)
        files.with_user(self.director).action_reject_selected()
        self.assertEqual(set(files.mapped("validation_status")), {"rejected"})
        self.assertEqual(set(files.mapped("state")), {"draft"})

    def _requested_grants(self, *requesters):
        today = date.today()
        grants = self.env["customer.access.grant"]
        for requester in requesters:
            grant = (
                self.env["customer.access.grant"]
                .with_user(requester)
                .create(
                    {
                        "partner_ids": [(6, 0, self.customer.ids)],
                        "purpose": "Prepare the contract negotiation",
                        "date_from": today,
                        "date_to": today + timedelta(days=7),
                    }
                )
            )
            grant.action_request()
            grants |= grant
        return grants.with_user(self.env.user)

    def test_general_manager_authorises_requests_at_once(self):
        self._create_file(self.customer)
        grants = self._requested_grants(self.outsider, self.keeper2, self.office)
        grants.with_user(self.gm).action_approve()
        self.assertEqual(set(grants.mapped("state")), {"approved"})
        self.assertEqual(grants.approver_id, self.gm)

    def test_own_request_in_the_selection_is_named_and_nothing_is_authorised(self):
        self._create_file(self.customer)
        grants = self._requested_grants(self.outsider, self.keeper2)
        own = self._requested_grants(self.gm)
        with self.assertRaises(UserError) as caught:
            (grants | own).with_user(self.gm).action_approve()
        self.assertEqual(
            str(caught.exception),
            f"You cannot approve your own access request {own.display_name}.",
        )
        self.assertEqual(set((grants | own).mapped("state")), {"requested"})
        with self.assertRaises(UserError) as caught:
            grants.with_user(self.director).action_approve()
        # said once for the selection, not once per request
        self.assertEqual(str(caught.exception), "Only the general manager decides on access.")
        self.assertEqual(set(grants.mapped("state")), {"requested"})
