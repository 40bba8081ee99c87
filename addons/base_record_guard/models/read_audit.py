"""Sensitive reads: every read of a confidential record or of a declared sensitive field is
logged, whatever the path, in a transaction of its own.

Where it hooks, and why there: no single ORM method sees every read. ``fetch`` misses
non-stored fields computed from sensitive ones and every grouping; ``_read_format`` misses
exports, reports and downloads. So the mixin hooks the few points where data leaves the ORM
for a client, each of them a public extension point: ``_read_format`` (read, web_read,
search_read, web_search_read), ``_search`` (a domain on a sensitive field tells what it
holds), ``_read_group`` (read_group, formatted_read_group, web_read_group, totals and group
keys), ``export_data`` (/web/export, xlsx and csv), and, outside the model, QWeb and
report_xlsx rendering and ``ir.binary._record_to_stream`` (/web/content, /web/image). They
are overridden on the declaring models only (the mixin) or return at once on an attribute
test: a model that declares nothing pays nothing.

The row is written by a cursor of its own on the primary database, committed at once:
the read routes stay read-only (``readonly=True`` routes, ``db_replica_host``), and a read
that happened stays logged when the request's transaction rolls back afterwards. The log
table has no foreign key and is only ever inserted into, so that insert waits on no lock of
the request's transaction (which may not even be committed, e.g. a user created in it);
``lock_timeout`` turns the one conceivable wait (the table locked by an upgrade running in
the same process) into an error instead of a hang. Within one transaction a record is logged
once per kind of opening (``cr.cache``), so a list that is read, then grouped, then exported
in one request writes one row for each, not one per internal call.
"""

from odoo import api, fields, models, sql_db, tools
from odoo.fields import Domain
from odoo.tools import SQL

OPERATIONS = [
    ("read", "Read"),
    ("search", "Searched"),
    ("group", "Grouped or Totalled"),
    ("export", "Exported"),
    ("report", "Printed"),
    ("download", "Downloaded"),
]


class ReadAuditLog(models.Model):
    _name = "read.audit.log"
    _description = "Sensitive Read Log"
    _order = "date desc, id desc"
    # Rows are inserted in SQL by their own transaction: no create/write columns, no FK.
    _log_access = False

    date = fields.Datetime(readonly=True, index=True)
    user_ref = fields.Integer(string="User ID", readonly=True, index=True)
    user_name = fields.Char(string="User", readonly=True)
    res_model = fields.Char(string="Model", readonly=True, index=True)
    res_id = fields.Many2oneReference(string="Record", model_field="res_model", readonly=True)
    operation = fields.Selection(OPERATIONS, readonly=True)
    field_names = fields.Char(string="Fields", readonly=True)
    grant_ref = fields.Char(string="Grant", readonly=True, index=True)


