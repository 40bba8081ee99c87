from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from odoo.addons.account.tests.common import AccountTestInvoicingCommon

KEEPER = "customer_records.group_customer_records_user"


@tagged("post_install", "-at_install")
class TestInvoiceHistory(AccountTestInvoicingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.env.company
        # The keeper has no invoicing rights: he sees the figures through the file.
        cls.keeper = new_test_user(
            cls.env, login="cra_keeper", groups=KEEPER, company_id=company.id
        )
        cls.accountant = new_test_user(
            cls.env,
            login="cra_accountant",
            groups="account.group_account_invoice",
            company_id=company.id,
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Huadong Textile Co.", "is_company": True}
        )
        cls.buyer = cls.env["res.partner"].create({"name": "Li Na", "parent_id": cls.customer.id})
        cls.other = cls.env["res.partner"].create({"name": "Jinling Foods", "is_company": True})
        cls.file = (
            cls.env["customer.file"].with_user(cls.keeper).create({"partner_id": cls.customer.id})
        )

    @classmethod
    def _invoice(cls, partner, amount, move_type="out_invoice", post=True, day="2026-03-01"):
        return cls._create_invoice_one_line(
            price_unit=amount,
            tax_ids=[],
            move_type=move_type,
            partner_id=partner,
            invoice_date=day,
            post=post,
        )

    def test_posted_invoices_less_credit_notes(self):
        self._invoice(self.customer, 1000.0)
        self._invoice(self.buyer, 500.0, day="2026-04-15")  # a contact of the customer
        self._invoice(self.customer, 200.0, move_type="out_refund")
        self._invoice(self.customer, 700.0, post=False)  # a draft is not a transaction
        self._invoice(self.other, 900.0)
        self._invoice(self.customer, 300.0, move_type="in_invoice")  # a vendor bill is not
        as_keeper = self.file.with_user(self.keeper)
        self.assertFalse(self.keeper.has_group("account.group_account_invoice"))
        self.assertEqual(as_keeper.invoice_count, 3)
        self.assertEqual(as_keeper.invoiced_amount, 1300.0)
        self.assertEqual(as_keeper.invoice_residual, 1300.0)
        self.assertEqual(str(as_keeper.last_invoice_date), "2026-04-15")

    def test_figures_stay_inside_the_file(self):
        self._invoice(self.customer, 1000.0)
        # An accountant sees the invoices, not the confidential file.
        self.assertTrue(
            self.env["account.move"]
            .with_user(self.accountant)
            .search([("partner_id", "=", self.customer.id)])
        )
        with self.assertRaises(AccessError):
            self.file.with_user(self.accountant).read(["invoiced_amount"])

    def test_history_is_read_in_one_query_for_many_files(self):
        partners = self.env["res.partner"].create(
            [{"name": f"Customer {i}", "is_company": True} for i in range(10)]
        )
        files = (
            self.env["customer.file"]
            .with_user(self.keeper)
            .create([{"partner_id": partner.id} for partner in partners])
        )
        for partner in partners[:3]:
            self._invoice(partner, 100.0)

        def queries(records):
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            records.mapped("invoiced_amount")
            return self.env.cr.sql_log_count - before

        queries(files)  # warm-up: pending writes and the access rules
        self.assertEqual(queries(files[:2]), queries(files))
        self.assertEqual(files.mapped("invoice_count"), [1, 1, 1] + [0] * 7)
