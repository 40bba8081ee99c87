from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.base.tests.common import BaseCommon


@tagged("post_install", "-at_install")
class TestCustomerFileAccess(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.keeper = new_test_user(
            cls.env, login="cr_keeper", groups="customer_records.group_customer_records_user"
        )
        cls.outsider = new_test_user(cls.env, login="cr_outsider", groups="base.group_user")
        cls.customer = cls.env["res.partner"].create({"name": "Huadong Textile Co."})

    def test_keeper_opens_file(self):
        customer_file = (
            self.env["customer.file"]
            .with_user(self.keeper)
            .create({"partner_id": self.customer.id})
        )
        self.assertEqual(customer_file.keeper_id, self.keeper)
        self.assertEqual(customer_file.name, "Huadong Textile Co.")

    def test_employee_without_group_cannot_read(self):
        customer_file = self.env["customer.file"].create({"partner_id": self.customer.id})
        with self.assertRaises(AccessError):
            customer_file.with_user(self.outsider).read(["partner_id"])


@tagged("post_install", "-at_install")
class TestCustomerRecordsTour(HttpCase):
    def test_keeper_opens_a_file(self):
        new_test_user(
            self.env, login="cr_tour_keeper", groups="customer_records.group_customer_records_user"
        )
        self.env["res.partner"].create({"name": "Tour Customer Ltd"})
        self.start_tour("/odoo", "customer_records_open_file", login="cr_tour_keeper")
        self.assertTrue(
            self.env["customer.file"].search([("partner_id.name", "=", "Tour Customer Ltd")]),
            "the tour should have saved the file it typed",
        )
