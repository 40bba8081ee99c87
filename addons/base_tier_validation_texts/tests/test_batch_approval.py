"""Approving or rejecting a selection of documents at once, on the guard's test document."""

from odoo.exceptions import UserError
from odoo.tests import TransactionCase, new_test_user, tagged

from odoo.addons.base_record_guard.tests.common import register_test_models

from .test_tier_validation_guard import GuardedDocument


@tagged("post_install", "-at_install")
class TestBatchApproval(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        register_test_models(cls, [GuardedDocument])
        cls.registry.clear_cache()
        cls.addClassCleanup(cls.registry.clear_cache)
        cls.drafter = new_test_user(cls.env, login="tvb_drafter")
        cls.reviewer = new_test_user(cls.env, login="tvb_reviewer")
        cls.outsider = new_test_user(cls.env, login="tvb_outsider")
        reviewers = cls.env["res.groups"].create(
            {"name": "Test batch reviewers", "user_ids": [(6, 0, cls.reviewer.ids)]}
        )
        cls.definition = cls.env["tier.definition"].create(
            {
                "model_id": cls.env["ir.model"]._get_id(GuardedDocument._name),
                "review_type": "group",
                "reviewer_group_id": reviewers.id,
            }
        )
        cls.Documents = cls.env[GuardedDocument._name]

    def _submitted(self, *names, drafter=None):
        drafter = drafter or self.drafter
        documents = self.Documents.with_user(drafter).create([{"name": name} for name in names])
        for document in documents:
            document.request_validation()
        self.assertEqual(set(documents.mapped("validation_status")), {"pending"})
        return documents.with_user(self.env.user)

    def _decided(self, documents):
        return [(document.review_ids.status, document.review_ids.done_by) for document in documents]

    def test_a_reviewer_approves_the_selection_at_once(self):
        documents = self._submitted("D1", "D2", "D3")
        as_reviewer = documents.with_user(self.reviewer)
        as_reviewer.mapped("can_review")  # the list the reviewer selects from has read these
        with self.assertQueryCount(15):
            self.assertIs(as_reviewer.action_validate_selected(), True)
        self.assertEqual(set(documents.mapped("validation_status")), {"validated"})
        self.assertEqual(self._decided(documents), [("approved", self.reviewer)] * 3)

    def test_a_reviewer_rejects_the_selection_at_once(self):
        documents = self._submitted("D1", "D2")
        documents.with_user(self.reviewer).action_reject_selected()
        self.assertEqual(set(documents.mapped("validation_status")), {"rejected"})
        self.assertEqual(self._decided(documents), [("rejected", self.reviewer)] * 2)

    def test_one_document_the_reviewer_may_not_decide_stops_the_whole_selection(self):
        pending = self._submitted("Pending one", "Pending two")
        own = self._submitted("Drafted by the reviewer", drafter=self.reviewer)
        decided = self._submitted("Decided already")
        decided.with_user(self.reviewer).validate_tier()
        draft = self.Documents.with_user(self.drafter).create({"name": "Never submitted"})
        selection = (pending | own | decided | draft).with_user(self.reviewer)
        for action in (selection.action_validate_selected, selection.action_reject_selected):
            with self.subTest(action=action.__name__), self.assertRaises(UserError) as caught:
                action()
            lines = str(caught.exception).splitlines()
            self.assertEqual(
                lines[1:],
                [
                    "You drafted or submitted Drafted by the reviewer: someone else must "
                    "review it.",
                    "The approval of Decided already is already decided.",
                    "Never submitted is not waiting for approval.",
                ],
            )
        self.assertEqual(set(pending.mapped("validation_status")), {"pending"})
        self.assertEqual(own.validation_status, "pending")

    def test_who_is_no_reviewer_is_refused(self):
        documents = self._submitted("D1", "D2")
        for user in (self.outsider, self.drafter):
            with self.subTest(user=user.login), self.assertRaises(UserError) as caught:
                documents.with_user(user).action_validate_selected()
            self.assertEqual(len(str(caught.exception).splitlines()), 3)
        self.assertEqual(set(documents.mapped("validation_status")), {"pending"})

    def test_a_tier_asking_for_a_comment_is_decided_from_the_form(self):
        self.definition.has_comment = True
        documents = self._submitted("D1", "D2")
        with self.assertRaises(UserError) as caught:
            documents.with_user(self.reviewer).action_validate_selected()
        self.assertEqual(
            str(caught.exception).splitlines()[1:],
            [
                f"{name} needs a comment with the decision: decide it from its form."
                for name in ("D1", "D2")
            ],
        )
        self.assertEqual(set(documents.mapped("validation_status")), {"pending"})
