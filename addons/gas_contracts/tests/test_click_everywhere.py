from odoo.tests import tagged

from odoo.addons.base_input_guard.tests.click_everywhere import ClickEverywhereCase


@tagged("post_install", "-at_install")
class TestClickEverywhere(ClickEverywhereCase):
    app_menu = "gas_contracts.menu_gas_contracts_root"
    privilege = "gas_contracts.res_groups_privilege_gas_contracts"
    app_modules = ("gas_contracts",)
    term_modules = ("base", "web", "mail", "base_tier_validation", "gas_contracts")

    def test_every_screen_opens_for_every_role(self):
        self.check_every_screen()
