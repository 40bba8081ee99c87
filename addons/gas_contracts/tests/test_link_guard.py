"""No leaking names [X-3]: a contract or an account shows its gas user to every reader, so it
links only a gas user its writer may read (here: a customer of another company)."""

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import GasCommon


@tagged("post_install", "-at_install")
class TestNoLeakingNames(GasCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        other_company = cls.env["res.company"].create({"name": "Other Gas Company"})
        cls.foreign = cls.env["res.partner"].create(
            {"name": "Secret Foreign Customer", "company_id": other_company.id}
        )

    def test_contract_cannot_link_an_unreadable_gas_user(self):
        with self.assertRaises(AccessError) as caught:
            self._draft(partner_id=self.foreign.id)
        self.assertNotIn(self.foreign.name, str(caught.exception))
        contract = self._draft()
        with self.assertRaises(AccessError):
            contract.with_user(self.staff).write({"partner_id": self.foreign.id})
        self.assertEqual(contract.partner_id, self.partner)

    def test_account_cannot_link_an_unreadable_gas_user(self):
        account = self._open_account().with_user(self.staff)
        with self.assertRaises(AccessError) as caught:
            account.write({"partner_id": self.foreign.id})
        self.assertNotIn(self.foreign.name, str(caught.exception))
        self.assertEqual(account.partner_id, self.partner)
