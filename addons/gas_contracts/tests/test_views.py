from lxml import etree

from odoo.tests import tagged

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
