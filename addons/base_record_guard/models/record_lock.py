"""Locked records: a locked record says nothing new, by any path, for anyone.

A model inherits ``record.lock.mixin`` and declares, with class attributes:

- ``_lock_domain``: the records locked by their own values, e.g. ``[("state", "=", "archived")]``
  (``[]``: every record, e.g. fingerprints recorded once and for all);
- ``_lock_parent``: the many2one to the record whose lock this one follows (a document follows
  its dossier, a reading its meter, which follows its account);
- ``_lock_fields``: ``None`` (default) locks the whole record; field names lock only these
  fields and the deletion (an approved result): the record's files and messages stay open.

A locked record is neither written nor deleted, and gets no new child. A whole lock also
freezes its files (``ir.attachment`` created on it, written, deleted, moved onto or off it) and
its messages (``mail.message`` created on it, edited, deleted: chatter, composer, templates,
API), and no activity is scheduled on it (those still open may be done or cancelled).
Administrators and code running as superuser are refused too, which a record rule with
a write domain would not do: that is why this is checked at the ORM's chokepoints. The workflow
passes its own private way, ``_workflow()`` of workflow.fields.mixin (archiving, reopening).

What a locked record's files and messages say is frozen, not the mail queue's bookkeeping: an
e-mail queued before the lock is still delivered, stamped with its Message-Id and deleted once
sent. The checks on ir.attachment and mail.message decide from the written values and from the
model's class (does it inherit the mixin?) before any query: other models pay nothing. A
message created in the transaction on such a model is remembered as such, so that a later
write to it (Odoo attaches a template's reports after creating the e-mail) reads nothing.

A change to a child or a file of an unlocked record updates the row of the record whose values
lock it, so that the change and the locking (which inspects children and files, e.g. to
fingerprint them) exclude each other: whichever comes second fails on a serialization error
and, retried, sees the other's result (refused by the lock, or locked with the rest).
"""

from odoo import api, models
from odoo.exceptions import UserError
from odoo.tools import SQL

# Written by the mail queue on the messages it delivers: not what a message says.
MESSAGE_BOOKKEEPING_FIELDS = {"message_id", "mail_server_id", "starred_partner_ids"}
# Written on files for sharing them, not what they contain or where they belong.
ATTACHMENT_BOOKKEEPING_FIELDS = {"access_token"}
# The queue's own messages (outgoing e-mails), deleted by the queue once sent.
QUEUE_MESSAGE_TYPES = ("email_outgoing",)


def _in_workflow(env):
    """Whether ``env`` is the workflow's own (workflow.fields.mixin's private way)."""
    return env["workflow.fields.mixin"]._in_workflow()


def _lock_model(env, model_name):
    """The model ``model_name`` if its files and messages are locked with its records."""
    model_cls = env.registry.get(model_name) if model_name else None
    if (
        model_cls is not None
        and issubclass(model_cls, env.registry["record.lock.mixin"])
        and model_cls._lock_fields is None
    ):
        return env[model_name]
    return None


def _check_owners(env, pairs, serialize="self"):
    """Refuse if a (model, res_id) pair is a whole-locked record; others cost nothing."""
    by_model = {}
    for model_name, res_id in pairs:
        if res_id and (model := _lock_model(env, model_name)) is not None:
            by_model.setdefault(model, set()).add(res_id)
    for model, res_ids in by_model.items():
        model.browse(res_ids).exists()._check_lock(serialize=serialize)


