from odoo import fields, models


class GasAppliance(models.Model):
    _name = "gas.appliance"
    _description = "Gas Appliance"
    _inherit = ["gas.account.part"]
    _order = "account_id, id"

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
