from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.fields import Domain
from odoo.tools.safe_eval import datetime, safe_eval, time


class RoleOverviewTile(models.Model):
    """One count of an app's overview: the records waiting for the user's role.

    An app only declares tiles (data XML); the count is a search of the tile's domain as the
    current user, so record rules decide what is counted, and the tile opens the same records.
    """

    _name = "role.overview.tile"
    _description = "Overview Tile"
    _order = "app, sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    app = fields.Char(required=True, index=True, help="Key of the overview showing the tile.")
    res_model = fields.Char(string="Model", required=True)
    domain = fields.Char(
        default="[]",
        required=True,
        help="Records counted and opened. The domain may use uid, user, context_today(), "
        "datetime and relativedelta.",
    )
    action_id = fields.Many2one(
        "ir.actions.act_window", string="List", required=True, ondelete="cascade"
    )
    group_ids = fields.Many2many(
        "res.groups",
        string="Groups",
        help="Who sees the tile; empty: every user who may read the model.",
    )
    tone = fields.Selection(
        [("info", "Information"), ("warning", "Warning"), ("danger", "Danger")],
        default="info",
        required=True,
        help="Colour of the count while it is not zero.",
    )
    count = fields.Integer(compute="_compute_count")
    model_readable = fields.Boolean(
        compute="_compute_model_readable", search="_search_model_readable"
    )

    @api.depends_context("uid")
    def _compute_model_readable(self):
        readable = self._readable_models(set(self.mapped("res_model")))
        for tile in self:
            tile.model_readable = tile.res_model in readable

    def _search_model_readable(self, operator, value):
        if operator != "in":
            return NotImplemented
        # record rules are searched as superuser: check the models as the user himself
        models_sudo = self.sudo().search_fetch([], ["res_model"]).mapped("res_model")
        readable = self._readable_models(set(models_sudo))
        return [("res_model", "in" if True in value else "not in", list(readable))]

    def _readable_models(self, names):
        env = self.env(su=False)
        return {name for name in names if name in env and env[name].has_access("read")}

    @api.depends_context("uid", "lang", "tz")
    @api.depends("res_model", "domain")
    def _compute_count(self):
        # tiles are few: one count per tile, each as the user so that record rules apply,
        # even when the tiles are read as superuser
        env = self.env(su=False)
        for tile in self:
            tile.count = env[tile.res_model].search_count(tile._get_records_domain())

    def _get_eval_context(self):
        return {
            "uid": self.env.uid,
            "user": self.env.user,
            "context_today": lambda: fields.Date.context_today(self),
            "datetime": datetime,
            "relativedelta": relativedelta,
            "time": time,
        }

    def _get_records_domain(self):
        self.ensure_one()
        return Domain(safe_eval(self.domain or "[]", self._get_eval_context()))

    def action_open(self):
        """The tile's list, restricted to the records counted, named after the tile."""
        self.ensure_one()
        action = self.action_id._get_action_dict()
        eval_context = self._get_eval_context()
        domain = Domain(safe_eval(action.get("domain") or "[]", eval_context))
        context = safe_eval(action.get("context") or "{}", eval_context)
        # the list shows what the tile counted: no default filter narrows it further
        context = {
            key: value for key, value in context.items() if not key.startswith("search_default_")
        }
        action.update(
            name=self.name,
            display_name=self.name,
            domain=list(domain & self._get_records_domain()),
            context=context,
        )
        return action
