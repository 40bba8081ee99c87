"""Locked records, once, on test models: a folder (locked when sealed) with its lines, and a
result locked only in its result field once approved. Every path is tried as a user, as an
administrator and as superuser; the same on an unlocked folder, or through the workflow, passes.
"""

from contextlib import contextmanager
from unittest.mock import patch

from odoo import Command, fields, models
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, new_test_user, tagged

from odoo.addons.base_record_guard.models import record_lock
from odoo.addons.mail.tests.common import MockEmail
from odoo.addons.mail.tools.discuss import Store

from .common import register_test_models


class LockFolder(models.Model):
    _name = "test.record.lock.folder"
    _description = "Test folder, sealed like a dossier"
    _inherit = ["mail.thread", "mail.activity.mixin", "workflow.fields.mixin", "record.lock.mixin"]
    _module = None
    _lock_domain = [("state", "=", "sealed")]

    name = fields.Char()
    state = fields.Selection(
        [("open", "Open"), ("sealed", "Sealed")], default="open", tracking=True
    )
    line_ids = fields.One2many("test.record.lock.line", "folder_id")


class LockLine(models.Model):
    _name = "test.record.lock.line"
    _description = "Test line, locked with its folder"
    _inherit = ["record.lock.mixin"]
    _module = None
    _lock_parent = "folder_id"

    name = fields.Char()
    folder_id = fields.Many2one("test.record.lock.folder", required=True, ondelete="cascade")


class LockResult(models.Model):
    _name = "test.record.lock.result"
    _description = "Test result, frozen once approved"
    _inherit = ["mail.thread", "workflow.fields.mixin", "record.lock.mixin"]
    _module = None
    _lock_domain = [("state", "=", "approved")]
    _lock_fields = ("result",)

    result = fields.Char()
    note = fields.Char()
    state = fields.Selection([("draft", "Draft"), ("approved", "Approved")], default="draft")


class PlainThread(models.Model):
    _name = "test.record.lock.plain"
    _description = "Test model the lock does not concern"
    _inherit = ["mail.thread"]
    _module = None

    name = fields.Char()


MODELS = (LockFolder, LockLine, LockResult, PlainThread)


@contextmanager
def lock_switched_off():
    """The mechanism's checks on messages and files replaced by nothing."""
    with (
        patch.object(record_lock, "_check_owners", lambda *args, **kwargs: None),
        patch.object(record_lock.MailMessage, "_check_owner_locks", lambda *a, **kw: None),
        patch.object(record_lock.IrAttachment, "_check_owner_locks", lambda *a, **kw: None),
    ):
        yield


