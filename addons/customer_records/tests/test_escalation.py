import base64
from datetime import date, timedelta

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import MANAGER, CustomerRecordsCommon


@tagged("post_install", "-at_install")
class TestEscalation(CustomerRecordsCommon):
    """[X-3] a keeper tries the paths around the approval and the confidentiality."""

    def test_default_state_in_context_does_not_approve(self):
        files = self.env["customer.file"].with_user(self.keeper)
        record = files.with_context(default_state="approved").create(
            {"partner_id": self.customer.id}
        )
        self.assertEqual(record.state, "draft")
        self.assertFalse(record.review_ids)

    def test_default_state_in_context_does_not_grant_access(self):
        grant = (
            self.env["customer.access.grant"]
            .with_user(self.keeper2)
            .with_context(default_state="approved", default_approver_id=self.gm.id)
            .create(
                {
                    "partner_ids": [(6, 0, self.customer.ids)],
                    "purpose": "curious",
                    "date_to": date.today() + timedelta(days=5),
                }
            )
        )
        self.assertEqual(grant.state, "draft")
        self.assertFalse(grant.approver_id)
        self._create_file(self.customer)
        self.assertFalse(self.env["customer.file"].with_user(self.keeper2).search([]))

    def test_file_attachment_cannot_be_made_public(self):
        record = self._create_file(self.customer)
        attachments = self.env["ir.attachment"].with_user(self.keeper)
        vals = {
            "name": "credit report.txt",
            "res_model": "customer.file",
            "res_id": record.id,
            "datas": base64.b64encode(b"credit line 1,000,000"),
        }
        with self.assertRaisesRegex(UserError, "cannot be made public"):
            attachments.create(dict(vals, public=True))
        attachment = attachments.create(vals)
        with self.assertRaisesRegex(UserError, "cannot be made public"):
            attachment.write({"public": True})
        own = attachments.create(
            {"name": "own.txt", "datas": base64.b64encode(b"x"), "public": True}
        )
        with self.assertRaisesRegex(UserError, "cannot be made public"):
            own.write({"res_model": "customer.file", "res_id": record.id})
        self.assertFalse(attachment.public)
        with self.assertRaises(AccessError):
            attachment.with_user(self.outsider).read(["datas"])

    def test_keeper_cannot_give_himself_groups(self):
        manager = self.env.ref(MANAGER)
        with self.assertRaises(AccessError):
            self.keeper.with_user(self.keeper).write({"group_ids": [(4, manager.id)]})
        self.assertNotIn(manager, self.keeper.group_ids)

    def test_archived_files_and_foreign_companies_by_context(self):
        record = self._create_file(self.customer)
        record.action_archive()
        files = self.env["customer.file"].with_user(self.outsider)
        self.assertFalse(files.with_context(active_test=False).search([]))
        foreign = self.env["res.company"].create({"name": "Foreign Co."})
        with self.assertRaises(AccessError):
            files.with_context(allowed_company_ids=[foreign.id]).search([])


@tagged("post_install", "-at_install")
class TestEscalationHttp(CustomerRecordsCommon, HttpCase):
    """[CR-3] a salesman without a grant asks the image and content routes for a file's
    picture by its id."""

    def test_image_and_content_routes_give_nothing(self):
        record = self._create_file(self.customer)
        secret = base64.b64decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
        )
        attachment = (
            self.env["ir.attachment"]
            .with_user(self.keeper)
            .create(
                {
                    "name": "signed contract.png",
                    "res_model": "customer.file",
                    "res_id": record.id,
                    "raw": secret,
                }
            )
        )
        self.authenticate(self.keeper2.login, self.keeper2.login)
        for url in (
            f"/web/image/{attachment.id}",
            f"/web/image/ir.attachment/{attachment.id}/datas",
            f"/web/content/{attachment.id}?download=true",
            f"/web/image/customer.file/{record.id}/display_name",
        ):
            with self.subTest(url=url), mute_logger("odoo.http"):
                response = self.url_open(url)
                self.assertNotIn(secret, response.content, url)
                self.assertNotIn(b"Huadong", response.content, url)
        self.authenticate(self.keeper.login, self.keeper.login)
        self.assertEqual(self.url_open(f"/web/image/{attachment.id}").content, secret)
