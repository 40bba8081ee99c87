from odoo import api, fields, models
from odoo.exceptions import ValidationError


class GasTariff(models.Model):
    """A standard fee item fixed by the price bureau, in force between two dates."""

    _name = "gas.tariff"
    _description = "Gas Standard Fee Item"
    _inherit = ["input.guard.mixin"]
    _order = "type_id, date_from desc, id desc"

    name = fields.Char(required=True, translate=True)
    type_id = fields.Many2one(
        "gas.contract.type", string="Contract Type", required=True, index=True
    )
    amount = fields.Monetary(
        string="Standard Amount per Unit", required=True, currency_field="currency_id"
    )
    currency_id = fields.Many2one(
        "res.currency", required=True, default=lambda self: self.env.company.currency_id
    )
    date_from = fields.Date(string="Valid From", required=True, default=fields.Date.today)
    date_to = fields.Date(string="Valid To")
    reference = fields.Char(string="Price Bureau Document")
    active = fields.Boolean(default=True)

    _amount_positive = models.Constraint(
        "CHECK(amount >= 0)", "A standard amount cannot be negative."
    )
    _dates_ordered = models.Constraint(
        "CHECK(date_to IS NULL OR date_to >= date_from)",
        "A standard fee item cannot end before it starts.",
    )

    @api.constrains("type_id", "date_from", "date_to", "active")
    def _check_no_overlap(self):
        types = self.type_id
        others = self.search([("type_id", "in", types.ids)])
        for tariff in self.filtered("active"):
            end = tariff.date_to or fields.Date.to_date("9999-12-31")
            for other in others:
                if other == tariff or other.type_id != tariff.type_id:
                    continue
                other_end = other.date_to or fields.Date.to_date("9999-12-31")
                if other.date_from <= end and tariff.date_from <= other_end:
                    raise ValidationError(
                        self.env._(
                            "Standard fee items %(first)s and %(second)s of type %(type)s "
                            "overlap in time.",
                            first=tariff.name,
                            second=other.name,
                            type=tariff.type_id.name,
                        )
                    )

    @api.model
    def _get_in_force(self, type_date_pairs):
        """Return {(type_id, date): tariff} for the pairs, with one search."""
        type_ids = list({type_id for type_id, _date in type_date_pairs if type_id})
        if not type_ids:
            return {}
        tariffs = self.search([("type_id", "in", type_ids)])
        result = {}
        for type_id, date in type_date_pairs:
            for tariff in tariffs:
                if (
                    tariff.type_id.id == type_id
                    and tariff.date_from <= date
                    and (not tariff.date_to or tariff.date_to >= date)
                ):
                    result[type_id, date] = tariff
                    break
        return result
