from odoo import api, fields, models


class GasAppliance(models.Model):
    _name = "gas.appliance"
    _description = "Gas Appliance"
    _order = "account_id, id"

    account_id = fields.Many2one("gas.account", required=True, index=True, ondelete="restrict")
    kind = fields.Selection(
        [
            ("cooker", "Gas Cooker"),
            ("water_heater", "Water Heater"),
            ("wall_boiler", "Wall-Hung Boiler"),
            ("boiler", "Industrial Boiler"),
            ("air_conditioning", "Central Air Conditioning"),
            ("kitchen_range", "Commercial Kitchen Range"),
            ("other", "Other"),
        ],
        required=True,
        default="cooker",
    )
    brand = fields.Char()
    model = fields.Char()
    count = fields.Integer(default=1, required=True)
    rated_load = fields.Float(string="Rated Load (m³/h)")

    _count_positive = models.Constraint("CHECK(count > 0)", "An appliance count must be positive.")
    _count_sane = models.Constraint(
        "CHECK(count <= 100000)", "An appliance count above 100,000 is not plausible."
    )
    _load_positive = models.Constraint(
        "CHECK(rated_load >= 0 AND rated_load <= 1000000)",
        "The rated load must be between 0 and 1,000,000 m³/h.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        self.env["gas.account"].browse([v.get("account_id") for v in vals_list])._check_editable()
        return super().create(vals_list)

    def write(self, vals):
        self.account_id._check_editable()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_locked(self):
        self.account_id._check_editable()

    def _gas_is_locked(self):
        return self.account_id._gas_is_locked()
