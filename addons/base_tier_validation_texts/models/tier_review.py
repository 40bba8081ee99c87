from odoo import fields, models

# as many reviewers as base_tier_validation's "Todo by" names before "and N more"
TODO_BY_NAMES = 3


class TierReview(models.Model):
    """base_tier_validation's review texts, worded and translated by us."""

    _inherit = "tier.review"

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
