import base64
import hashlib

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import ResearchArchiveCommon


@tagged("post_install", "-at_install")
class TestSeal(ResearchArchiveCommon):
    """[RA-8] once archived, nothing about a dossier changes, by any path."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.documents = cls._file_all_mandatory(cls.dossier, user=cls.researcher)
        cls.dossier.message_post(body="Filed before archiving")
        cls.dossier_file = cls.env["ir.attachment"].create(
            {
                "name": "dossier-note.txt",
                "res_model": "research.dossier",
                "res_id": cls.dossier.id,
                "raw": b"dossier level file",
            }
        )
        cls._archive(cls.dossier)
        cls.document = cls.documents[0]
        cls.doc_file = cls.env["ir.attachment"].search(
            [("res_model", "=", "research.document"), ("res_id", "=", cls.document.id)]
        )

    def _every_user(self):
        return (self.researcher, self.member, self.office, self.room, self.manager)

    def test_checksums_are_recorded_at_archiving(self):
        checksums = self.dossier.checksum_ids
        self.assertEqual(len(checksums), len(self.documents) + 1)
        for checksum in checksums:
            self.assertEqual(
                checksum.sha256, hashlib.sha256(checksum.attachment_id.raw).hexdigest()
            )
        self.assertEqual(len(checksums.filtered("document_id")), len(self.documents))
        with self.assertRaises(UserError):
            checksums[0].with_user(self.manager).sudo().write({"sha256": "0" * 64})

    def test_fields_are_sealed_for_everyone(self):
        for user in self._every_user():
            with self.assertRaises(UserError, msg=user.login):
                self.dossier.with_user(user).write({"name": "Changed"})
        with self.assertRaises(UserError):
            self.dossier.write({"classification": "public"})
        with self.assertRaises(UserError):
            self.dossier.unlink()
        self.assertNotEqual(self.dossier.name, "Changed")

    def test_documents_are_sealed(self):
        for user in (self.researcher, self.room, self.manager):
            Document = self.env["research.document"].with_user(user)
            with self.assertRaises(UserError):
                Document.create(
                    {"dossier_id": self.dossier.id, "type_id": self.type_minutes.id, "name": "Late"}
                )
            with self.assertRaises(UserError):
                self.document.with_user(user).write({"name": "Rewritten"})
            with self.assertRaises(UserError):
                self.document.with_user(user).unlink()
        other_doc = self.env["research.document"].create(
            {"dossier_id": self.other_dossier.id, "type_id": self.type_minutes.id, "name": "Move"}
        )
        with self.assertRaises(UserError):
            other_doc.write({"dossier_id": self.dossier.id})

    def test_attachments_are_sealed(self):
        Attachment = self.env["ir.attachment"]
        for user in (self.researcher, self.manager):
            for model, res_id in (
                ("research.dossier", self.dossier.id),
                ("research.document", self.document.id),
            ):
                with self.assertRaises(UserError):
                    Attachment.with_user(user).create(
                        {"name": "late.txt", "res_model": model, "res_id": res_id, "raw": b"x"}
                    )
            with self.assertRaises(UserError):
                self.doc_file.with_user(user).write({"datas": base64.b64encode(b"forged")})
            with self.assertRaises(UserError):
                self.dossier_file.with_user(user).write({"name": "renamed.txt"})
            with self.assertRaises(UserError):
                self.doc_file.with_user(user).unlink()
        stray = Attachment.create({"name": "stray.txt", "raw": b"stray"})
        with self.assertRaises(UserError):
            stray.write({"res_model": "research.dossier", "res_id": self.dossier.id})
        with self.assertRaises(UserError):
            self.doc_file.sudo().unlink()
        self.assertTrue(self.doc_file.exists())

    def test_messages_are_sealed(self):
        for user in (self.researcher, self.room, self.manager):
            with self.assertRaises(UserError):
                self.dossier.with_user(user).message_post(body="After the seal")
        with self.assertRaises(UserError):
            self.env["mail.message"].create(
                {"model": "research.dossier", "res_id": self.dossier.id, "body": "Injected"}
            )
        message = self.dossier.message_ids.filtered(lambda m: "Filed before" in (m.body or ""))
        self.assertTrue(message)
        with self.assertRaises(UserError):
            message.write({"body": "Rewritten history"})
        with self.assertRaises(UserError):
            message.unlink()
        waiver_type = self.mandatory_types[0]
        with self.assertRaises(UserError):
            self.env["research.dossier.waiver"].with_user(self.manager).create(
                {"dossier_id": self.dossier.id, "type_id": waiver_type.id, "reason": "x"}
            )

    def test_verify_integrity_reports_changed_files(self):
        self.assertEqual(self.dossier._verify_integrity(), [])
        result = self.dossier.with_user(self.researcher).action_verify_integrity()
        self.assertEqual(result["params"]["type"], "success")
        # tamper with the stored file behind Odoo's back: point it to other content
        decoy = self.env["ir.attachment"].create({"name": "decoy.txt", "raw": b"tampered bytes"})
        self.env.cr.execute(
            "UPDATE ir_attachment SET store_fname = %s WHERE id = %s",
            [decoy.store_fname, self.doc_file.id],
        )
        problems = self.dossier._verify_integrity()
        self.assertEqual([p["name"] for p in problems], [self.doc_file.name])
        self.assertEqual(problems[0]["status"], "changed")
        result = self.dossier.with_user(self.room).action_verify_integrity()
        self.assertEqual(result["params"]["type"], "danger")
        self.assertIn(self.doc_file.name, result["params"]["message"])
        self.env["res.lang"]._activate_lang("zh_CN")
        result = (
            self.dossier.with_user(self.room).with_context(lang="zh_CN").action_verify_integrity()
        )
        self.assertIn(f"{self.doc_file.name}（已变更）", result["params"]["message"])
        # a file removed behind Odoo's back is reported as missing
        self.env.cr.execute("DELETE FROM ir_attachment WHERE id = %s", [self.dossier_file.id])
        self.env.invalidate_all()
        problems = {p["name"]: p["status"] for p in self.dossier._verify_integrity()}
        self.assertEqual(problems, {self.doc_file.name: "changed", "dossier-note.txt": "missing"})

    def test_only_manager_reopens_with_a_reason(self):
        for user in (self.researcher, self.office, self.room):
            with self.assertRaises(AccessError):
                self.dossier.with_user(user).action_open_reopen_wizard()
            with self.assertRaises(AccessError):
                self.dossier.with_user(user)._do_reopen("please")
        wizard = self.env["research.dossier.reopen.wizard"].with_user(self.manager)
        with self.assertRaises(UserError):
            wizard.create(
                {"dossier_ids": [(6, 0, self.dossier.ids)], "reason": "  "}
            ).action_reopen()
        number = self.dossier.archive_number
        wizard.create(
            {"dossier_ids": [(6, 0, self.dossier.ids)], "reason": "Award certificate arrived late"}
        ).action_reopen()
        self.assertEqual(self.dossier.state, "submitted")
        self.assertEqual(self.dossier.reopen_count, 1)
        self.assertIn("Award certificate arrived late", self.dossier.message_ids[0].body)
        # unlocked: documents can be added, then the room archives again, same number
        self.env["research.document"].with_user(self.researcher).create(
            {"dossier_id": self.dossier.id, "type_id": self.type_minutes.id, "name": "Award"}
        )
        with self.assertRaises(UserError):
            self.dossier.with_user(self.researcher).write({"retention": "D10"})
        self.dossier.with_user(self.room).action_accept_archive()
        self.assertEqual(self.dossier.archive_number, number)
        self.assertEqual(self.dossier.state, "archived")