@tagged("post_install", "-at_install")
class TestRecordLock(MockEmail, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        register_test_models(cls, MODELS)
        cls.user = new_test_user(cls.env, login="rlk_user", groups="base.group_user")
        cls.admin = new_test_user(cls.env, login="rlk_admin", groups="base.group_system")
        cls.recipient = cls.env["res.partner"].create(
            {"name": "Outside Recipient", "email": "recipient@example.com"}
        )

    def _folder(self, sealed=True):
        """A folder with a line, a file, a message, a file on its line; sealed if asked."""
        folder = self.env[LockFolder._name].create({"name": "Folder"})
        line = self.env[LockLine._name].create({"name": "Line", "folder_id": folder.id})
        files = self.env["ir.attachment"].create(
            [
                {"name": "f.txt", "raw": b"folder", "res_model": folder._name, "res_id": folder.id},
                {"name": "l.txt", "raw": b"line", "res_model": line._name, "res_id": line.id},
            ]
        )
        message = folder.message_post(body="Before the seal")
        if sealed:
            folder._workflow().write({"state": "sealed"})
        return folder, line, files, message

    def _attempts(self, user, folder, line, files, message):
        """Every change to the folder, by every path, as ``user`` (None: superuser)."""
        env = self.env(su=True) if user is None else self.env(user=user)
        folder, line, files, message = (
            folder.with_env(env),
            line.with_env(env),
            files.with_env(env),
            message.with_env(env),
        )
        stray = env["ir.attachment"].create({"name": "stray.txt", "raw": b"stray"})
        other = env[LockFolder._name].create({"name": "Other"})
        other_line = env[LockLine._name].create({"name": "Other line", "folder_id": other.id})
        elsewhere = env[PlainThread._name].create({"name": "Elsewhere"})
        note = elsewhere.message_post(body="Elsewhere")
        Lines = env[LockLine._name]
        Attachments = env["ir.attachment"]
        return {
            "write": lambda: folder.write({"name": "Changed"}),
            "unlink": lambda: folder.unlink(),
            "child create": lambda: Lines.create({"name": "Late", "folder_id": folder.id}),
            "child create by the parent": lambda: folder.write({"line_ids": [(0, 0, {})]}),
            "child write": lambda: line.write({"name": "Changed"}),
            "child unlink": lambda: line.unlink(),
            "child moved in": lambda: other_line.write({"folder_id": folder.id}),
            "file create": lambda: Attachments.create(
                {"name": "late.txt", "raw": b"x", "res_model": folder._name, "res_id": folder.id}
            ),
            "file on a child": lambda: Attachments.create(
                {"name": "late.txt", "raw": b"x", "res_model": line._name, "res_id": line.id}
            ),
            "file write": lambda: files[0].write({"raw": b"forged"}),
            "file rename": lambda: files[1].write({"name": "renamed.txt"}),
            "file unlink": lambda: files[1].unlink(),
            "file moved in": lambda: stray.write({"res_model": folder._name, "res_id": folder.id}),
            "file moved out": lambda: files[0].write({"res_id": other.id}),
            "message post": lambda: folder.message_post(body="After the seal"),
            "message create": lambda: env["mail.message"].create(
                {"model": folder._name, "res_id": folder.id, "body": "Injected"}
            ),
            "message edit": lambda: message.write({"body": "Rewritten"}),
            "message unlink": lambda: message.unlink(),
            "message moved in": lambda: note.write({"model": folder._name, "res_id": folder.id}),
            "activity scheduled": lambda: folder.activity_schedule(
                "mail.mail_activity_data_todo", user_id=env.uid
            ),
        }

    def test_locked_folder_refused_for_everyone(self):
        folder, line, files, message = self._folder()
        for user in (self.user, self.admin, None):
            for path, attempt in self._attempts(user, folder, line, files, message).items():
                with self.subTest(user=user and user.login, path=path):
                    with self.assertRaisesRegex(UserError, "is locked"):
                        attempt()
        self.assertEqual(folder.name, "Folder")
        self.assertEqual(files.mapped("raw"), [b"folder", b"line"])
        self.assertEqual(message.body, "<p>Before the seal</p>")

    def test_the_chatter_of_a_locked_record_offers_no_composer(self):
        sealed, *_others = self._folder()
        open_folder, *_others = self._folder(sealed=False)
        for user in (self.user, self.admin):
            for folder, can_post in ((sealed, False), (open_folder, True)):
                store = Store()
                folder.with_user(user)._thread_to_store(store, [], request_list=["followers"])
                (thread,) = [
                    values
                    for values in store.get_result()["mail.thread"]
                    if values["id"] == folder.id
                ]
                self.assertEqual(thread["hasWriteAccess"], can_post, user.login)
                self.assertFalse(thread["canPostOnReadonly"])

    def test_unlocked_folder_unaffected(self):
        folder, line, files, message = self._folder(sealed=False)
        for user in (self.user, self.admin):
            for path, attempt in self._attempts(user, folder, line, files, message).items():
                if path == "message moved in" and user == self.user:
                    continue  # mail lets only administrators move messages
                with self.subTest(user=user.login, path=path), self.cr.savepoint() as savepoint:
                    attempt()
                    savepoint.rollback()

    def test_the_workflow_passes(self):
        folder, line, files, message = self._folder()
        workflow = folder.with_user(self.user)._workflow()
        workflow.write({"name": "Renumbered"})
        workflow.env[LockLine._name].create({"name": "Added", "folder_id": folder.id})
        workflow.env["ir.attachment"].create(
            {"name": "seal.txt", "raw": b"x", "res_model": folder._name, "res_id": folder.id}
        )
        workflow.message_post(body="Reopened: the reason")
        workflow.write({"state": "open"})
        folder.with_user(self.user).write({"name": "Open again"})
        self.assertEqual(len(folder.line_ids), 2)
        # a client cannot forge the way: the key with any JSON value is just a key
        forged = folder.with_context(base_record_guard_workflow=True)
        folder._workflow().write({"state": "sealed"})
        with self.assertRaisesRegex(UserError, "is locked"):
            forged.with_user(self.admin).write({"name": "Forged"})

    def test_the_seal_tracking_is_logged(self):
        """Tracking messages record writes that passed the lock: the sealing itself too."""
        folder = self.env[LockFolder._name].create({"name": "Tracked"})
        self.env.flush_all()
        self.env.cr.precommit.run()  # as if committed: later writes are tracked
        # the tracking is finalized in the environment of the first write: a user's
        folder.with_user(self.user).write({"name": "Before"})
        folder._workflow().write({"state": "sealed"})
        self.env.flush_all()
        self.env.cr.precommit.run()
        tracked = self.env["mail.tracking.value"].search(
            [
                ("mail_message_id.model", "=", folder._name),
                ("mail_message_id.res_id", "=", folder.id),
            ]
        )
        self.assertEqual(tracked.field_id.mapped("name"), ["state"])

    def test_partial_lock_freezes_only_its_fields(self):
        result = self.env[LockResult._name].create({"result": "Refund", "note": "n"})
        result._workflow().write({"state": "approved"})
        for user in (self.user, self.admin, None):
            record = result.with_user(user) if user else result.sudo()
            with self.assertRaisesRegex(UserError, "Result can no longer be changed"):
                record.write({"result": "Nothing"})
            with self.assertRaisesRegex(UserError, "is locked"):
                record.unlink()
            record.write({"note": "the reply goes on"})
            record.message_post(body="Still talking")
            self.env["ir.attachment"].with_env(record.env).create(
                {"name": "r.txt", "raw": b"r", "res_model": record._name, "res_id": record.id}
            )
        self.assertEqual(result.result, "Refund")

    def test_files_of_guarded_models_are_never_public(self):
        folder, line, files, message = self._folder(sealed=False)
        for user in (self.user, self.admin, None):
            Attachments = self.env["ir.attachment"].with_env(
                self.env(su=True) if user is None else self.env(user=user)
            )
            with self.assertRaisesRegex(UserError, "cannot be made public"):
                Attachments.create(
                    {"name": "p", "raw": b"p", "public": True, "res_model": line._name}
                )
            with self.assertRaisesRegex(UserError, "cannot be made public"):
                files[0].with_env(Attachments.env).write({"public": True})
            public = Attachments.create({"name": "p", "raw": b"p", "public": True})
            with self.assertRaisesRegex(UserError, "cannot be made public"):
                public.write({"res_model": folder._name, "res_id": folder.id})
        elsewhere = self.env[PlainThread._name].create({"name": "Elsewhere"})
        self.env["ir.attachment"].with_user(self.user).create(
            {"name": "p", "raw": b"p", "public": True, "res_model": elsewhere._name}
        )

    def _count(self, operation):
        """Queries of ``operation`` run on a cold cache."""
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        operation()
        self.env.flush_all()
        return self.cr.sql_log_count - before

    def test_no_query_on_models_the_lock_does_not_concern(self):
        """Messages and files of a model that is not locked cost no query: decided from the
        values and the model's class, compared with the mechanism switched off."""
        elsewhere = self.env[PlainThread._name].create({"name": "Elsewhere"})

        def operations():
            message = elsewhere.message_post(body="Sent")
            attachment = self.env["ir.attachment"].create({"name": "a.txt", "raw": b"a"})
            return {
                "message create": lambda: self.env["mail.message"].create(
                    {"model": elsewhere._name, "res_id": elsewhere.id, "body": "x"}
                ),
                # what the mail queue writes once an e-mail is sent
                "Message-Id stamped": lambda: message.write({"message_id": "<sent@example>"}),
                # what a template sending reports does to each e-mail it built
                "files added to a message": lambda: message.write(
                    {"attachment_ids": [Command.create({"name": "r.txt", "raw": b"r"})]}
                ),
                "file create": lambda: self.env["ir.attachment"].create(
                    {"name": "b.txt", "raw": b"b", "res_model": elsewhere._name}
                ),
                "file attached": lambda: attachment.write(
                    {"res_model": elsewhere._name, "res_id": elsewhere.id}
                ),
            }

        for name in operations():
            with self.subTest(operation=name):
                with lock_switched_off():
                    expected = self._count(operations()[name])
                self.assertEqual(self._count(operations()[name]), expected)

    def test_queued_mail_is_delivered_after_the_lock(self):
        """The lock freezes what the folder says, not the mail queue's bookkeeping."""
        folder = self.env[LockFolder._name].create({"name": "Mailed"})
        # a notification (the message stays) and a plain e-mail (deleted once sent)
        folder.with_context(mail_notify_force_send=False).message_post(
            body="To the recipient",
            partner_ids=self.recipient.ids,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        plain = self.env["mail.mail"].create(
            {
                "model": folder._name,
                "res_id": folder.id,
                "body_html": "<p>Plain</p>",
                "email_to": "recipient@example.com",
                "auto_delete": True,
            }
        )
        notification = folder.message_ids.notification_ids
        mails = notification.mail_mail_id | plain
        self.assertEqual(len(mails), 2)
        self.assertEqual(set(mails.mapped("state")), {"outgoing"})
        folder._workflow().write({"state": "sealed"})
        with self.mock_mail_gateway(mail_unlink_sent=True):
            mails.send()
        self.assertEqual(self.send_email_mocked.call_count, 2)
        self.assertEqual(notification.notification_status, "sent")
        self.assertFalse(mails.exists(), "sent and deleted, not marked failed")
        self.assertTrue(notification.mail_message_id.message_id)
