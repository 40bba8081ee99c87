import base64

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import GasCommon


@tagged("post_install", "-at_install")
class TestEscalation(GasCommon):
    """[X-3, GC-3] business staff try the paths around the approval routing."""

    def test_default_state_in_context_does_not_approve(self):
        contract = (
            self.env["gas.contract"]
            .with_user(self.staff)
            .with_context(
                default_state="approved",
                default_budget_amount=9999.0,
                default_construction_confirmed=True,
                default_name="GC-FORGED",
            )
            .create(self._contract_vals(user_category="commercial"))
        )
        self.assertEqual(contract.state, "draft")
        self.assertEqual(contract.budget_amount, 0.0)
        self.assertFalse(contract.construction_confirmed)
        self.assertNotEqual(contract.name, "GC-FORGED")
        contract.with_user(self.staff).action_submit()
        self.assertEqual(contract.state, "to_approve", "the market manager still reviews it")

    def test_contract_attachment_cannot_be_made_public(self):
        contract = self._draft()
        attachments = self.env["ir.attachment"].with_user(self.staff)
        vals = {
            "name": "id card.pdf",
            "res_model": "gas.contract",
            "res_id": contract.id,
            "datas": base64.b64encode(b"identity number"),
        }
        with self.assertRaisesRegex(UserError, "cannot be made public"):
            attachments.create(dict(vals, public=True))
        attachment = attachments.create(vals)
        with self.assertRaisesRegex(UserError, "cannot be made public"):
            attachment.write({"public": True})
        self.assertFalse(attachment.public)
        with self.assertRaises(AccessError):
            attachment.with_user(self.outsider).read(["datas"])
