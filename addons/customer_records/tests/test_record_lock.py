from datetime import date, timedelta

from odoo.tests import tagged

from odoo.addons.base_record_guard.tests.lock_matrix import LockedRecordsMatrix

from .common import CustomerRecordsCommon


@tagged("post_install", "-at_install")
class TestRecordLock(CustomerRecordsCommon, LockedRecordsMatrix):
    """[CR-7] the approved result of a complaint x {write, unlink}, as every role."""

    def test_approved_complaint_matrix(self):
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
                    "deadline": date.today() + timedelta(days=10),
                }
            )
        )
        complaint.action_start_handling()
        complaint.write({"result": "Carrier changed", "reply_text": "We apologise..."})
        complaint.request_validation()
        complaint.with_user(self.gm).validate_tier()
        self.assertEqual(complaint.state, "approved")
        self.assert_locked_records(
            "customer_records",
            [complaint],
            (self.keeper, self.keeper2, self.office, self.director, self.gm),
        )
        # the reply still goes on: it is no part of the approved result
        complaint.with_user(self.office).write({"reply_text": "We apologise, corrected"})
