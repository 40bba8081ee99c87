import base64

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import GasCommon


@tagged("post_install", "-at_install")
class TestArchiving(GasCommon):
    """[GC-7] archive by number with papers; nothing past draft is deleted or altered."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contract = (
            cls.env["gas.contract"]
            .with_user(cls.staff)
            .create(cls._contract_vals(type_id=cls.t_alarm.id, charged_amount=300.0))
        )

    def _complete(self):
        contract = self.contract.with_user(self.staff)
        contract.action_submit()
        contract.action_sign()
        contract.action_start()
        contract.action_done()
        return contract

    def test_draft_deleted_past_draft_kept(self):
        draft = self._draft(type_id=self.t_alarm.id, charged_amount=300.0)
        draft.with_user(self.staff).unlink()
        self.assertFalse(draft.exists())
        self.contract.with_user(self.staff).action_submit()
        for user in (self.staff, self.admin_gas):
            with self.assertRaises(UserError, msg=user.login):
                self.contract.with_user(user).unlink()
        paper = self._attach(self.contract, "letter")
        with self.assertRaises(UserError):
            paper.with_user(self.staff).unlink()

    def test_archive_by_number_by_archive_keeper(self):
        contract = self._complete()
        self._attach(contract, "budget")
        with self.assertRaises(AccessError):
            contract.with_user(self.staff).action_archive_papers()
        contract.with_user(self.archivist).action_archive_papers()
        self.assertEqual(contract.state, "archived")
        self.assertTrue(contract.archive_number.startswith("GDA-"))
        self.assertEqual(contract.document_ids.kind, "budget")

    def test_only_completed_or_terminated_are_archived(self):
        self.contract.with_user(self.staff).action_submit()
        with self.assertRaises(UserError):
            self.contract.with_user(self.archivist).action_archive_papers()

    def test_terminated_contract_needs_a_reason_and_archives(self):
        contract = self.contract.with_user(self.staff)
        contract.action_submit()
        contract.action_sign()
        wizard = self.env["gas.contract.terminate.wizard"].with_user(self.staff)
        with self.assertRaises(UserError):
            contract.action_terminate(reason=" ")
        wizard.create({"contract_id": contract.id, "reason": "User moved away"}).action_confirm()
        self.assertEqual(contract.state, "terminated")
        contract.with_user(self.archivist).action_archive_papers()
        self.assertEqual(contract.state, "archived")

    def test_archived_contract_is_read_only_by_every_path(self):
        contract = self._complete()
        paper = self._attach(contract, "notice")
        contract.with_user(self.archivist).action_archive_papers()
        for user in (self.staff, self.archivist, self.admin_gas):
            record = contract.with_user(user)
            with self.assertRaises(UserError, msg=user.login):
                record.write({"note": "<p>altered</p>"})
            with self.assertRaises(UserError, msg=user.login):
                record.write({"archive_location": "elsewhere"})
            with self.assertRaises(UserError, msg=user.login):
                record.unlink()
            with self.assertRaises(UserError, msg=user.login):
                record.message_post(body="late remark")
            with self.assertRaises(UserError, msg=user.login):
                self.env["mail.message"].with_user(user).create(
                    {"model": "gas.contract", "res_id": contract.id, "body": "forged"}
                )
            with self.assertRaises(UserError, msg=user.login):
                self.env["ir.attachment"].with_user(user).create(
                    {
                        "name": "late.pdf",
                        "res_model": "gas.contract",
                        "res_id": contract.id,
                        "datas": base64.b64encode(b"late"),
                    }
                )
            with self.assertRaises(UserError, msg=user.login):
                paper.with_user(user).write({"name": "renamed"})
            with self.assertRaises(UserError, msg=user.login):
                self._attach(contract, "letter", user=user)
        attachment = self.env["ir.attachment"].search(
            [
                ("res_model", "=", "gas.contract.document"),
                ("res_id", "=", paper.id),
                ("res_field", "=", "file"),
            ]
        )
        self.assertTrue(attachment)
        with self.assertRaises(UserError):
            attachment.with_user(self.staff).write({"datas": base64.b64encode(b"swapped")})
        with self.assertRaises(UserError):
            attachment.with_user(self.staff).unlink()
        note = self.env["mail.message"].create(
            {"model": "res.partner", "res_id": self.partner.id, "body": "elsewhere"}
        )
        with self.assertRaises(UserError):
            note.sudo().write({"model": "gas.contract", "res_id": contract.id})
        # the superuser goes through the same model guards
        with self.assertRaises(UserError):
            contract.sudo().write({"note": "<p>altered</p>"})
        with self.assertRaises(UserError):
            attachment.sudo().unlink()
        self.assertEqual(contract.state, "archived")

    def test_archived_account_is_read_only(self):
        account = self._open_account()
        meter = (
            self.env["gas.meter"]
            .with_user(self.staff)
            .create({"account_id": account.id, "name": "ARC-1", "install_date": "2026-03-01"})
        )
        account.with_user(self.staff).action_close()
        with self.assertRaises(AccessError):
            account.with_user(self.staff).action_archive_file()
        account.with_user(self.archivist).action_archive_file()
        self.assertEqual(account.state, "archived")
        for attempt in (
            lambda: account.with_user(self.staff).write({"street": "x"}),
            lambda: account.with_user(self.staff).message_post(body="x"),
            lambda: meter.with_user(self.staff).write({"model": "x"}),
            lambda: (
                self.env["gas.meter.reading"]
                .with_user(self.staff)
                .create({"meter_id": meter.id, "date": "2026-04-01", "reading": 5.0})
            ),
            lambda: (
                self.env["gas.appliance"]
                .with_user(self.staff)
                .create({"account_id": account.id, "kind": "cooker"})
            ),
            lambda: account.sudo().write({"street": "x"}),
        ):
            with self.assertRaises(UserError):
                attempt()
