from odoo.tools.safe_eval import safe_eval


class OverviewCase:
    """For the overview tests of an app: set ``overview_action``, the xmlid of its overview."""

    overview_action = None

    def overview(self, user):
        """The tiles ``user`` sees on the app's overview, by xmlid."""
        action = self.env.ref(self.overview_action)
        tiles = self.env["role.overview.tile"].with_user(user).search(safe_eval(action.domain))
        xmlids = tiles.with_user(self.env.user).get_external_id()
        return {xmlids[tile.id]: tile for tile in tiles}

    def assertTile(self, tile, domain):
        """The tile counts, and opens, the records of ``domain`` its user may read."""
        tile.invalidate_recordset(["count"])
        action = tile.action_open()
        Model = self.env[action["res_model"]].with_user(tile.env.user)
        records = Model.with_context(**action["context"]).search(action["domain"])
        self.assertEqual(records, Model.search(domain), tile.name)
        self.assertEqual(tile.count, len(records), tile.name)
        return records
