from odoo import fields, models


class GasQueryLog(models.Model):
    """One sensitive query on gas user files [GC-8]; written by the system only."""

    _name = "gas.query.log"
    _description = "Gas User Data Query Log"
    _order = "id desc"

    user_id = fields.Many2one("res.users", required=True, readonly=True, index=True)
    operation = fields.Selection(
        [("read", "Read"), ("export", "Export"), ("print", "Print")], required=True, readonly=True
    )
    field_names = fields.Char(string="Fields", readonly=True)
    account_ids = fields.Many2many("gas.account", string="Accounts", readonly=True)
    record_count = fields.Integer(readonly=True)
