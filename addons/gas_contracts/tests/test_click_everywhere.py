from odoo.tests import tagged

from odoo.addons.base_input_guard.tests.click_everywhere import ClickEverywhereCase


@tagged("post_install", "-at_install")
class TestClickEverywhere(ClickEverywhereCase):
    app_menu = "gas_contracts.menu_gas_contracts_root"
    privilege = "gas_contracts.res_groups_privilege_gas_contracts"
    app_modules = ("gas_contracts",)
    term_modules = ("base", "web", "mail", "base_tier_validation", "gas_contracts")

    def roles(self):
        # the app's roles sit in several privileges of its category, one per chain
        category = self.env.ref("gas_contracts.module_category_gas_contracts")
        return self.env["res.groups"].search([("privilege_id.category_id", "=", category.id)])

    def test_every_screen_opens_for_every_role(self):
        self.check_every_screen()
