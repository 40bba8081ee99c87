from odoo.tests import new_test_user, tagged

from odoo.addons.base.tests.common import BaseCommon


@tagged("post_install", "-at_install")
class TestRoleOverview(BaseCommon):
    """Tiles count as the user, show to their groups and open what they counted."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.group_hidden = cls.env["res.groups"].create({"name": "Overview test: rule"})
        cls.partners = cls.env["res.partner"].create(
            [{"name": f"Overview test {name}"} for name in ("one", "two", "hidden")]
        )
        cls.env["ir.rule"].create(
            {
                "name": "Overview test: hidden partners",
                "model_id": cls.env["ir.model"]._get_id("res.partner"),
                "groups": [(6, 0, cls.group_hidden.ids)],
                "domain_force": "[('name', 'not like', 'hidden')]",
                "perm_read": True,
            }
        )
        cls.restricted = new_test_user(cls.env, "overview_restricted", groups="base.group_user")
        cls.restricted.group_ids = [(4, cls.group_hidden.id)]
        cls.plain = new_test_user(cls.env, "overview_plain", groups="base.group_user")
        cls.action = cls.env["ir.actions.act_window"].create(
            {
                "name": "Partners",
                "res_model": "res.partner",
                "domain": "[('active', '=', True)]",
                "context": "{'search_default_customer': 1, 'default_owner': uid}",
            }
        )
        Tile = cls.env["role.overview.tile"]
        common = {"app": "test_overview", "action_id": cls.action.id}
        cls.tile_all = Tile.create(
            {
                **common,
                "name": "Test partners",
                "res_model": "res.partner",
                "domain": "[('name', 'like', 'Overview test')]",
            }
        )
        cls.tile_group = Tile.create(
            {
                **common,
                "name": "Test partners of the group",
                "res_model": "res.partner",
                "domain": "[('name', 'like', 'Overview test')]",
                "group_ids": [(6, 0, cls.group_hidden.ids)],
            }
        )
        cls.tile_unreadable = Tile.create(
            {
                **common,
                "name": "System parameters",
                "res_model": "ir.config_parameter",
                "domain": "[('create_date', '<=', (context_today() + relativedelta(days=1)))]",
            }
        )

    def _tiles(self, user):
        return (
            self.env["role.overview.tile"].with_user(user).search([("app", "=", "test_overview")])
        )

    def test_count_is_searched_as_the_user(self):
        self.assertEqual(self.tile_all.with_user(self.plain).count, 3)
        self.assertEqual(self.tile_all.with_user(self.restricted).count, 2)
        self.assertEqual(self.tile_all.with_user(self.restricted).sudo().count, 2)

    def test_tiles_show_to_their_groups_and_readers_of_their_model(self):
        self.assertEqual(self._tiles(self.plain), self.tile_all)
        self.assertEqual(self._tiles(self.restricted), self.tile_all | self.tile_group)
        self.assertIn(self.tile_unreadable, self._tiles(self.env.ref("base.user_admin")))
        self.assertEqual(
            self.tile_unreadable.with_user(self.env.ref("base.user_admin")).count,
            self.env["ir.config_parameter"].search_count([]),
        )

    def test_action_opens_the_records_counted(self):
        action = self.tile_group.with_user(self.restricted).action_open()
        self.assertEqual(action["display_name"], "Test partners of the group")
        self.assertEqual(action["res_model"], "res.partner")
        self.assertEqual(action["context"], {"default_owner": self.restricted.id})
        Partner = self.env["res.partner"].with_user(self.restricted)
        self.assertEqual(Partner.search(action["domain"]), self.partners[:2])
        self.partners[0].active = False
        self.assertEqual(Partner.search(action["domain"]), self.partners[1])
        self.assertEqual(self.tile_group.with_user(self.restricted).count, 1)
