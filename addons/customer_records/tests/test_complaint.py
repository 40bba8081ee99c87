from datetime import date, timedelta

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import CustomerRecordsCommon


@tagged("post_install", "-at_install")
class TestComplaint(CustomerRecordsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.file = cls._create_file(cls.customer)
        # the business department user receives the complaint
        cls.department_user = cls.keeper2

    def _complaint(self, **vals):
        return (
            self.env["customer.complaint"]
            .with_user(self.department_user)
            .create(
                dict(
                    {
                        "subject": "Late delivery",
                        "partner_id": self.customer.id,
                        "department_id": self.sales_dept.id,
                        "description": "Arrived five days late",
                        "deadline": date.today() + timedelta(days=10),
                    },
                    **vals,
                )
            )
        )

    def _handled(self):
        complaint = self._complaint()
        complaint.action_start_handling()
        complaint.write({"result": "Carrier changed", "reply_text": "We apologise..."})
        complaint.request_validation()
        return complaint

    def test_complaint_links_to_file_and_sequence(self):
        complaint = self._complaint()
        self.assertEqual(complaint.sudo().file_id, self.file)
        self.assertNotEqual(complaint.name, "/")
        self.assertEqual(complaint.state, "received")

    def test_quality_complaint_involves_production(self):
        complaint = self._complaint(kind="quality")
        self.assertEqual(complaint.production_department_id, self.production_dept)
        service = self._complaint(kind="service")
        self.assertFalse(service.production_department_id)

    def test_deadline_before_reception_rejected(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.cr.savepoint():
            self._complaint(deadline=date.today() - timedelta(days=1))
        complaint = self._complaint()
        with self.assertRaises(ValidationError):
            complaint.write({"deadline": date.today() - timedelta(days=1)})

    def test_full_flow_reply_after_gm_approval(self):
        complaint = self._handled()
        todo = complaint.activity_ids.filtered(lambda a: a.user_id == self.department_user)
        self.assertEqual(todo.date_deadline, complaint.deadline)
        self.assertEqual(complaint.validation_status, "pending")
        complaint.with_user(self.gm).validate_tier()
        self.assertEqual(complaint.state, "approved")
        complaint.with_user(self.office).action_send_reply()
        self.assertEqual(complaint.state, "replied")
        self.assertEqual(complaint.replied_by_id, self.office)
        self.assertIn(self.customer, complaint.message_ids.partner_ids)
        self.assertFalse(
            complaint.activity_ids.filtered(lambda a: a.user_id == self.department_user)
        )

    def test_reply_blocked_before_approval_by_every_path(self):
        complaint = self._handled()
        as_office = complaint.with_user(self.office)
        with self.assertRaises(UserError):
            as_office.action_send_reply()
        with self.assertRaises(UserError):
            as_office.write({"state": "replied"})
        with self.assertRaises(UserError):
            as_office.write({"reply_date": "2026-01-01 10:00:00"})
        with self.assertRaises(UserError):
            as_office.write({"state": "approved"})
        with self.assertRaises(UserError):
            self.env["customer.complaint"].with_user(self.office).create(
                {
                    "subject": "x",
                    "partner_id": self.customer.id,
                    "department_id": self.sales_dept.id,
                    "description": "x",
                    "state": "replied",
                }
            )
        self.assertEqual(complaint.state, "handling")
        self.assertFalse(complaint.reply_date)

    def test_only_general_manager_approves_result(self):
        complaint = self._handled()
        for user in (self.department_user, self.office, self.director):
            with self.assertRaises(UserError):
                complaint.with_user(user).validate_tier()
        with self.assertRaises(AccessError):
            complaint.review_ids.with_user(self.director).write({"status": "approved"})
        self.assertEqual(complaint.state, "handling")

    def test_general_manager_cannot_approve_own_complaint(self):
        complaint = (
            self.env["customer.complaint"]
            .with_user(self.gm)
            .create(
                {
                    "subject": "x",
                    "partner_id": self.customer.id,
                    "department_id": self.sales_dept.id,
                    "description": "x",
                    "result": "Handled",
                }
            )
        )
        complaint.action_start_handling()
        complaint.request_validation()
        with self.assertRaises(UserError):
            complaint.validate_tier()
        complaint.with_user(self.gm2).validate_tier()
        self.assertEqual(complaint.state, "approved")

    def test_department_user_cannot_reply(self):
        complaint = self._handled()
        complaint.with_user(self.gm).validate_tier()
        with self.assertRaises(AccessError):
            complaint.with_user(self.department_user).action_send_reply()
        self.assertEqual(complaint.state, "approved")

    def test_result_frozen_after_approval(self):
        complaint = self._handled()
        complaint.with_user(self.gm).validate_tier()
        with self.assertRaises(UserError):
            complaint.with_user(self.department_user).write({"result": "Something else"})
        with self.assertRaises(UserError):
            complaint.with_user(self.office).write({"state": "cancelled"})

    def test_validation_needs_a_result(self):
        complaint = self._complaint()
        complaint.action_start_handling()
        with self.assertRaises(UserError):
            complaint.request_validation()

    def test_complaint_visibility(self):
        complaint = self._complaint()
        Complaint = self.env["customer.complaint"]
        self.assertIn(complaint, Complaint.with_user(self.department_user).search([]))
        self.assertIn(complaint, Complaint.with_user(self.keeper).search([]))  # keeper of the file
        self.assertIn(complaint, Complaint.with_user(self.office).search([]))
        self.assertNotIn(complaint, Complaint.with_user(self.outsider).search([]))
        stranger = self.env["customer.complaint"].create(
            {
                "subject": "y",
                "partner_id": self.customer3.id,
                "department_id": self.sales_dept.id,
                "description": "y",
                "user_id": self.office.id,
            }
        )
        self.assertNotIn(stranger, Complaint.with_user(self.department_user).search([]))

    def test_corrective_action_from_complaint(self):
        complaint = self._handled()
        action = complaint.with_user(self.office).action_new_corrective_action()
        self.assertEqual(action["res_model"], "customer.corrective.action")
        corrective = (
            self.env["customer.corrective.action"]
            .with_user(self.office)
            .with_context(**action["context"])
            .create({"deadline": date.today() + timedelta(days=30)})
        )
        self.assertEqual(corrective.complaint_id, complaint)
        self.assertEqual(complaint.corrective_action_ids, corrective)

    def test_overdue_filter(self):
        complaint = self._complaint(
            received_date=date.today() - timedelta(days=20),
            deadline=date.today() - timedelta(days=1),
        )
        overdue = self.env["customer.complaint"].search([("is_overdue", "=", True)])
        self.assertIn(complaint, overdue)
        self.assertTrue(complaint.is_overdue)
