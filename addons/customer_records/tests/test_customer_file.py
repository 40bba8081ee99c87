from datetime import date, timedelta

from lxml import etree
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger
from odoo.tools.safe_eval import safe_eval

from odoo.addons.base_record_guard.tests.test_read_audit import (
    audit_cleanup,
    audit_mark,
    audit_rows,
)

from .common import CustomerRecordsCommon


@tagged("post_install", "-at_install")
class TestCustomerFile(CustomerRecordsCommon):
    def test_keeper_opens_file(self):
        customer_file = self._create_file(self.customer)
        self.assertEqual(customer_file.keeper_id, self.keeper)
        self.assertEqual(customer_file.name, "Huadong Textile Co.")
        self.assertEqual(customer_file.state, "draft")
        # contact details default from the customer
        self.assertEqual(customer_file.phone, "+86 21 1234")

    def test_keeper_opens_file_with_form(self):
        with Form(self.env["customer.file"].with_user(self.keeper)) as form:
            form.partner_id = self.customer2
            form.credit_rating = "a"
        self.assertEqual(form.record.keeper_id, self.keeper)

    def test_employee_without_group_cannot_read(self):
        customer_file = self._create_file(self.customer)
        with self.assertRaises(AccessError):
            customer_file.with_user(self.outsider).read(["partner_id", "credit_limit"])

    def test_keeper_cannot_create_file_for_another_keeper(self):
        with self.assertRaises(AccessError):
            self.env["customer.file"].with_user(self.keeper).create(
                {"partner_id": self.customer.id, "keeper_id": self.keeper2.id}
            )

    def test_keeper_must_hold_a_role(self):
        customer_file = self._create_file(self.customer)
        with self.assertRaises(ValidationError):
            customer_file.with_user(self.keeper).write({"keeper_id": self.outsider.id})
        self.assertEqual(customer_file.keeper_id, self.keeper)
        # handing the file over to a colleague is possible
        customer_file.with_user(self.keeper).write({"keeper_id": self.keeper2.id})
        self.assertFalse(self.env["customer.file"].with_user(self.keeper).search([]))

    def test_file_stays_with_its_customer(self):
        customer_file = self._create_file(self.customer)
        with self.assertRaises(UserError):
            customer_file.with_user(self.keeper).write({"partner_id": self.customer2.id})
        self.assertEqual(customer_file.partner_id, self.customer)

    def test_opened_file_keeps_its_log(self):
        mark = audit_mark(self.env)
        self.addCleanup(audit_cleanup, self.env, mark)
        customer_file = self._create_file(self.customer)
        file_id = customer_file.id
        customer_file.with_user(self.gm).read(["credit_limit"])
        customer_file.with_user(self.gm).unlink()
        # the log is kept apart from the file: deleting the file deletes no line of it
        rows = audit_rows(self.env, mark, "customer.file")
        self.assertEqual([(r["res_id"], r["user_ref"]) for r in rows], [(file_id, self.gm.id)])

    def test_one_file_per_customer(self):
        self._create_file(self.customer)
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.cr.savepoint():
            self._create_file(self.customer, keeper=self.keeper2)

    def test_negative_credit_limit_rejected(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.cr.savepoint():
            self._create_file(self.customer, credit_limit=-5.0)
        self.assertFalse(self.env["customer.file"].search([("partner_id", "=", self.customer.id)]))
        customer_file = self._create_file(self.customer)
        with self.assertRaises(ValidationError):
            customer_file.with_user(self.keeper).write({"credit_limit": -1.0})
        self.assertEqual(customer_file.credit_limit, 1000.0)

    def test_html_in_notes_is_kept_as_text(self):
        customer_file = self._create_file(self.customer, keeper_note="<script>alert(1)</script>")
        self.assertEqual(customer_file.keeper_note, "<script>alert(1)</script>")
        self.assertEqual(customer_file._fields["keeper_note"].type, "text")

    def test_transaction_history_from_crm_and_records(self):
        stage_won = self.env["crm.stage"].create({"name": "Won (test)", "is_won": True})
        leads = self.env["crm.lead"].create(
            [
                {
                    "name": f"Deal {i}",
                    "partner_id": self.customer.id,
                    "type": "opportunity",
                    "expected_revenue": 1000.0,
                }
                for i in range(3)
            ]
        )
        leads[:2].write({"stage_id": stage_won.id, "probability": 100})
        leads[:2].action_set_won()
        customer_file = self._create_file(self.customer)
        self.env["customer.transaction"].with_user(self.keeper).create(
            [
                {"file_id": customer_file.id, "name": "Order 1", "amount": 50.0},
                {"file_id": customer_file.id, "name": "Order 2", "amount": 25.0},
            ]
        )
        as_keeper = customer_file.with_user(self.keeper)
        self.assertEqual(as_keeper.won_opportunity_count, 2)
        self.assertEqual(as_keeper.won_revenue, 2000.0)
        self.assertEqual(as_keeper.transaction_amount, 75.0)
        self.assertEqual(as_keeper.transaction_count, 2)

    def test_crm_history_query_count_is_flat(self):
        """The won history is read with one grouped query, whatever the number of files."""
        partners = self.env["res.partner"].create([{"name": f"P{i}"} for i in range(12)])
        files = self.env["customer.file"].create(
            [{"partner_id": p.id, "keeper_id": self.keeper.id} for p in partners]
        )
        few = self._count_queries(lambda: files[:2].mapped("won_revenue"))
        many = self._count_queries(lambda: files.mapped("won_revenue"))
        self.assertEqual(few, many)
        self.env.invalidate_all()
        with self.assertQueryCount(2):  # the files' customers, then one grouped read
            files.mapped("won_opportunity_count")

    def _count_queries(self, func):
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        func()
        return self.env.cr.sql_log_count - before

    def test_negative_transaction_rejected(self):
        customer_file = self._create_file(self.customer)
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.cr.savepoint():
            self.env["customer.transaction"].with_user(self.keeper).create(
                {"file_id": customer_file.id, "name": "Bad", "amount": -1.0}
            )

    def test_review_overdue_flag_and_activity(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "customer_records.review_period_days", "30"
        )
        recent = self._create_file(self.customer, last_review_date=date.today() - timedelta(days=5))
        old = self._create_file(self.customer2, last_review_date=date.today() - timedelta(days=45))
        self.env["customer.file"]._cron_flag_overdue_reviews()
        self.assertFalse(recent.review_overdue)
        self.assertTrue(old.review_overdue)
        activity = old.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.keeper)
        # running again does not duplicate the reminder
        self.env["customer.file"]._cron_flag_overdue_reviews()
        self.assertEqual(len(old.activity_ids), 1)
        # the keeper reviews: flag cleared
        old.with_user(self.keeper).action_mark_reviewed()
        self.assertFalse(old.review_overdue)
        self.assertEqual(old.last_review_date, date.today())

    def test_keeper_cannot_clear_review_flag_by_write(self):
        customer_file = self._create_file(self.customer)
        with self.assertRaises(UserError):
            customer_file.with_user(self.keeper).write({"review_overdue": True})

    def test_review_period_setting(self):
        settings = self.env["res.config.settings"].create({"customer_review_period_days": 90})
        settings.execute()
        self.assertEqual(self.env["customer.file"]._get_review_period_days(), 90)