class RecordLockMixin(models.AbstractModel):
    _name = "record.lock.mixin"
    _description = "Locked Records"

    _lock_domain = None
    _lock_parent = None
    _lock_fields = None
    # files of locked records are never public either (see ir.attachment below)
    _attachments_private = True

    @api.private
    def _get_locked(self):
        """The records of ``self`` that are locked, by their own values or their parent's.

        Read as superuser: the lock is a fact about the record, whoever asks, and only
        decides whether a change is refused."""
        records_sudo = self.sudo()
        locked = records_sudo.browse()
        if self._lock_domain is not None:
            locked = records_sudo.filtered_domain(self._lock_domain)
        if self._lock_parent:
            parents = records_sudo[self._lock_parent]._get_locked()
            if parents:
                locked |= records_sudo.filtered(lambda rec: rec[self._lock_parent] in parents)
        return self.browse(locked._ids)

    @api.private
    def _get_lock_holders(self):
        """The records whose own values may lock ``self``, a recordset per model."""
        records_sudo = self.sudo()
        holders = [records_sudo] if self._lock_domain is not None else []
        if self._lock_parent:
            holders += records_sudo[self._lock_parent]._get_lock_holders()
        return holders

    @api.private
    def _check_lock(self, fnames=None, serialize="parents"):
        """Refuse a change to ``self`` (of ``fnames``: a write) if a record is locked.

        Then update the rows of the records whose values may lock ``self``: of its parents
        (``"parents"``: a change to a child), with its own (``"self"``: a file) or none."""
        if not self or _in_workflow(self.env):
            return
        if fnames is not None and self._lock_fields is not None:
            fnames = set(fnames).intersection(self._lock_fields)
            if not fnames:
                return
        if locked := self._get_locked():
            self._raise_locked(locked, fnames)
        if not serialize:
            return
        holders = self._get_lock_holders()
        if serialize == "parents" and self._lock_domain is not None:
            holders = holders[1:]
        for records_sudo in holders:
            if records_sudo:
                self.env.cr.execute(
                    SQL(
                        "UPDATE %s SET id = id WHERE id IN %s",
                        SQL.identifier(records_sudo._table),
                        records_sudo._ids,
                    )
                )

    @api.private
    def _raise_locked(self, locked, fnames=None):
        # names only of the records the user may read: the lock is checked whatever he reads
        names = ", ".join(locked._filtered_access("read").sudo().mapped("display_name"))
        records = names or self.env["ir.model"].sudo()._get(self._name).name
        if self._lock_fields is not None:
            raise UserError(
                self.env._(
                    "%(records)s is locked: %(fields)s can no longer be changed.",
                    records=records,
                    fields=", ".join(
                        self._fields[fname]._description_string(self.env)
                        for fname in sorted(fnames or self._lock_fields)
                    ),
                )
            )
        raise UserError(
            self.env._(
                "%(records)s is locked: it can no longer be changed, nor its lines, files "
                "and messages.",
                records=records,
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        if self._lock_fields is None:
            records._check_lock()
        return records

    def write(self, vals):
        self._check_lock(vals)
        res = super().write(vals)
        if self._lock_parent in vals:
            self._check_lock()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_locked(self):
        self._check_lock()


# Each mechanism keeps its own small extension of mail.thread, in its own file.
class MailThread(models.AbstractModel):
    _inherit = "mail.thread"  # pylint: disable=consider-merging-classes-inherited

    def _track_finalize(self):
        # the tracking messages record writes that passed the lock: the archiving itself
        if issubclass(type(self), self.pool["record.lock.mixin"]):
            self = self.with_env(self.env["workflow.fields.mixin"]._workflow().env)
        return super()._track_finalize()

    def _thread_to_store(self, store, fields, *, request_list=None):
        res = super()._thread_to_store(store, fields, request_list=request_list)
        # the chatter of a locked record offers no composer: its message would be refused
        if request_list is not None and _lock_model(self.env, self._name) is not None:
            if locked := self._get_locked():
                store.add(
                    locked, {"hasWriteAccess": False, "canPostOnReadonly": False}, as_thread=True
                )
        return res


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("public"):
                self._check_not_public(vals.get("res_model"))
        if not _in_workflow(self.env):
            _check_owners(self.env, ((v.get("res_model"), v.get("res_id")) for v in vals_list))
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("public"):
            for model_name in {vals.get("res_model", att.res_model) for att in self.sudo()}:
                self._check_not_public(model_name)
        elif vals.get("res_model") and any(att.public for att in self.sudo()):
            self._check_not_public(vals["res_model"])
        if vals.keys() - ATTACHMENT_BOOKKEEPING_FIELDS and not _in_workflow(self.env):
            self._check_owner_locks()
            if "res_model" in vals or "res_id" in vals:
                _check_owners(
                    self.env,
                    (
                        (vals.get("res_model", att.res_model), vals.get("res_id", att.res_id))
                        for att in self.sudo()
                    ),
                )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_locked_owner(self):
        if not _in_workflow(self.env):
            self._check_owner_locks()

    @api.private
    def _check_owner_locks(self):
        _check_owners(self.env, ((att.res_model, att.res_id) for att in self.sudo()))

    @api.model
    @api.private
    def _check_not_public(self, model_name):
        """A file of a model declaring ``_attachments_private`` is never public: anyone,
        logged out included, could download it, unchecked and unlogged."""
        model_cls = self.env.registry.get(model_name) if model_name else None
        if getattr(model_cls, "_attachments_private", False):
            raise UserError(
                self.env._(
                    "Files of %(model)s cannot be made public.",
                    model=self.env["ir.model"].sudo()._get(model_name).name,
                )
            )


class MailActivity(models.Model):
    _inherit = "mail.activity"

    @api.model_create_multi
    def create(self, vals_list):
        # nothing is left to do on a locked record; its open activities may still be closed
        activities = super().create(vals_list)
        if not _in_workflow(self.env):
            pairs = ((a.res_model, a.res_id) for a in activities.sudo())
            _check_owners(self.env, pairs, serialize=None)
        return activities


class MailMessage(models.Model):
    _inherit = "mail.message"

    @api.model_create_multi
    def create(self, vals_list):
        if not _in_workflow(self.env):
            _check_owners(
                self.env, ((v.get("model"), v.get("res_id")) for v in vals_list), serialize=None
            )
        messages = super().create(vals_list)
        # messages of models without a lock: known from the values, never read again this
        # transaction (a later write moving one is checked from its own values)
        self._lock_free_ids().update(
            message.id
            for message, vals in zip(messages, vals_list, strict=True)
            if _lock_model(self.env, vals.get("model")) is None
        )
        return messages

    def write(self, vals):
        if vals.keys() - MESSAGE_BOOKKEEPING_FIELDS:
            if "model" in vals or "res_id" in vals:
                self._check_owner_locks(vals)
            else:
                self.browse(set(self._ids) - self._lock_free_ids())._check_owner_locks()
        return super().write(vals)

    @api.model
    @api.private
    def _lock_free_ids(self):
        """Ids of the messages created in this transaction on models without a lock (the
        cursor's cache, cleared with the transaction)."""
        return self.env.cr.cache.setdefault("record_lock_free_message_ids", set())

    @api.ondelete(at_uninstall=False)
    def _unlink_except_locked_owner(self):
        # the queue deletes the outgoing e-mails it delivered: its bookkeeping
        messages_sudo = self.sudo().filtered(lambda m: m.message_type not in QUEUE_MESSAGE_TYPES)
        messages_sudo.with_env(self.env)._check_owner_locks()

    @api.private
    def _check_owner_locks(self, vals=None):
        """Refuse to change messages of locked records, or to move messages onto one."""
        if _in_workflow(self.env):
            return
        messages_sudo = self.sudo()
        pairs = [(m.model, m.res_id) for m in messages_sudo]
        if vals and ("model" in vals or "res_id" in vals):
            pairs += [
                (vals.get("model", m.model), vals.get("res_id", m.res_id)) for m in messages_sudo
            ]
        _check_owners(self.env, pairs, serialize=None)
