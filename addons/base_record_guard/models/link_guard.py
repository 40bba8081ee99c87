"""No leaking names: a record links only to records its writer may read.

Odoo shows the name of a many2one's target to whoever reads the record holding it, whatever
the rights on the target (``Many2one.convert_to_read`` reads it as superuser), and reports
and exports print it. So the link is refused when it is written: on a model inheriting
``link.guard.mixin``, every many2one value given to ``create`` or ``write`` (and so to
``load``, the import) must be readable by the current user. One access check per target
model (a query only for targets under record rules); ``_link_guard_fields`` narrows the
check to some fields. The error names the fields, never the record. Code running as
superuser passes: its links are the workflow's, not a client's.

The errors our own code builds name only records the user may read (e.g. research_archive's
duplicate dossier): never a name read as superuser.
"""

from collections import defaultdict

from odoo import api, models
from odoo.exceptions import AccessError


class LinkGuardMixin(models.AbstractModel):
    _name = "link.guard.mixin"
    _description = "Readable Links"

    # Many2one fields whose targets the writer must be able to read; None: every many2one.
    _link_guard_fields = None

    @api.model_create_multi
    def create(self, vals_list):
        self._check_links(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        self._check_links([vals])
        return super().write(vals)

    @api.model
    @api.private
    def _check_links(self, vals_list):
        """Refuse links to records the current user cannot read, one check per target model."""
        if self.env.su:
            return
        guarded = self._link_guard_fields
        ids_by_model = defaultdict(set)
        fields_by_model = defaultdict(set)
        for vals in vals_list:
            for name, value in vals.items():
                field = self._fields.get(name)
                if (
                    value
                    and field is not None
                    and field.type == "many2one"
                    and (guarded is None or name in guarded)
                ):
                    ids = value.ids if isinstance(value, models.BaseModel) else [value]
                    ids_by_model[field.comodel_name].update(ids)
                    fields_by_model[field.comodel_name].add(field)
        refused = [
            field
            for model, ids in ids_by_model.items()
            if not self.env[model].browse(ids).has_access("read")
            for field in fields_by_model[model]
        ]
        if refused:
            raise AccessError(
                self.env._(
                    "%(fields)s: you cannot link to a record you are not allowed to read.",
                    fields=", ".join(
                        sorted(field._description_string(self.env) for field in refused)
                    ),
                )
            )
