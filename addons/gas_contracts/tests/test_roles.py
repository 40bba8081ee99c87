"""One person may hold several roles through the ordinary user form (issue 15).

The form offers one selection per res.groups.privilege: a privilege can only express every
combination of its roles when they form a chain, each role including the one before it."""

from itertools import pairwise

from odoo import Command
from odoo.tests import HttpCase, tagged

from .common import G, GasCommon

APP_CATEGORIES = (
    "gas_contracts.module_category_gas_contracts",
    "customer_records.module_category_customer_records",
    "research_archive.module_category_research_archive",
)


@tagged("post_install", "-at_install")
class TestRoleSelections(GasCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.finance_group = cls.env.ref(G + "finance")
        cls.archive_group = cls.env.ref(G + "archive_keeper")

    def test_every_privilege_is_a_chain(self):
        # the apps installed beside gas_contracts (all three in the main test database)
        categories = [self.env.ref(xmlid, raise_if_not_found=False) for xmlid in APP_CATEGORIES]
        self.assertTrue(categories[0], "gas_contracts' own category")
        for xmlid, category in zip(APP_CATEGORIES, categories, strict=True):
            if not category:
                continue
            self.assertTrue(category.privilege_ids, xmlid)
            for privilege in category.privilege_ids:
                groups = privilege.group_ids.sorted(
                    lambda g, p=privilege: len(g.all_implied_ids & p.group_ids)
                )
                for lower, higher in pairwise(groups):
                    with self.subTest(privilege=privilege.name, group=higher.name):
                        self.assertIn(lower, higher.all_implied_ids)

    def test_every_gas_role_has_a_selection(self):
        hierarchy = self.env["res.groups"]._get_view_group_hierarchy()
        category = self.env.ref("gas_contracts.module_category_gas_contracts")
        [section] = [c for c in hierarchy["categories"] if c["id"] == category.id]
        shown = {
            gid
            for privilege_id in section["privilege_ids"]
            for gid in hierarchy["privileges"][privilege_id]["group_ids"]
        }
        roles = self.env["res.groups"].search([("privilege_id.category_id", "=", category.id)])
        self.assertEqual(len(roles), 12)
        self.assertEqual(shown, set(roles.ids))
        groups = hierarchy["groups"]
        self.assertNotEqual(
            groups[self.finance_group.id]["privilege_id"],
            groups[self.archive_group.id]["privilege_id"],
        )

    def test_finance_clerk_who_keeps_the_archive(self):
        # what the user form saves: the groups selected in its selections
        clerk = self.env["res.users"].create(
            {
                "name": "Finance clerk and archive keeper",
                "login": "gc_finance_archive",
                "group_ids": [
                    Command.set(
                        [
                            self.env.ref("base.group_user").id,
                            self.finance_group.id,
                            self.archive_group.id,
                        ]
                    )
                ],
            }
        )
        self.assertTrue(clerk.has_group(G + "finance"))
        self.assertTrue(clerk.has_group(G + "archive_keeper"))
        account = self._open_account()
        account.sudo().id_number = "110101199003071234"
        account.with_user(self.staff).action_close()
        account = account.with_user(clerk)
        # finance reads identity data, the archive keeper archives the user file
        self.assertEqual(account.read(["id_number"])[0]["id_number"], "110101199003071234")
        self.assertTrue(self.env["gas.top.settlement"].with_user(clerk).has_access("create"))
        account.action_archive_file()
        self.assertEqual(account.state, "archived")
        # each role alone holds only its own rights
        self.assertFalse(self.finance.has_group(G + "archive_keeper"))
        self.assertFalse(self.archivist.has_group(G + "query_financial"))


@tagged("post_install", "-at_install")
class TestRolesTour(HttpCase):
    def test_admin_gives_two_roles_in_the_user_form(self):
        # an internal user without any role yet
        user = self.env["res.users"].create(
            {
                "name": "Zhou Clerk",
                "login": "gc_tour_two_roles",
                "group_ids": [Command.set(self.env.ref("base.group_user").ids)],
            }
        )
        self.start_tour(
            f"/odoo/action-base.action_res_users/{user.id}",
            "gas_contracts_two_roles",
            login="admin",
        )
        self.env.invalidate_all()
        self.assertLessEqual(
            self.env.ref(G + "finance") | self.env.ref(G + "archive_keeper"), user.group_ids
        )
        self.assertTrue(user.has_group(G + "query_financial"), "finance implies its level")