class ReadAuditMixin(models.AbstractModel):
    """Declare ``_audit_confidential = True`` (every opening of a record is logged, unless
    ``_audit_exempt`` says the reader needs none: by default its ``_audit_keeper_field``)
    and/or ``_audit_fields = ("field", ...)`` (every read of those fields, and of fields
    computed from them, is logged for the readers allowed to see them)."""

    _name = "read.audit.mixin"
    _description = "Sensitive Read Audit"

    _audit_confidential = False
    _audit_fields = ()
    _audit_keeper_field = None
    # Reading only these does not open a confidential record (lists of names, labels).
    _audit_identifying_fields = ("id", "display_name")

    @api.model
    @tools.ormcache()
    def _audit_sensitive_fields(self):
        """The declared fields and the fields of this model computed from them."""
        sensitive = set(self._audit_fields)
        grown = True
        while grown:
            grown = False
            for field in self._fields.values():
                if field.name in sensitive:
                    continue
                depends = self.pool.field_depends[field]
                if any(path.split(".")[0] in sensitive for path in depends):
                    sensitive.add(field.name)
                    grown = True
        return frozenset(sensitive)

    @api.private
    def _audit_exempt(self):
        """Records of self the current user reads without a log."""
        if not self._audit_keeper_field:
            return self.browse()
        return self.filtered(lambda r: r[self._audit_keeper_field] == self.env.user)

    @api.private
    def _audit_grants(self):
        """{record id: "model,id"} of the grant that lets the current user read it."""
        return {}

    def _audit_fields_read(self, fnames):
        # A field computed from sensitive ones only counts for who may read them: the others
        # get what the compute shows them (e.g. a masked number), which is no sensitive read.
        sensitive = self._audit_sensitive_fields()
        names = sensitive if fnames is None else sensitive.intersection(fnames)
        if not names:
            return []
        fields_ = self._fields
        readable = {
            name for name in self._audit_fields if self._has_field_access(fields_[name], "read")
        }
        if not readable:
            return []
        return sorted(
            name
            for name in names
            if name in readable
            or (name not in self._audit_fields and self._has_field_access(fields_[name], "read"))
        )

    @api.private
    def _audit_read(self, fnames, operation):
        """Log the reading of ``fnames`` (None: the whole record) of self."""
        if self.env.su or not self._ids or not all(isinstance(id_, int) for id_ in self._ids):
            return
        read = self._audit_fields_read(fnames)
        opened = self._audit_confidential and (
            fnames is None or bool(set(fnames) - set(self._audit_identifying_fields))
        )
        if not (read or opened):
            return
        done = self.env.cr.cache.setdefault("read_audit", set())
        key = (self.env.uid, self._name, operation)
        todo = self.browse(id_ for id_ in dict.fromkeys(self._ids) if (*key, id_) not in done)
        todo -= todo._audit_exempt()
        if not todo:
            return
        done.update((*key, id_) for id_ in todo._ids)
        grants = todo._audit_grants()
        user = self.env.user
        now = fields.Datetime.now()
        rows = SQL(", ").join(
            SQL(
                "(%s, %s, %s, %s, %s, %s, %s, %s)",
                now,
                user.id,
                f"{user.name} ({user.login})",
                self._name,
                id_,
                operation,
                ", ".join(read) or None,
                grants.get(id_),
            )
            for id_ in todo._ids
        )
        with sql_db.db_connect(self.env.cr.dbname).cursor() as cr:
            cr.execute("SET LOCAL lock_timeout = '10s'")
            cr.execute(
                SQL(
                    "INSERT INTO read_audit_log (date, user_ref, user_name, res_model, res_id,"
                    " operation, field_names, grant_ref) VALUES %s",
                    rows,
                )
            )

    # ------------------------------------------------------------------ hooks
    def _read_format(self, fnames, load="_classic_read"):
        result = super()._read_format(fnames, load=load)
        self._audit_read(fnames, "read")
        return result

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None, **kwargs):
        query = super()._search(domain, offset=offset, limit=limit, order=order, **kwargs)
        # a search by a sensitive field tells what it holds of each record found
        if self._audit_fields and not self.env.su:
            searched = {cond.field_expr.split(".")[0] for cond in Domain(domain).iter_conditions()}
            if read := self._audit_fields_read(searched):
                self.browse(query.get_result_ids())._audit_read(read, "search")
        return query

    @api.model
    def _read_group(
        self, domain, groupby=(), aggregates=(), having=(), offset=0, limit=None, order=None
    ):
        result = super()._read_group(
            domain,
            groupby=groupby,
            aggregates=aggregates,
            having=having,
            offset=offset,
            limit=limit,
            order=order,
        )
        # Totals read the records as surely as opening them (counts do not); group keys read
        # the field grouped by, which only matters for sensitive fields.
        if not self.env.su:
            totals = {spec.split(":")[0] for spec in aggregates} - {"__count"}
            keys = {spec.split(":")[0].split(".")[0] for spec in groupby}
            read = self._audit_fields_read(totals | keys)
            if read or (self._audit_confidential and totals - set(self._audit_identifying_fields)):
                self.search(domain)._audit_read(totals.union(read), "group")
        return result

    def export_data(self, fields_to_export):
        result = super().export_data(fields_to_export)
        self._audit_read({path.split("/")[0] for path in fields_to_export}, "export")
        return result


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _get_rendering_context(self, report, docids, data):
        # Every QWeb report (PDF, HTML, text) prints its records through here.
        result = super()._get_rendering_context(report, docids, data)
        self._audit_report(report.model, docids)
        return result

    def _render_xlsx(self, report_ref, docids, data):
        result = super()._render_xlsx(report_ref, docids, data)
        report = self._get_report(report_ref)
        if hasattr(self.env.get(report.model), "_audit_read"):
            # the records report_xlsx itself printed, also when given by the context
            objs = (
                self.env[f"report.{report.report_name}"]
                .with_context(active_model=report.model)
                ._get_objs_for_report(docids, data)
            )
            self._audit_report(report.model, objs.ids)
        return result

    def _audit_report(self, model_name, docids):
        # reports are often rendered from a sudo report record: the reader is the user
        model = self.sudo(False).env.get(model_name)
        if docids and hasattr(model, "_audit_read"):
            model.browse(docids)._filtered_access("read")._audit_read(None, "report")


class IrBinary(models.AbstractModel):
    _inherit = "ir.binary"

    def _record_to_stream(self, record, field_name):
        # /web/content and /web/image stream every file through here, once access is checked
        stream = super()._record_to_stream(record, field_name)
        owner, fnames = record.with_env(self.env), [field_name]
        if record._name == "ir.attachment":
            # the attachment is often streamed as superuser: only its owner is read here
            attachment_sudo = record.sudo()
            owner = None
            if attachment_sudo.res_model in self.env and attachment_sudo.res_id:
                owner = self.env[attachment_sudo.res_model].browse(attachment_sudo.res_id)
                fnames = [attachment_sudo.res_field] if attachment_sudo.res_field else None
        if hasattr(owner, "_audit_read"):
            owner._audit_read(fnames, "download")
        return stream
