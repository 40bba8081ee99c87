"""Workflow-only fields: the fields only a model's own workflow sets.

A model lists them in ``_workflow_fields``: states, approval and reply fields, numbers, dates
and users stamped by actions, stored computed amounts. No client sets them, admin included:

- ``create`` and ``write`` (and so ``load``, the import, which goes through them) RAISE a
  UserError naming the fields, and write nothing. On ``create``, a value equal to what the
  record gets anyway (the field's default in the code, or nothing) is no attempt and passes
  (the web client sends the values of a new record's editable fields), but for a computed
  field, whose value the ORM would keep instead of computing it;
- a ``default_<field>`` context key or a user-defined default (``ir.default``) is IGNORED, for
  the workflow too: the field gets the default written in the code;
- ``copy`` does not carry them: the copy starts with their defaults.

The workflow's own writes pass one private way: ``self._workflow()``, the records with a
context key whose value is a private Python object; a JSON client can send the key, never
this value. Code running as superuser passes too: it is code, not a client. The record locks
use the same way (``_workflow()`` to get the bypassing records, ``_in_workflow()`` to test it).

Nor does a client switch off a check or hide a change with a context key (``CLIENT_SWITCHES``:
base_tier_validation's skips, mail's tracking and creation log): on these models its keys are
dropped before the ORM and mail act on them; the workflow's and the superuser's are kept.
"""

from odoo import api, models
from odoo.exceptions import UserError

WORKFLOW_KEY = "base_record_guard_workflow"
_WORKFLOW_TOKEN = object()
CLIENT_SWITCHES = (
    "skip_validation_check",
    "skip_check_state_condition",
    "tier_validation_defer_compute_can_review",
    "tracking_disable",
    "mail_notrack",
    "mail_create_nolog",
)


class WorkflowFieldsMixin(models.AbstractModel):
    _name = "workflow.fields.mixin"
    _description = "Workflow-only Fields"

    # Names of the fields that only the model's workflow sets.
    _workflow_fields = ()

    @api.private
    def _workflow(self):
        """These records, allowed to write workflow-only fields and locked records."""
        return self.with_context(**{WORKFLOW_KEY: _WORKFLOW_TOKEN})

    @api.private
    def _in_workflow(self):
        """Whether these records were obtained through ``_workflow()``."""
        return self.env.context.get(WORKFLOW_KEY) is _WORKFLOW_TOKEN

    @api.private
    def _without_client_switches(self):
        """These records, without the ``CLIENT_SWITCHES`` a client put in their context."""
        if (
            not any(map(self.env.context.get, CLIENT_SWITCHES))
            or self.env.su
            or self._in_workflow()
        ):
            return self
        return self.with_context(**dict.fromkeys(CLIENT_SWITCHES, False))

    @api.private
    def _get_guarded_workflow_fields(self):
        """The workflow-only fields a client may not set here: none for the workflow."""
        if not self._workflow_fields or self.env.su or self._in_workflow():
            return ()
        return self._workflow_fields

    @api.model_create_multi
    def create(self, vals_list):
        self._check_workflow_values(vals_list)
        return super().create(vals_list)

    @api.model
    @api.private
    def _check_workflow_values(self, vals_list):
        """Raise if the values ``vals_list`` of a create set a workflow-only field from a
        client to anything else than what the record gets anyway.

        For a model's own ``create`` that stamps such a field (a number) before ``super``."""
        if guarded := self._get_guarded_workflow_fields():
            names = {name for vals in vals_list for name in guarded if name in vals}
            if names:
                defaults = self._get_code_defaults(names)
                self._raise_workflow_fields(
                    name
                    for vals in vals_list
                    for name in names.intersection(vals)
                    if self._fields[name].compute
                    or (vals[name] != defaults[name] if name in defaults else vals[name])
                )

    def write(self, vals):
        self._check_workflow_fields(vals)
        return super().write(vals)

    @api.private
    def _check_workflow_fields(self, vals):
        """Raise if the values ``vals`` of a write set a workflow-only field from a client.

        For a model's own ``write`` that passes the client's values on the private way."""
        if guarded := self._get_guarded_workflow_fields():
            self._raise_workflow_fields(name for name in guarded if name in vals)

    @api.model
    def default_get(self, fields):
        # for the workflow too: its own create may carry a client's context
        guarded = set(self._workflow_fields).intersection(fields)
        if not guarded:
            return super().default_get(fields)
        defaults = super().default_get([name for name in fields if name not in guarded])
        defaults.update(self._get_code_defaults(guarded))
        return defaults

    def copy_data(self, default=None):
        vals_list = super().copy_data(default)
        dropped = set(self._workflow_fields).difference(default or ())
        for vals in vals_list:
            for name in dropped.intersection(vals or ()):
                del vals[name]
        return vals_list

    @api.model
    @api.private
    def _get_code_defaults(self, names):
        """The defaults written in the code for ``names``, never the client's ones."""
        defaults = {}
        for name in names:
            field = self._fields[name]
            if field.default:
                value = field.convert_to_cache(field.default(self), self, validate=False)
                defaults[name] = field.convert_to_write(value, self)
        return defaults

    @api.model
    @api.private
    def _raise_workflow_fields(self, names):
        names = sorted(set(names))
        if names:
            raise UserError(
                self.env._(
                    "Only the workflow sets %(fields)s: use the buttons of the document.",
                    fields=", ".join(
                        self._fields[name]._description_string(self.env) for name in names
                    ),
                )
            )


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"  # pylint: disable=consider-merging-classes-inherited

    @api.model_create_multi
    def create(self, vals_list):
        return super(MailThread, _without_client_switches(self)).create(vals_list)

    def write(self, vals):
        return super(MailThread, _without_client_switches(self)).write(vals)


def _without_client_switches(records):
    if isinstance(records, records.pool["workflow.fields.mixin"]):
        return records._without_client_switches()
    return records
