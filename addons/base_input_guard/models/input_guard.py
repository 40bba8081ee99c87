import math

from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Bounds no honest value reaches: a name or a number, a note of some fifty pages, an
# amount, volume or count beyond any business, PostgreSQL's integer, one screen of lines.
CHAR_MAX = 1_000
TEXT_MAX = 100_000
NUMBER_MAX = 1e13
INTEGER_MAX = 2**31 - 1
COMMANDS_MAX = 10_000


class InputGuardMixin(models.AbstractModel):
    """Refuse, with a clear message, values that would otherwise be stored as garbage
    (NaN, a dictionary in a name, ten megabytes of text) or fail deep in the database
    (month 13, infinity, an integer overflow), whoever sends them: form, import or API."""

    _name = "input.guard.mixin"
    _description = "Input Guard"

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_input(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_input(vals)
        return super().write(vals)

    @api.model
    @api.private
    def _check_input(self, vals):
        for name, value in vals.items():
            field = self._fields.get(name)
            if field is None or value is None or value is False:
                continue
            error = self._get_input_error(field, value)
            if error:
                raise ValidationError(error)

    @api.model
    @api.private
    def _get_input_error(self, field, value):
        label = field._description_string(self.env)
        shown = repr(value)[:40]
        if field.type in ("float", "monetary", "integer"):
            try:
                number = float(value)
            except (TypeError, ValueError):
                return self.env._(
                    "%(field)s must be a number, not %(value)s.", field=label, value=shown
                )
            limit = INTEGER_MAX if field.type == "integer" else NUMBER_MAX
            if isinstance(value, bool) or not math.isfinite(number) or abs(number) > limit:
                return self.env._(
                    "%(field)s: %(value)s is not a plausible number.", field=label, value=shown
                )
        elif field.type in ("char", "text", "html"):
            if not isinstance(value, str):
                return self.env._(
                    "%(field)s must be text, not %(value)s.", field=label, value=shown
                )
            limit = CHAR_MAX if field.type == "char" else TEXT_MAX
            if len(value) > limit:
                return self.env._(
                    "%(field)s is too long: %(length)s characters, at most %(max)s.",
                    field=label,
                    length=len(value),
                    max=limit,
                )
        elif field.type in ("date", "datetime"):
            convert = fields.Date.to_date if field.type == "date" else fields.Datetime.to_datetime
            try:
                convert(value)
            except (TypeError, ValueError):
                return self.env._(
                    "%(field)s: %(value)s is not a valid date.", field=label, value=shown
                )
        elif field.type == "selection":
            if value not in field.get_values(self.env):
                return self.env._(
                    "%(field)s: %(value)s is not one of the allowed values.",
                    field=label,
                    value=shown,
                )
        elif field.type in ("one2many", "many2many"):
            if isinstance(value, (list, tuple)) and len(value) > COMMANDS_MAX:
                return self.env._(
                    "Too many changes to %(field)s at once: %(count)s, at most %(max)s.",
                    field=label,
                    count=len(value),
                    max=COMMANDS_MAX,
                )
        return None
