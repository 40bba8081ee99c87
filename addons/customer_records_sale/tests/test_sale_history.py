from odoo.exceptions import AccessError
from odoo.fields import Command
from odoo.tests import new_test_user, tagged

from odoo.addons.sale.tests.common import SaleCommon

KEEPER = "customer_records.group_customer_records_user"


@tagged("post_install", "-at_install")
class TestSaleHistory(SaleCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The keeper has no sales rights: he sees the figures through the file.
        cls.keeper = new_test_user(cls.env, login="crs_keeper", groups=KEEPER)
        cls.salesman = new_test_user(
            cls.env, login="crs_salesman", groups="sales_team.group_sale_salesman_all_leads"
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Huadong Textile Co.", "is_company": True}
        )
        cls.buyer = cls.env["res.partner"].create({"name": "Li Na", "parent_id": cls.customer.id})
        cls.file = (
            cls.env["customer.file"].with_user(cls.keeper).create({"partner_id": cls.customer.id})
        )

    def _order(self, partner, quantity, confirm=True):
        order = self.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "order_line": [
                    Command.create({"product_id": self.product.id, "product_uom_qty": quantity})
                ],
            }
        )
        if confirm:
            order.action_confirm()
        return order

    def test_confirmed_orders_of_the_customer_and_its_contacts(self):
        confirmed = self._order(self.customer, 2) + self._order(self.buyer, 3)
        self._order(self.customer, 5, confirm=False)  # a quotation is not a transaction
        cancelled = self._order(self.customer, 7)
        cancelled._action_cancel()
        self._order(self.partner, 11)  # another customer
        as_keeper = self.file.with_user(self.keeper)
        self.assertFalse(self.keeper.has_group("sales_team.group_sale_salesman"))
        self.assertEqual(as_keeper.sale_order_count, 2)
        self.assertTrue(confirmed[0].amount_total)
        self.assertAlmostEqual(as_keeper.sale_amount, sum(confirmed.mapped("amount_total")))
        self.assertEqual(as_keeper.last_order_date, max(confirmed.mapped("date_order")))

    def test_figures_stay_inside_the_file(self):
        self._order(self.customer, 2)
        with self.assertRaises(AccessError):
            self.file.with_user(self.salesman).read(["sale_amount"])
