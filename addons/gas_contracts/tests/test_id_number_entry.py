"""Business staff fill in user information, identity numbers included, even where their level
shows them masked (篇三 第十二條, [GC-8])."""

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import GasCommon

NUMBER = "110101199003071234"
MASKED = "110***********1234"


@tagged("post_install", "-at_install")
class TestIdNumberEntry(GasCommon):
    def _new_account(self, **vals):
        contract = self._signed_supply()
        self._attach(contract, "supply_notice")
        self._attach(contract, "acceptance_drawing")
        return (
            self.env["gas.account"]
            .with_user(self.staff)
            .create({"contract_id": contract.id, "partner_id": self.partner.id, **vals})
        )

    def assertOnlyMasked(self, account, masked=MASKED):
        """What the staff reads of the account, by every path, never holds the number."""
        account = account.with_user(self.staff)
        account.invalidate_recordset()
        fnames = ["id_number_display", "id_number_input"]
        for values in (
            account.read(fnames)[0],
            account.web_read({fname: {} for fname in fnames})[0],
            account.search_read([("id", "=", account.id)], fnames)[0],
        ):
            self.assertEqual(values["id_number_display"], masked)
            self.assertFalse(values["id_number_input"])
            self.assertNotIn("id_number", values)
        with self.assertRaises(AccessError):
            account.read(["id_number"])

    def test_staff_enter_a_number_on_create(self):
        account = self._new_account(id_number_input=NUMBER)
        self.assertEqual(account.sudo().id_number, NUMBER)
        self.assertOnlyMasked(account)
        bodies = account.sudo().message_ids.mapped("body")
        self.assertTrue(any("Identity number entered." in body for body in bodies), bodies)

    def test_staff_correct_a_number_they_cannot_read(self):
        account = self._new_account()
        account.sudo().id_number = "110101199003070000"
        # what the form saves, and sends back to the staff
        result = account.with_user(self.staff).web_save(
            {"id_number_input": NUMBER}, {"id_number_display": {}, "id_number_input": {}}
        )
        self.assertEqual(account.sudo().id_number, NUMBER)
        self.assertEqual(result[0]["id_number_display"], MASKED)
        self.assertFalse(result[0]["id_number_input"])
        self.assertOnlyMasked(account)

    def test_basic_level_cannot_write_a_number(self):
        account = self._new_account(id_number_input=NUMBER)
        for fname in ("id_number_input", "id_number"):
            with self.subTest(fname=fname), self.assertRaises(AccessError):
                account.with_user(self.basic).write({fname: "110101199003075678"})
        self.assertEqual(account.sudo().id_number, NUMBER)

    def test_implausible_number_is_refused(self):
        account = self._new_account(id_number_input=NUMBER)
        with self.assertRaisesRegex(ValidationError, "New Identity Number is too long"):
            account.with_user(self.staff).write({"id_number_input": "1" * 1001})
        with self.assertRaisesRegex(ValidationError, "New Identity Number must be text"):
            account.with_user(self.staff).write({"id_number_input": {"x": 1}})
        self.assertEqual(account.sudo().id_number, NUMBER)

    def test_archived_user_file_number_cannot_change(self):
        account = self._new_account(id_number_input=NUMBER)
        account.with_user(self.staff).action_close()
        account.with_user(self.archivist).action_archive_file()
        with self.assertRaisesRegex(UserError, "locked"):
            account.with_user(self.staff).write({"id_number_input": "110101199003075678"})
        self.assertEqual(account.sudo().id_number, NUMBER)
