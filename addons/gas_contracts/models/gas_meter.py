from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .tools import ABSURD_VOLUME, as_internal, is_internal


class GasMeter(models.Model):
    _name = "gas.meter"
    _description = "Gas Meter"
    _inherit = ["gas.account.part"]
    _order = "account_id, name"

    name = fields.Char(string="Meter Number", required=True, index=True)
    meter_type = fields.Selection(
        [
            ("diaphragm", "Diaphragm"),
            ("ic_card", "IC Card Prepaid"),
            ("rotary", "Rotary"),
            ("turbine", "Turbine"),
            ("ultrasonic", "Ultrasonic"),
        ],
        required=True,
        default="diaphragm",
    )
    model = fields.Char(string="Meter Model")
    initial_reading = fields.Float(string="Initial Reading (m³)", default=0.0)
    install_date = fields.Date(string="Installation Date", required=True)
    reading_ids = fields.One2many("gas.meter.reading", "meter_id", string="Readings")
    last_reading = fields.Float(compute="_compute_last_reading", string="Last Reading (m³)")

    _name_uniq = models.Constraint("UNIQUE(name)", "A meter number must be unique.")
    _initial_positive = models.Constraint(
        "CHECK(initial_reading >= 0)", "The initial reading cannot be negative."
    )

    @api.constrains("initial_reading")
    def _check_initial_reading(self):
        for meter in self:
            if meter.initial_reading > ABSURD_VOLUME:
                raise ValidationError(
                    self.env._(
                        "The initial reading of meter %(name)s is not plausible.", name=meter.name
                    )
                )

    def _compute_last_reading(self):
        groups = self.env["gas.meter.reading"]._read_group(
            [("meter_id", "in", self.ids)], ["meter_id"], ["reading:max"]
        )
        last = {meter.id: reading for meter, reading in groups}
        for meter in self:
            meter.last_reading = last.get(meter.id, meter.initial_reading)

    def write(self, vals):
        if "initial_reading" in vals and self.reading_ids:
            raise UserError(self.env._("A meter with readings keeps its initial reading."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_read(self):
        if self.reading_ids:
            raise UserError(self.env._("A meter with readings is part of the user file."))

    @api.private
    def _recompute_volumes(self):
        """Check the readings never go backwards and store each interval's volume.

        One search for every reading of the meters, whatever the batch size.
        """
        readings = self.env["gas.meter.reading"].search(
            [("meter_id", "in", self.ids)], order="meter_id, date, id"
        )
        by_meter = {}
        for reading in readings:
            by_meter.setdefault(reading.meter_id, []).append(reading)
        for meter, meter_readings in by_meter.items():
            previous_value = meter.initial_reading
            previous_date = meter.install_date
            for reading in meter_readings:
                if reading.reading < previous_value:
                    raise ValidationError(
                        self.env._(
                            "Meter %(meter)s: the reading %(reading)s on %(date)s is lower "
                            "than the previous reading %(previous)s; readings never go "
                            "backwards.",
                            meter=meter.name,
                            reading=reading.reading,
                            date=reading.date,
                            previous=previous_value,
                        )
                    )
                if previous_date and reading.date < previous_date:
                    raise ValidationError(
                        self.env._(
                            "Meter %(meter)s: a reading on %(date)s predates its installation.",
                            meter=meter.name,
                            date=reading.date,
                        )
                    )
                volume = reading.reading - previous_value
                if volume > ABSURD_VOLUME:
                    raise ValidationError(
                        self.env._(
                            "Meter %(meter)s: a volume of %(volume)s m³ is not plausible.",
                            meter=meter.name,
                            volume=volume,
                        )
                    )
                days = max((reading.date - previous_date).days, 1) if previous_date else 1
                daily = volume / days
                if reading.volume != volume or reading.daily_volume != daily:
                    as_internal(reading).write({"volume": volume, "daily_volume": daily})
                previous_value = reading.reading
                previous_date = reading.date


class GasMeterReading(models.Model):
    _name = "gas.meter.reading"
    _description = "Gas Meter Reading"
    _inherit = ["workflow.fields.mixin", "input.guard.mixin", "record.lock.mixin"]
    _workflow_fields = ("volume", "daily_volume")
    _lock_parent = "meter_id"
    _order = "meter_id, date desc, id desc"

    meter_id = fields.Many2one("gas.meter", required=True, index=True, ondelete="restrict")
    account_id = fields.Many2one(related="meter_id.account_id", store=True, index=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    reading = fields.Float(string="Reading (m³)", required=True)
    volume = fields.Float(
        string="Volume (m³)", readonly=True, help="Gas taken since the previous reading."
    )
    daily_volume = fields.Float(
        string="Average Daily Volume (m³)",
        readonly=True,
        help="Volume divided by the days since the previous reading.",
    )

    _reading_positive = models.Constraint("CHECK(reading >= 0)", "A reading cannot be negative.")
    _meter_date_uniq = models.Constraint(
        "UNIQUE(meter_id, date)", "A meter has at most one reading a day."
    )
    _account_date_index = models.Index("(account_id, date)")

    @api.model_create_multi
    def create(self, vals_list):
        readings = super().create(vals_list)
        readings.meter_id._recompute_volumes()
        return readings

    def write(self, vals):
        meters = self.meter_id
        res = super().write(vals)
        if not is_internal(self.env) and {"reading", "date", "meter_id"} & set(vals):
            (meters | self.meter_id)._recompute_volumes()
        return res

    def unlink(self):
        meters = self.meter_id
        res = super().unlink()
        meters._recompute_volumes()
        return res
