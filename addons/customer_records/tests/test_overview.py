from datetime import date, timedelta

from odoo.tests import new_test_user, tagged

from odoo.addons.base_input_guard.tests.common import LANG, ScreenshotTourCase
from odoo.addons.base_role_overview.tests.common import OverviewCase

from .common import MANAGER, CustomerRecordsCommon

TILE = "customer_records.overview_tile_"


@tagged("post_install", "-at_install")
class TestOverview(OverviewCase, CustomerRecordsCommon):
    """Issue 15: the app opens on what waits for the user's role, within the record rules."""

    overview_action = "customer_records.customer_records_overview_action"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.file = cls._create_file(cls.customer)
        cls.file.with_user(cls.keeper).request_validation()
        cls.other_file = cls._create_file(cls.customer2, keeper=cls.keeper2)
        cls.grant = (
            cls.env["customer.access.grant"]
            .with_user(cls.outsider)
            .create(
                {
                    "partner_ids": [(6, 0, cls.customer.ids)],
                    "purpose": "Prepare the yearly visit",
                    "date_to": date.today() + timedelta(days=5),
                }
            )
        )
        cls.grant.action_request()
        cls.complaint = (
            cls.env["customer.complaint"]
            .with_user(cls.keeper)
            .create(
                {
                    "subject": "Late delivery",
                    "partner_id": cls.customer.id,
                    "department_id": cls.sales_dept.id,
                    "description": "Arrived five days late",
                    "received_date": date.today() - timedelta(days=10),
                    "deadline": date.today() - timedelta(days=1),
                }
            )
        )

    def test_employee_sees_his_access_requests(self):
        tiles = self.overview(self.outsider)
        self.assertEqual(set(tiles), {TILE + "grant_expiring", TILE + "my_grant_pending"})
        pending = self.assertTile(tiles[TILE + "my_grant_pending"], [("state", "=", "requested")])
        self.assertEqual(pending, self.grant)
        self.assertFalse(
            self.assertTile(tiles[TILE + "grant_expiring"], [("state", "=", "approved")])
        )
        self.grant.with_user(self.gm).action_approve()
        self.assertEqual(self.assertTile(tiles[TILE + "grant_expiring"], []), self.grant)
        self.assertFalse(
            self.assertTile(tiles[TILE + "my_grant_pending"], [("state", "=", "requested")])
        )

    def test_keeper_sees_his_files_and_complaints(self):
        tiles = self.overview(self.keeper)
        self.assertNotIn(TILE + "file_to_approve", tiles, "a keeper approves no file")
        self.assertNotIn(TILE + "grant_to_decide", tiles)
        overdue = self.assertTile(
            tiles[TILE + "complaint_overdue"],
            [("deadline", "<", date.today()), ("state", "in", ("received", "handling"))],
        )
        self.assertIn(self.complaint, overdue)
        self.file.sudo()._workflow().write({"review_overdue": True})
        self.other_file.sudo()._workflow().write({"review_overdue": True})
        due = self.assertTile(tiles[TILE + "file_review_due"], [("review_overdue", "=", True)])
        self.assertIn(self.file, due)
        self.assertNotIn(self.other_file, due, "another keeper's file is not counted")

    def test_approvers_see_what_waits_for_them(self):
        director = self.overview(self.director)
        self.assertNotIn(TILE + "complaint_to_approve", director)
        to_approve = self.assertTile(
            director[TILE + "file_to_approve"], [("validation_status", "=", "pending")]
        )
        self.assertIn(self.file, to_approve)
        gm = self.overview(self.gm)
        decide = self.assertTile(gm[TILE + "grant_to_decide"], [("state", "=", "requested")])
        self.assertIn(self.grant, decide)
        self.complaint.with_user(self.keeper).action_start_handling()
        self.complaint.with_user(self.keeper).write({"result": "Carrier changed"})
        self.complaint.with_user(self.keeper).request_validation()
        complaints = self.assertTile(
            gm[TILE + "complaint_to_approve"], [("validation_status", "=", "pending")]
        )
        self.assertIn(self.complaint, complaints)
        self.assertFalse(self.complaint.with_user(self.director).can_review)


@tagged("post_install", "-at_install")
class TestOverviewTour(ScreenshotTourCase):
    """Issue 15: the general manager opens the app on its overview and follows a tile, in zh_CN."""

    term_modules = ("base", "web", "base_role_overview", "customer_records")

    def test_overview_leads_to_the_records(self):
        new_test_user(self.env, login="cr_overview_gm", groups=MANAGER, lang=LANG)
        requester = new_test_user(self.env, login="cr_overview_employee", groups="base.group_user")
        customer = self.env["res.partner"].create({"name": "Overview Tour Customer"})
        self.env["customer.file"].create({"partner_id": customer.id})
        grant = (
            self.env["customer.access.grant"]
            .with_user(requester)
            .create(
                {
                    "partner_ids": [(6, 0, customer.ids)],
                    "purpose": "Overview tour purpose",
                    "date_to": date.today() + timedelta(days=30),
                }
            )
        )
        grant.action_request()
        self.start_tour("/odoo", "customer_records_overview", login="cr_overview_gm")
