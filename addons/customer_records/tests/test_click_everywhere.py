from odoo.tests import tagged

from odoo.addons.base_input_guard.tests.click_everywhere import ClickEverywhereCase


@tagged("post_install", "-at_install")
class TestClickEverywhere(ClickEverywhereCase):
    app_menu = "customer_records.menu_customer_records_root"
    privilege = "customer_records.res_groups_privilege_customer_records"
    app_modules = ("customer_records",)
    term_modules = ("base", "web", "mail", "base_tier_validation", "customer_records")

    def test_every_screen_opens_for_every_role(self):
        self.check_every_screen()
