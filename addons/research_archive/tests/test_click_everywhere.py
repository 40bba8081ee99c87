from odoo.tests import tagged

from odoo.addons.base_input_guard.tests.click_everywhere import ClickEverywhereCase


@tagged("post_install", "-at_install")
class TestClickEverywhere(ClickEverywhereCase):
    app_menu = "research_archive.menu_research_archive_root"
    privilege = "research_archive.res_groups_privilege_research_archive"
    app_modules = ("research_archive",)
    term_modules = ("base", "web", "mail", "research_archive")

    def test_every_screen_opens_for_every_role(self):
        self.check_every_screen()
