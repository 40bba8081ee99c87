from datetime import datetime, timedelta

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import CustomerRecordsCommon


@tagged("post_install", "-at_install")
class TestVisit(CustomerRecordsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.file = cls._create_file(cls.customer)

    def _visit(self, user, **vals):
        return (
            self.env["customer.visit"]
            .with_user(user)
            .create(dict({"name": "Visit", "partner_id": self.customer.id}, **vals))
        )

    def test_scheduled_festival_visit_recorded_in_file(self):
        start = datetime(2026, 9, 25, 2, 0)
        visit = self._visit(
            self.office,
            name="Mid-Autumn Festival visit",
            visit_type="scheduled",
            occasion="festival",
            channel="visit",
            date_start=start,
            date_stop=start + timedelta(hours=2),
            product_feedback="Asks for earlier delivery notices",
        )
        visit.action_done()
        self.assertEqual(visit.state, "done")
        in_file = self.file.with_user(self.keeper).visit_ids
        self.assertEqual(in_file, visit)
        self.assertEqual(in_file.product_feedback, "Asks for earlier delivery notices")

    def test_daily_contact_by_the_keeper(self):
        visit = self._visit(self.keeper, channel="phone")
        self.assertEqual((visit.visit_type, visit.occasion), ("unscheduled", "daily"))
        self.assertEqual(visit.user_id, self.keeper)
        # a colleague keeping other files does not see it; he cannot change it either
        self.assertFalse(self.env["customer.visit"].with_user(self.keeper2).search([]))
        with self.assertRaises(AccessError):
            visit.with_user(self.keeper2).write({"product_feedback": "x"})

    def test_visit_cannot_end_before_it_starts(self):
        start = datetime(2026, 3, 1, 8, 0)
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.cr.savepoint():
            self._visit(self.office, date_start=start, date_stop=start - timedelta(hours=1))
