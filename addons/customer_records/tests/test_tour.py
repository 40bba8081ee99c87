from datetime import date

from dateutil.relativedelta import relativedelta

from odoo.tests import new_test_user, tagged

from odoo.addons.base_input_guard.tests.common import LANG, ScreenshotTourCase
from odoo.addons.base_record_guard.tests.test_read_audit import (
    audit_cleanup,
    audit_mark,
    audit_rows,
)

from .common import MANAGER, OFFICE, USER


@tagged("post_install", "-at_install")
class TestCustomerRecordsTour(ScreenshotTourCase):
    """Issue 8: the journeys of part 2 in a real browser, each step as the role that does it."""

    term_modules = ("base", "web", "mail", "base_tier_validation", "customer_records")

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.gm = new_test_user(cls.env, login="cr_tour_gm", groups=MANAGER, name="王敏", lang=LANG)

    def test_keeper_opens_a_file(self):
        new_test_user(self.env, login="cr_tour_keeper", groups=USER)
        self.env["res.partner"].create({"name": "Tour Customer Ltd"})
        self.start_tour("/odoo", "customer_records_open_file", login="cr_tour_keeper")
        customer_file = self.env["customer.file"].search(
            [("partner_id.name", "=", "Tour Customer Ltd")]
        )
        self.assertTrue(customer_file, "the tour should have saved the file it typed")
        self.assertEqual(customer_file.credit_rating, "b")
        self.assertEqual(customer_file.validation_status, "pending")

    def test_salesman_requests_is_granted_and_opens_a_file(self):
        mark = audit_mark(self.env)
        self.addCleanup(audit_cleanup, self.env, mark)
        keeper = new_test_user(self.env, login="cr_tour_keeper2", groups=USER, name="赵强")
        salesman = new_test_user(
            self.env,
            login="cr_tour_salesman",
            groups="sales_team.group_sale_salesman",
            name="李伟",
            lang=LANG,
        )
        customer = self.env["res.partner"].create({"name": "Granted Customer Ltd"})
        other = self.env["res.partner"].create({"name": "Hidden Customer Ltd"})
        customer_file, _other_file = (
            self.env["customer.file"]
            .with_user(keeper)
            .create(
                [
                    {"partner_id": customer.id, "credit_description": "Pays in 30 days"},
                    {"partner_id": other.id, "credit_description": "Secret"},
                ]
            )
        )

        # the salesman fills in the request form and submits it
        self.start_tour(
            "/odoo", "customer_records_salesman_requests_access", login="cr_tour_salesman"
        )
        grant = self.env["customer.access.grant"].search([("requester_id", "=", salesman.id)])
        self.assertEqual(len(grant), 1, "the tour should have saved one request")
        self.assertEqual(grant.state, "requested")
        self.assertEqual(grant.partner_ids, customer)
        self.assertEqual(grant.purpose, "Prepare the renewal offer")
        self.assertEqual(grant.date_from, date.today())
        # the 15th of next month, picked in the calendar
        self.assertEqual(grant.date_to, date.today().replace(day=15) + relativedelta(months=1))
        self.assertEqual(grant.line_ids.file_id, customer_file)
        self.assertIn(self.gm, grant.activity_ids.user_id, "the general manager has a to-do")
        self.assertScreenshot("customer_records_access_requested")

        # the general manager authorises it
        self.start_tour("/odoo", "customer_records_gm_authorises_access", login="cr_tour_gm")
        self.assertEqual(grant.state, "approved")
        self.assertEqual(grant.approver_id, self.gm)
        self.assertTrue(grant.with_user(salesman).is_current)
        self.assertFalse(grant.activity_ids, "the decision closes the to-dos")
        self.assertScreenshot("customer_records_access_authorised")

        # the salesman opens the granted file, and only that one
        self.start_tour(
            "/odoo/customer-files", "customer_records_grantee_reads_file", login="cr_tour_salesman"
        )
        rows = [row for row in audit_rows(self.env, mark) if row["user_ref"] == salesman.id]
        self.assertTrue(rows, "opening the file is logged")
        self.assertEqual({row["grant_ref"] for row in rows}, {f"customer.access.grant,{grant.id}"})
        self.assertEqual(
            {(row["res_model"], row["res_id"]) for row in rows},
            {("customer.file", customer_file.id)},
        )
        self.assertScreenshot("customer_records_file_opened")

    def test_complaint_is_recorded_approved_and_replied(self):
        department_user = new_test_user(
            self.env, login="cr_tour_department", groups=USER, name="周红", lang=LANG
        )
        office = new_test_user(
            self.env, login="cr_tour_office", groups=OFFICE, name="孙丽", lang=LANG
        )
        department = self.env["customer.department"].create(
            {"name": "Tour Sales Department", "kind": "sales"}
        )
        customer = self.env["res.partner"].create({"name": "Complaining Customer Ltd"})

        # the receiving department records the complaint and its handling result
        self.start_tour(
            "/odoo", "customer_records_department_records_complaint", login="cr_tour_department"
        )
        complaint = self.env["customer.complaint"].search([("subject", "=", "Tour late delivery")])
        self.assertEqual(len(complaint), 1, "the tour should have saved the complaint")
        self.assertEqual(complaint.partner_id, customer)
        self.assertEqual(complaint.department_id, department)
        self.assertEqual(complaint.user_id, department_user)
        self.assertEqual(complaint.result, "Carrier changed; delivery fee refunded")
        self.assertEqual(complaint.state, "handling")
        self.assertEqual(complaint.validation_status, "pending")
        self.assertScreenshot("customer_records_complaint_recorded")

        # the general manager approves the result
        self.start_tour("/odoo", "customer_records_gm_approves_complaint", login="cr_tour_gm")
        self.assertEqual(complaint.state, "approved")
        self.assertEqual(complaint.review_ids.done_by, self.gm)
        self.assertScreenshot("customer_records_complaint_approved")

        # the company office sends the reply
        self.start_tour("/odoo", "customer_records_office_replies", login="cr_tour_office")
        self.assertEqual(complaint.state, "replied")
        self.assertEqual(complaint.replied_by_id, office)
        self.assertTrue(complaint.reply_text.startswith("We apologise"))
        reply = complaint.message_ids.filtered(lambda m: "We apologise" in (m.body or ""))
        self.assertEqual(reply.partner_ids, customer, "the reply goes to the customer")
        self.assertScreenshot("customer_records_complaint_replied")
