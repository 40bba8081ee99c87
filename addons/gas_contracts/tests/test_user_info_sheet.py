from datetime import datetime

from odoo.tests import freeze_time, tagged
from odoo.tools.misc import format_datetime

from .common import GasCommon

REPORT = "gas_contracts.action_report_gas_user_info"


@tagged("post_install", "-at_install")
class TestUserInfoPrintout(GasCommon):
    """[GC-5] the user information sheet names the user category and when it was printed."""

    def _render(self, user, account, lang="en_US"):
        html, __ = (
            self.env["ir.actions.report"]
            .with_user(user)
            .with_context(lang=lang)
            ._render_qweb_html(REPORT, account.ids)
        )
        return html.decode()

    @freeze_time("2026-04-02 01:30:00")
    def test_sheet_has_category_and_print_date(self):
        account = self._open_account(self._signed_supply(user_category="commercial"))
        self.staff.tz = "Asia/Shanghai"
        html = self._render(self.staff, account)
        self.assertIn("Commercial", html)
        self.assertNotIn("commercial", html, "the label, not the technical value")
        printed = format_datetime(self.env(user=self.staff), datetime(2026, 4, 2, 1, 30))
        self.assertIn("09:30", printed, "printed in the user's time zone")
        self.assertIn(printed, html)
        self.assertIn(self.staff.name, html.split(printed, 1)[1])

    def test_category_label_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["gas_contracts"], ["zh_CN"])
        account = self._open_account()
        html = self._render(self.staff, account, lang="zh_CN")
        label = dict(
            self.env["gas.account"]
            .with_context(lang="zh_CN")
            ._fields["user_category"]
            ._description_selection(self.env(context={"lang": "zh_CN"}))
        )["residential"]
        self.assertNotEqual(label, "Scattered Residential")
        self.assertIn(label, html)
