"""tier.validation.guard, once, on a test document: approvals cannot be forged."""

from odoo import fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, new_test_user, tagged

from odoo.addons.base_record_guard.tests.common import register_test_models


class GuardedDocument(models.Model):
    _name = "test.tier.guard.document"
    _description = "Test document whose approvals are guarded"
    _inherit = ["tier.validation.guard"]
    _module = None
    _state_from = ["draft"]
    _state_to = ["approved"]
    _tier_validation_manual_config = True
    _workflow_fields = ("state",)

    name = fields.Char()
    state = fields.Selection([("draft", "Draft"), ("approved", "Approved")], default="draft")


@tagged("post_install", "-at_install")
class TestTierValidationGuard(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        register_test_models(cls, [GuardedDocument])
        cls.registry.clear_cache()
        cls.addClassCleanup(cls.registry.clear_cache)
        cls.drafter = new_test_user(cls.env, login="tvg_drafter")
        cls.submitter = new_test_user(cls.env, login="tvg_submitter")
        cls.reviewer = new_test_user(cls.env, login="tvg_reviewer")
        cls.outsider = new_test_user(cls.env, login="tvg_outsider")
        reviewers = cls.env["res.groups"].create(
            {
                "name": "Test reviewers",
                "user_ids": [(6, 0, (cls.drafter | cls.submitter | cls.reviewer).ids)],
            }
        )
        cls.reader = new_test_user(cls.env, login="tvg_reader")
        colleagues = (cls.submitter | cls.reviewer).ids
        model_id = cls.env["ir.model"]._get_id(GuardedDocument._name)
        for readers, perms in (
            (colleagues + cls.reader.ids, {"perm_read": True}),
            (colleagues, {"perm_write": True, "perm_create": True, "perm_unlink": True}),
        ):
            cls.env["ir.rule"].create(
                {
                    "name": "Test documents: their colleagues and drafters only",
                    "model_id": model_id,
                    "domain_force": f"[(1, '=', 1)] if user.id in {readers} "
                    "else [('create_uid', '=', user.id)]",
                    **dict.fromkeys(
                        ("perm_read", "perm_write", "perm_create", "perm_unlink"), False
                    ),
                    **perms,
                }
            )
        cls.env["tier.definition"].create(
            {
                "model_id": model_id,
                "review_type": "group",
                "reviewer_group_id": reviewers.id,
            }
        )

    def _submitted(self, submitter=None):
        document = self.env[GuardedDocument._name].with_user(self.drafter).create({"name": "D"})
        document.with_user(submitter or self.drafter).request_validation()
        self.assertEqual(document.review_ids.status, "pending")
        return document

    def test_only_a_reviewer_who_neither_drafted_nor_submitted_decides(self):
        document = self._submitted(self.submitter)
        self.assertEqual(document.review_ids.reviewer_ids, self.reviewer)
        for user in (self.drafter, self.submitter, self.outsider):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                document.with_user(user).validate_tier()
            with self.subTest(user=user.login), self.assertRaises(UserError):
                document.with_user(user).reject_tier()
        document.with_user(self.reviewer).validate_tier()
        self.assertEqual(document.review_ids.status, "approved")
        self.assertEqual(document.review_ids.done_by, self.reviewer)
        self.assertEqual(document.validation_status, "validated")

    def test_the_comment_wizard_checks_the_decider(self):
        document = self._submitted(self.submitter)
        review = document.review_ids
        for user in (self.drafter, self.submitter):
            wizard = (
                self.env["comment.wizard"]
                .with_user(user)
                .create(
                    {
                        "res_model": document._name,
                        "res_id": document.id,
                        "review_ids": review.ids,
                        "validate_reject": "validate",
                        "comment": "Fine by me",
                    }
                )
            )
            with self.subTest(user=user.login), self.assertRaises(UserError):
                wizard.add_comment()
        self.assertEqual(review.status, "pending")
        self.assertFalse(review.comment)

    def test_reviews_are_not_forged(self):
        document = self._submitted()
        review = document.review_ids
        Reviews = self.env["tier.review"]
        for user in (self.drafter, self.reviewer):
            attempts = {
                "create": lambda user=user: Reviews.with_user(user).create(
                    {
                        "model": document._name,
                        "res_id": document.id,
                        "definition_id": review.definition_id.id,
                        "status": "approved",
                    }
                ),
                "decide": lambda user=user: review.with_user(user).write(
                    {"status": "approved", "done_by": user.id}
                ),
                "reroute": lambda user=user: review.with_user(user).write(
                    {"reviewer_ids": [(4, user.id)]}
                ),
                "unlink": lambda user=user: review.with_user(user).unlink(),
            }
            for path, attempt in attempts.items():
                with self.subTest(user=user.login, path=path), self.assertRaises(AccessError):
                    attempt()
        with self.assertRaises(AccessError):
            review.with_user(self.drafter).write({"comment": "Approved already"})
        review.with_user(self.reviewer).write({"comment": "Reading it"})
        self.assertEqual(review.status, "pending")

    def test_only_who_may_change_the_document_submits_it(self):
        document = self.env[GuardedDocument._name].with_user(self.drafter).create({"name": "D"})
        for user in (self.outsider, self.reader):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                document.with_user(user).request_validation()
        self.assertFalse(document.review_ids)

    def test_reviews_follow_the_readers_of_their_document(self):
        document = self._submitted()
        domain = [("model", "=", document._name), ("res_id", "=", document.id)]
        self.assertFalse(self.env["tier.review"].with_user(self.outsider).search(domain))
        for user in (self.drafter, self.reviewer):
            self.assertEqual(
                self.env["tier.review"].with_user(user).search(domain), document.review_ids
            )
