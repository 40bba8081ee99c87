from collections import defaultdict

from odoo import api, fields, models, tools
from odoo.exceptions import AccessError
from odoo.fields import Domain


def raise_forged(env):
    raise AccessError(
        env._("Reviews are requested, decided and reset through their document only.")
    )


# as many reviewers as base_tier_validation's "Todo by" names before "and N more"
TODO_BY_NAMES = 3


class TierReview(models.Model):
    """base_tier_validation's review texts, worded and translated by us, and the reviews of
    guarded documents (tier.validation.guard) closed to every path but their document's."""

    _inherit = "tier.review"

    # base_tier_validation ships no zh_TW and no zh_CN for these labels: listing the
    # values here gives them an XML id of this add-on, so that its translations apply.
    status = fields.Selection(
        selection_add=[
            ("waiting", "Waiting"),
            ("pending", "Pending"),
            ("rejected", "Rejected"),
            ("approved", "Approved"),
            ("cancel", "Cancel"),
        ]
    )
    # A review names its document, who asked and what the reviewers wrote: the record
    # rule lets a review of a guarded document through only to who may read the document.
    document_readable = fields.Boolean(
        compute="_compute_document_readable",
        search="_search_document_readable",
        help="The current user may read the reviewed document (always true for documents "
        "whose approvals are not guarded).",
    )

    def _compute_todo_by(self):
        result = super()._compute_todo_by()
        # same values as base_tier_validation's, only the words around them are ours
        for review in self:
            if review.reviewer_group_id:
                review.todo_by = self.env._("Group %(group)s", group=review.reviewer_group_id.name)
            elif len(review.reviewer_ids) > TODO_BY_NAMES:
                review.todo_by = self.env._(
                    "%(names)s (and %(count)s more)",
                    names=", ".join(review.reviewer_ids[:TODO_BY_NAMES].mapped("display_name")),
                    count=len(review.reviewer_ids) - TODO_BY_NAMES,
                )
        return result

    def _notify_review_reminder_body(self):
        days = (fields.Datetime.now() - self.create_date).days
        return self.env._("This approval was requested %(days)s days ago.", days=days)

    @api.depends_context("uid")
    def _compute_document_readable(self):
        # The rule checks records as superuser for the current user: read the documents
        # with that user's own rights, never with the superuser's.
        guarded = self._guarded_models()
        readable = self.browse()
        for model, reviews in self.grouped("model").items():
            if model not in guarded:
                readable |= reviews
                continue
            documents = self.env[model].with_user(self.env.uid).with_context(active_test=False)
            if documents.has_access("read"):
                existing = documents.browse(reviews.mapped("res_id")).exists()
                allowed = set(existing._filtered_access("read").ids)
                readable |= reviews.filtered(lambda r, ids=allowed: r.res_id in ids)
        readable.document_readable = True
        (self - readable).document_readable = False

    def _search_document_readable(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        guarded = self._guarded_models()
        domain = Domain("model", "not in", list(guarded))
        for model in guarded:
            documents = self.env[model].with_user(self.env.uid)
            if documents.has_access("read"):
                query = documents._search([], active_test=False)
                domain |= Domain("model", "=", model) & Domain("res_id", "in", query)
        if (operator == "in") != (True in value):
            domain = ~domain
        return domain

    def _is_client(self):
        return not (self.env.su or self.env["workflow.fields.mixin"]._in_workflow())

    @api.model_create_multi
    def create(self, vals_list):
        guarded = self._guarded_models()
        if self._is_client() and any(vals.get("model") in guarded for vals in vals_list):
            raise_forged(self.env)
        return super().create(vals_list)

    def write(self, vals):
        guarded = self.filtered(lambda r: r.model in self._guarded_models())
        if guarded and self._is_client():
            # base_tier_validation's comment wizard writes the reviewer's comment as him
            if vals.keys() != {"comment"}:
                raise_forged(self.env)
            guarded._check_reviewer()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_guarded(self):
        if self._is_client() and self.filtered(lambda r: r.model in self._guarded_models()):
            raise_forged(self.env)

    @api.private
    def _check_reviewer(self):
        """The current user is a reviewer of each review, recomputed from its tier (the
        stored ones could be stale), who neither drafted nor submitted its document."""
        if any(self.env.user not in review._get_reviewers() for review in self):
            raise_forged(self.env)

    @api.model
    @tools.ormcache()
    def _guarded_models(self):
        """Names of the models whose approvals follow tier.validation.guard."""
        guard = self.env.registry["tier.validation.guard"]
        return frozenset(
            name
            for name, model_cls in self.env.registry.items()
            if issubclass(model_cls, guard) and not model_cls._abstract
        )

    def _get_reviewers(self):
        reviewers = super()._get_reviewers()
        if self.model in self._guarded_models() and self.res_id:
            # four eyes, always: a drafter never reviews his own document
            document = self.env[self.model].sudo().browse(self.res_id)
            reviewers -= document._get_drafters() | self.requested_by
        return reviewers

    def _compute_reviewer_ids(self):
        guarded = self.filtered(lambda r: r.model in self._guarded_models() and r.res_id)
        # the documents in one query each; each distinct reviewer set assigned to all its
        # reviews at once, so that the relation is inserted in one statement, not one a review
        for model, reviews in guarded.grouped("model").items():
            self.env[model].sudo().browse(reviews.mapped("res_id"))._get_drafters()
        by_reviewers = defaultdict(list)
        for review in guarded:
            by_reviewers[tuple(review._get_reviewers().ids)].append(review.id)
        for user_ids, review_ids in by_reviewers.items():
            self.browse(review_ids).reviewer_ids = self.env["res.users"].browse(user_ids)
        return super(TierReview, self - guarded)._compute_reviewer_ids()