@tagged("post_install", "-at_install")
class TestAccessRequestPicker(CustomerRecordsCommon):
    """An access request names customers only, and never creates a partner on the fly."""

    def test_customers_offered_staff_and_contact_persons_not(self):
        Partner = self.env["res.partner"]
        person = Partner.create({"name": "Picker Private Customer"})
        contact = Partner.create({"name": "Picker Buyer", "parent_id": self.customer2.id})
        employee = Partner.create({"name": "Picker Clerk", "employee": True})
        partners = self.customer2 | person | contact | employee | self.keeper.partner_id
        Grant = self.env["customer.access.grant"].with_user(self.outsider)
        domain = Grant.fields_get(["partner_ids"], ["domain"])["partner_ids"]["domain"]
        domain = safe_eval(domain) if isinstance(domain, str) else domain
        offered = Partner.with_user(self.outsider).search(domain + [("id", "in", partners.ids)])
        self.assertEqual(offered, self.customer2 | person)

    def test_picker_does_not_create_partners(self):
        views = self.env["customer.access.grant"].get_views([(False, "form")])
        node = etree.fromstring(views["views"]["form"]["arch"]).xpath(
            "//field[@name='partner_ids']"
        )[0]
        self.assertTrue(safe_eval(node.get("options", "{}")).get("no_create"))
