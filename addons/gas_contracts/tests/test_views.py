from lxml import etree

from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import GasCommon


@tagged("post_install", "-at_install")
class TestViewsPerRole(GasCommon):
    """Every role opens the forms and lists it has a menu for without an access error."""

    def _open(self, records, user, view_types=("form", "list")):
        Model = records.with_user(user)
        for view_type in view_types:
            arch = Model.get_views([(False, view_type)])["views"][view_type]["arch"]
            names = {
                node.get("name")
                for node in etree.fromstring(arch).xpath("//field[not(ancestor::field)]")
            }
            Model.web_read({name: {} for name in names})

    def test_every_role_opens_contracts_and_accounts(self):
        top_supply = self._signed_supply(partner_id=self.big_partner.id)
        account = self._open_account(top_supply)
        top = (
            self.env["gas.contract"]
            .with_user(self.vp)
            .create(self._top_vals(top_account_id=account.id))
        )
        contracts = self._draft() | top | top_supply
        roles = (
            self.staff,
            self.market,
            self.vp,
            self.gm,
            self.planning,
            self.finance,
            self.budget,
            self.archivist,
            self.admin_gas,
            self.basic,
        )
        for user in roles:
            with self.subTest(user=user.login):
                self._open(contracts, user, ("form", "list", "kanban"))
                self._open(account, user)
                self._open(contracts.partner_id, user, ("form",))


@tagged("post_install", "-at_install")
class TestGasUserPicker(GasCommon):
    """The gas user fields offer customers only, and never create a partner on the fly."""

    def _offered(self, model, partners):
        Model = self.env[model].with_user(self.staff)
        domain = Model.fields_get(["partner_id"], ["domain"])["partner_id"]["domain"]
        domain = safe_eval(domain) if isinstance(domain, str) else domain
        return (
            self.env["res.partner"]
            .with_user(self.staff)
            .search(domain + [("id", "in", partners.ids)])
        )

    def test_customers_offered_staff_and_contact_persons_not(self):
        Partner = self.env["res.partner"]
        company = Partner.create({"name": "Picker Ceramics", "is_company": True})
        household = Partner.create({"name": "Picker Household"})
        contact = Partner.create({"name": "Picker Buyer", "parent_id": company.id})
        employee = Partner.create({"name": "Picker Fitter", "employee": True})
        partners = company | household | contact | employee | self.staff.partner_id
        for model in ("gas.contract", "gas.account"):
            with self.subTest(model=model):
                self.assertEqual(self._offered(model, partners), company | household)

    def test_pickers_do_not_create_partners(self):
        for model in ("gas.contract", "gas.account"):
            arch = self.env[model].get_views([(False, "form")])["views"]["form"]["arch"]
            node = etree.fromstring(arch).xpath("//field[@name='partner_id']")[0]
            with self.subTest(model=model):
                self.assertTrue(safe_eval(node.get("options", "{}")).get("no_create"))


@tagged("post_install", "-at_install")
class TestKanbanColumns(GasCommon):
    def test_every_state_is_a_column_even_when_empty(self):
        Contracts = self.env["gas.contract"].with_user(self.staff)
        groups = Contracts.with_context(read_group_expand=True).formatted_read_group(
            [("id", "=", 0)], ["state"], ["__count"]
        )
        states = [value for value, _label in Contracts._fields["state"].selection]
        self.assertEqual([group["state"] for group in groups], states)
