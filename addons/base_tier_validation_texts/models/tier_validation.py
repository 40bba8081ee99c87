from markupsafe import Markup

from odoo import models
from odoo.exceptions import ValidationError

from odoo.addons.base_tier_validation.models.tier_validation import TierValidation


class TierValidationTexts(models.AbstractModel):
    """The approval texts of base_tier_validation, worded and translated by us.

    base_tier_validation ships no zh_TW and an incomplete zh_CN translation: its approval
    banner, next-review hint and chatter messages stayed in English on Chinese screens.
    Documents that put this model in their ``_inherit`` (instead of ``tier.validation``)
    write our own texts instead, translated in this add-on's i18n, so that zh_CN and zh_TW
    users read them in their language.
    """

    _name = "tier.validation.texts"
    _description = "Tier Validation Texts"
    _inherit = ["tier.validation"]

    def _tier_reviewers_label(self, reviews):
        """Who decides ``reviews``: the reviewing group, else the reviewers' names.

        base_tier_validation's ``todo_by`` says "Group ..." in the language of whoever
        asked for the review, and stores it; this label is built in the reader's language.
        """
        return ", ".join(
            review.reviewer_group_id.name or ", ".join(review.reviewer_ids.mapped("name"))
            for review in reviews
            if review.reviewer_group_id or review.reviewer_ids
        )

    def _get_to_validate_message_name(self):
        return self.env["ir.model"]._get(self._name).name

    def _get_to_validate_message(self):
        icon = Markup('<i class="fa fa-lg fa-info-circle"></i> ')
        pending = self.review_ids.filtered(lambda r: r.status == "pending")[:1]
        if pending and pending.reviewer_ids:
            return icon + self.env._(
                "Waiting for the approval of %(who)s", who=self._tier_reviewers_label(pending)
            )
        return icon + self.env._(
            "This %(document)s needs to be approved",
            document=self._get_to_validate_message_name(),
        )

    def _get_validated_message(self):
        if self.validation_status != "validated":
            return ""
        return Markup('<i class="fa fa-thumbs-up"></i> ') + self.env._("Approved.")

    def _get_rejected_message(self):
        if self.validation_status != "rejected":
            return ""
        return Markup('<i class="fa fa-thumbs-down"></i> ') + self.env._("Rejected.")

    def _compute_next_review(self):
        for rec in self:
            review = rec.review_ids.sorted("sequence").filtered(lambda r: r.status == "pending")[:1]
            rec.next_review = self.env._("Next: %(tier)s", tier=review.name) if review else False

    def _notify_accepted_reviews_body(self):
        comment = self._own_review_comment()
        if comment:
            return self.env._(
                "%(user)s approved: %(comment)s", user=self.env.user.name, comment=comment
            )
        return self.env._("%(user)s approved.", user=self.env.user.name)

    def _notify_rejected_review_body(self):
        comment = self._own_review_comment()
        if comment:
            return self.env._(
                "%(user)s rejected: %(comment)s", user=self.env.user.name, comment=comment
            )
        return self.env._("%(user)s rejected.", user=self.env.user.name)

    def _own_review_comment(self):
        reviews = self.review_ids.filtered(lambda r: self.env.user in r.reviewer_ids and r.comment)
        return reviews[:1].comment

    def _notify_created_review_body(self):
        return self.env._("%(user)s submitted this for approval.", user=self.env.user.name)

    def _notify_requested_review_body(self, tier_reviews=None):
        if tier_reviews:
            requester = tier_reviews[:1].requested_by or self.env.user
            return self.env._(
                "Waiting for the approval of %(who)s, submitted by %(requester)s.",
                who=self._tier_reviewers_label(tier_reviews) or self.env._("the assigned reviewer"),
                requester=requester.display_name,
            )
        return self.env._("%(user)s submitted this for approval.", user=self.env.user.display_name)

    def _notify_restarted_review_body(self):
        return self.env._("%(user)s restarted the approval.", user=self.env.user.name)

    def _add_comment(self, validate_reject, reviews):
        action = super()._add_comment(validate_reject, reviews)
        action["name"] = self.env._("Approval comment")
        return action

    # base_tier_validation raises its errors with texts of its own. Its checks stay as they
    # are: each record goes through them as before, and only an error raised by the check
    # itself gets our message, built from the same helpers.

    def _tier_validation_check_state_on_write(self, vals):
        result = None
        for rec in self:
            requests_validation = rec._check_state_conditions(vals) and rec.need_validation
            try:
                result = super(TierValidationTexts, rec)._tier_validation_check_state_on_write(vals)
            except ValidationError as error:
                if not _raised_in(error, TierValidation._tier_validation_check_state_on_write):
                    raise
                if requests_validation:
                    pending = rec.review_ids.filtered(lambda r: r.status == "pending")
                    message = self.env._(
                        "This action needs to be approved first. Approvals pending:\n"
                        "- %(reviews)s\n\nPlease submit it for approval.",
                        reviews="\n- ".join(pending.mapped("name")),
                    )
                else:
                    message = self.env._(
                        "The approval of %(document)s is still in progress.",
                        document=rec.display_name,
                    )
                raise ValidationError(message) from error
        return result

    def _tier_validation_check_write_allowed(self, vals):
        result = None
        for rec in self:
            try:
                result = super(TierValidationTexts, rec)._tier_validation_check_write_allowed(vals)
            except ValidationError as error:
                if not _raised_in(error, TierValidation._tier_validation_check_write_allowed):
                    raise
                under_review = (
                    rec.review_ids
                    and rec._check_tier_state_transition(vals)
                    and not rec._check_allow_write_under_validation(vals)
                )
                allowed, refused = rec._get_fields_to_write_validation(
                    vals,
                    rec._get_under_validation_exceptions
                    if under_review
                    else rec._get_after_validation_exceptions,
                )
                if under_review:
                    message = self.env._(
                        "These fields cannot be changed while the document is being approved:\n"
                        "- %(refused)s\n\nOnly these fields can be changed:\n- %(allowed)s",
                        refused="\n- ".join(refused),
                        allowed="\n- ".join(allowed),
                    )
                else:
                    message = self.env._(
                        "These fields cannot be changed once the document is approved:\n"
                        "- %(refused)s\n\nOnly these fields can be changed:\n- %(allowed)s",
                        refused="\n- ".join(refused),
                        allowed="\n- ".join(allowed),
                    )
                raise ValidationError(message) from error
        return result


def _raised_in(error, function):
    """Whether ``error`` was raised by ``function`` itself (not by a method it called)."""
    tb = error.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    return tb.tb_frame.f_code is function.__code__
