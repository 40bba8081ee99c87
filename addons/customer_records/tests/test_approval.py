from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import CustomerRecordsCommon


@tagged("post_install", "-at_install")
class TestFileApproval(CustomerRecordsCommon):
    def _requested_file(self, partner=None, keeper=None):
        customer_file = self._create_file(partner or self.customer, keeper=keeper)
        customer_file.with_user(keeper or self.keeper).request_validation()
        self.assertEqual(customer_file.validation_status, "pending")
        return customer_file

    def test_director_approves(self):
        customer_file = self._requested_file()
        customer_file.with_user(self.director).validate_tier()
        self.assertEqual(customer_file.state, "approved")
        self.assertEqual(customer_file.validation_status, "validated")
        review = customer_file.review_ids
        self.assertEqual(review.done_by, self.director)

    def test_keeper_cannot_approve_by_button(self):
        customer_file = self._requested_file()
        with self.assertRaises(UserError):
            customer_file.with_user(self.keeper).validate_tier()
        self.assertEqual(customer_file.state, "draft")

    def test_keeper_cannot_approve_by_writing_state(self):
        customer_file = self._create_file(self.customer)
        with self.assertRaises(UserError):
            customer_file.with_user(self.keeper).write({"state": "approved"})
        requested = self._requested_file(self.customer2)
        with self.assertRaises(UserError):
            requested.with_user(self.keeper).write({"state": "approved"})
        self.assertEqual(customer_file.state, "draft")
        self.assertEqual(requested.state, "draft")

    def test_keeper_cannot_forge_review_records(self):
        customer_file = self._requested_file()
        review = customer_file.review_ids.with_user(self.keeper)
        with self.assertRaises(AccessError):
            review.write({"status": "approved", "done_by": self.keeper.id})
        with self.assertRaises(AccessError):
            review.write({"reviewer_ids": [(4, self.keeper.id)]})
        with self.assertRaises(AccessError):
            self.env["tier.review"].with_user(self.keeper).create(
                {
                    "model": "customer.file",
                    "res_id": customer_file.id,
                    "definition_id": review.definition_id.id,
                    "status": "approved",
                }
            )
        with self.assertRaises(UserError):
            customer_file.with_user(self.keeper).write({"validation_status": "validated"})
        self.assertEqual(customer_file.state, "draft")
        self.assertEqual(customer_file.validation_status, "pending")

    def test_drafter_cannot_approve_own_file(self):
        """A director keeping a file can neither approve it by button, by
        writing the state nor by writing the review; another director can."""
        customer_file = self._requested_file(keeper=self.director)
        self.assertNotIn(self.director, customer_file.review_ids.reviewer_ids)
        as_drafter = customer_file.with_user(self.director)
        with self.assertRaises(UserError):
            as_drafter.validate_tier()
        with self.assertRaises(UserError):
            as_drafter.write({"state": "approved"})
        with self.assertRaises(AccessError):
            customer_file.review_ids.with_user(self.director).write({"status": "approved"})
        self.assertEqual(customer_file.state, "draft")
        customer_file.with_user(self.director2).validate_tier()
        self.assertEqual(customer_file.state, "approved")

    def test_submitter_who_did_not_draft_cannot_approve(self):
        """The file's author cannot approve even when someone else asked for the review."""
        customer_file = self._create_file(self.customer, keeper=self.director)
        customer_file.with_user(self.director).write({"keeper_id": self.director2.id})
        customer_file.with_user(self.director2).request_validation()
        with self.assertRaises(AccessError):
            customer_file.review_ids.with_user(self.director).write({"status": "approved"})
        self.assertEqual(customer_file.state, "draft")

    def test_material_change_goes_back_for_approval(self):
        customer_file = self._requested_file()
        customer_file.with_user(self.director).validate_tier()
        self.assertEqual(customer_file.state, "approved")
        as_keeper = customer_file.with_user(self.keeper)
        # a non-material field keeps the approval
        as_keeper.write({"keeper_note": "Met the new buyer."})
        self.assertEqual(customer_file.state, "approved")
        # credit change: back to draft, a new review pending for the director
        as_keeper.write({"credit_limit": 5000.0})
        self.assertEqual(customer_file.state, "draft")
        self.assertEqual(customer_file.validation_status, "pending")
        customer_file.with_user(self.director).validate_tier()
        self.assertEqual(customer_file.state, "approved")
        # contacts are material too
        contact = self.env["res.partner"].create({"name": "New contact"})
        as_keeper.write({"contact_ids": [(4, contact.id)]})
        self.assertEqual(customer_file.state, "draft")

    def test_keeper_cannot_edit_under_review(self):
        customer_file = self._requested_file()
        with self.assertRaises(ValidationError):
            customer_file.with_user(self.keeper).write({"credit_limit": 99.0})
        self.assertEqual(customer_file.credit_limit, 1000.0)

    def test_context_key_does_not_skip_the_checks(self):
        customer_file = self._requested_file()
        with self.assertRaises(ValidationError):
            customer_file.with_user(self.keeper).with_context(skip_validation_check=True).write(
                {"credit_limit": 1.0}
            )
        # keeping the file up to date goes on under review
        customer_file.with_user(self.keeper).write({"keeper_note": "Called the buyer"})
        customer_file.with_user(self.keeper).action_mark_reviewed()

    def test_reader_cannot_submit_restart_or_drop_reviews(self):
        customer_file = self._requested_file()
        grant = (
            self.env["customer.access.grant"]
            .with_user(self.outsider)
            .create(
                {
                    "partner_ids": [(6, 0, self.customer.ids)],
                    "purpose": "Audit",
                    "date_from": fields.Date.today(),
                    "date_to": fields.Date.today(),
                }
            )
        )
        grant.action_request()
        grant.with_user(self.gm).action_approve()
        as_reader = customer_file.with_user(self.outsider)
        self.assertEqual(as_reader.partner_id, self.customer)
        with self.assertRaises(AccessError):
            as_reader.restart_validation()
        with self.assertRaises(AccessError):
            customer_file.review_ids.with_user(self.outsider).unlink()
        other = self._create_file(self.customer2)
        with self.assertRaises(AccessError):
            other.with_user(self.keeper2).request_validation()
        self.assertEqual(customer_file.validation_status, "pending")
        self.assertFalse(other.review_ids)

    def test_approval_texts_in_traditional_chinese(self):
        """base_tier_validation has no zh_TW: its banner and chatter texts are ours."""
        self.env["res.lang"]._activate_lang("zh_TW")
        self.env["ir.module.module"]._load_module_terms(["base_tier_validation_texts"], ["zh_TW"])
        customer_file = self._create_file(self.customer).with_context(lang="zh_TW")
        customer_file.with_user(self.keeper).request_validation()
        self.assertIn("等待", customer_file._get_to_validate_message())
        self.assertEqual(
            customer_file.with_user(self.director)._notify_accepted_reviews_body(),
            f"{self.director.name} 已核准。",
        )
        customer_file.with_user(self.director).validate_tier()
        self.assertIn("已核准。", customer_file._get_validated_message())

    def test_director_rejects(self):
        customer_file = self._requested_file()
        customer_file.with_user(self.director).reject_tier()
        self.assertEqual(customer_file.validation_status, "rejected")
        self.assertEqual(customer_file.state, "draft")
        customer_file.with_user(self.keeper).restart_validation()
        self.assertFalse(customer_file.review_ids)

    def test_approved_file_cannot_be_deleted(self):
        customer_file = self._requested_file()
        customer_file.with_user(self.director).validate_tier()
        with self.assertRaises(UserError):
            customer_file.with_user(self.gm).unlink()
