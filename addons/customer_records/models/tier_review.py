from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.fields import Domain

# Documents of this add-on whose approval must not be forged through tier.review,
# which every internal user may write.
GUARDED_MODELS = ("customer.file", "customer.complaint", "customer.survey.campaign")
PROTECTED_FIELDS = {"model", "res_id", "definition_id", "requested_by", "sequence", "reviewer_ids"}


class TierReview(models.Model):
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

    # A review names its document, who asked and what the reviewers wrote: the
    # record rule lets it through only to who may read that document.
    document_readable = fields.Boolean(
        compute="_compute_document_readable",
        search="_search_document_readable",
        help="The current user may read the reviewed document (always true for documents "
        "of other applications).",
    )

    @api.depends_context("uid")
    def _compute_document_readable(self):
        # The rule checks records as superuser for the current user: read the
        # documents with that user's own rights, never with the superuser's.
        readable = self.browse()
        for model, reviews in self.grouped("model").items():
            if model not in GUARDED_MODELS:
                readable |= reviews
                continue
            documents = self.env[model].with_user(self.env.uid).with_context(active_test=False)
            if not documents.has_access("read"):
                continue
            existing = documents.browse(reviews.mapped("res_id")).exists()
            allowed = set(existing._filtered_access("read").ids)
            readable |= reviews.filtered(lambda r, ids=allowed: r.res_id in ids)
        readable.document_readable = True
        (self - readable).document_readable = False

    def _search_document_readable(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        domain = Domain("model", "not in", GUARDED_MODELS)
        for model in GUARDED_MODELS:
            documents = self.env[model].with_user(self.env.uid)
            if documents.has_access("read"):
                query = documents._search([], active_test=False)
                domain |= Domain("model", "=", model) & Domain("res_id", "in", query)
        if (operator == "in") != (True in value):
            domain = ~domain
        return domain

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                if vals.get("model") not in GUARDED_MODELS:
                    continue
                if (
                    vals.get("status", "waiting") != "waiting"
                    or vals.get("requested_by", self.env.uid) != self.env.uid
                    or vals.get("done_by")
                ):
                    raise AccessError(
                        self.env._("A review can only be requested, not created already decided.")
                    )
        return super().create(vals_list)

    def write(self, vals):
        guarded = self.filtered(lambda r: r.model in GUARDED_MODELS)
        if guarded and not self.env.su:
            if PROTECTED_FIELDS & vals.keys():
                raise AccessError(
                    self.env._("The subject and reviewers of a review cannot change.")
                )
            if "done_by" in vals and vals["done_by"] not in (False, self.env.uid):
                raise AccessError(self.env._("A review can only be signed by its own reviewer."))
            if vals.get("status") == "approved":
                guarded._check_customer_records_reviewer()
        return super().write(vals)

    def unlink(self):
        guarded = self.filtered(lambda r: r.model in GUARDED_MODELS)
        if guarded and not self.env.su:
            # Dropping reviews restarts an approval: only who may change the document.
            for model in set(guarded.mapped("model")):
                documents = self.env[model].browse(
                    guarded.filtered(lambda r, m=model: r.model == m).mapped("res_id")
                )
                documents.check_access("write")
        return super().unlink()

    def _check_customer_records_reviewer(self):
        user = self.env.user
        for review in self:
            # The reviewer set is recomputed from the definition (stored
            # reviewer_ids could be stale) and the document's author is read
            # whatever the reviewer's own rights on it.
            review_sudo = review.sudo()
            document_sudo = self.env[review.model].sudo().browse(review.res_id)
            if (
                user not in review_sudo._get_reviewers()
                or user == document_sudo.create_uid
                or user == review_sudo.requested_by
            ):
                raise AccessError(
                    self.env._(
                        "%(user)s cannot approve %(document)s: only a reviewer of this tier "
                        "who neither drafted nor submitted it may approve.",
                        user=user.name,
                        document=document_sudo.display_name,
                    )
                )
