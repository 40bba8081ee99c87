from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import HttpCase, new_test_user, tagged

from ..models.tools import as_internal
from .common import G, GasCommon

LANGS = ["zh_CN", "zh_TW"]
MODULES = ["base", "web", "mail", "base_tier_validation", "base_tier_validation_texts"]


def load_chinese(env):
    for lang in LANGS:
        env["res.lang"]._activate_lang(lang)
    env["ir.module.module"]._load_module_terms([*MODULES, "gas_contracts"], LANGS)


@tagged("post_install", "-at_install")
class TestApprovalTextsZh(GasCommon):
    """Issue 8: base_tier_validation's own texts reach Chinese readers in their language."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_chinese(cls.env)
        cls.staff_cn = new_test_user(
            cls.env, login="gc_staff_cn", groups=G + "contracts_user", lang="zh_CN"
        )
        cls.staff_tw = new_test_user(
            cls.env, login="gc_staff_tw", groups=G + "contracts_user", lang="zh_TW"
        )
        cls.market_group = cls.env.ref("gas_contracts.group_gas_market_manager")

    def _as(self, records, user):
        # as the web client calls: in the user's name and language
        return records.with_user(user).with_context(lang=user.lang)

    def _submitted(self, user):
        contract = self._as(self.env["gas.contract"], user).create(
            self._contract_vals(user_category="commercial")
        )
        contract.action_submit()
        self.assertEqual(contract.state, "to_approve")
        return contract

    def test_waiting_for_a_group(self):
        for user, label in ((self.staff_cn, "群组：%s"), (self.staff_tw, "群組：%s")):
            review = self._submitted(user).review_ids
            group_name = self.market_group.with_context(lang=user.lang).name
            self.assertEqual(review.todo_by, label % group_name)

    def test_reminder(self):
        review = self._submitted(self.staff_tw).review_ids
        self.env.cr.execute(
            "UPDATE tier_review SET create_date = now() - interval '3 days' WHERE id = %s",
            [review.id],
        )
        review.invalidate_recordset(["create_date"])
        for lang, body in (
            ("zh_CN", "此审批已于 3 天前提交。"),
            ("zh_TW", "此審批已於 3 天前送出。"),
        ):
            self.assertEqual(review.with_context(lang=lang)._notify_review_reminder_body(), body)

    def test_write_under_approval(self):
        contract = self._submitted(self.staff_tw)
        activities = self.env["ir.model.fields"]._get("gas.contract", "activity_ids")
        with self.assertRaises(ValidationError) as caught:
            contract.write({"activity_ids": [Command.set([])]})
        message = str(caught.exception)
        self.assertTrue(message.startswith("審批期間不能修改以下欄位：\n- "), message)
        self.assertIn(f"- {activities.with_context(lang='zh_TW').field_description}\n", message)
        self.assertIn("\n\n只能修改以下欄位：\n- ", message)

    def test_state_change_needs_the_approval(self):
        draft = self._as(self.env["gas.contract"], self.staff_cn).create(
            self._contract_vals(user_category="commercial")
        )
        with self.assertRaises(ValidationError) as caught:
            as_internal(draft).write({"state": "approved"})
        self.assertTrue(str(caught.exception).startswith("此操作需要先经过审批。"))

        contract = self._submitted(self.staff_cn)
        with self.assertRaises(ValidationError) as caught:
            as_internal(contract).write({"state": "approved"})
        self.assertEqual(str(caught.exception), f"{contract.display_name} 的审批尚未完成。")

    def test_tier_definition(self):
        # an administrator configures the tiers, in zh_CN
        definitions = self.env["tier.definition"].with_context(lang="zh_CN")
        self.assertEqual(definitions.default_get(["name"]), {"name": "新审批层级"})
        definition = definitions.new(
            {
                "model_id": self.env["ir.model"]._get_id("gas.contract"),
                "review_type": "individual",
                "reviewer_id": self.outsider.id,
            }
        )
        warning = definition._onchange_warn_reviewer_access()["warning"]
        self.assertEqual(warning["title"], "审批人可能没有访问权限")
        self.assertTrue(warning["message"].startswith("以下审批人可能无权读取"), warning)
        self.assertIn(self.outsider.name, warning["message"])


@tagged("post_install", "-at_install")
class TestApprovalTextsZhTour(HttpCase, GasCommon):
    """Issue 8: the approvals menu and reviews table of base_tier_validation, in Chinese."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_chinese(cls.env)
        cls.market_tw = new_test_user(
            cls.env, login="gc_market_tw", groups=G + "market_manager", lang="zh_TW"
        )
        cls.tariff.date_from = "2020-01-01"

    def test_reviewer_reads_the_approvals_menu_in_chinese(self):
        contract = self._draft(user_category="commercial")
        contract.with_user(self.staff).action_submit()
        self.assertIn(self.market_tw, contract.review_ids.reviewer_ids)
        self.start_tour("/odoo", "gas_contracts_tier_texts_zh_tw", login="gc_market_tw")

    def test_user_without_reviews_reads_the_approvals_menu_in_chinese(self):
        new_test_user(self.env, login="gc_staff_cn", groups=G + "contracts_user", lang="zh_CN")
        self.start_tour("/odoo", "gas_contracts_tier_texts_zh_cn", login="gc_staff_cn")
