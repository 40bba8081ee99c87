from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError

from .tools import is_internal

GUARDED_MODEL = "gas.contract"
# What a reviewer's own decision writes on a review; everything else is the workflow's.
DECISION_FIELDS = {"status", "done_by", "reviewed_date", "comment", "last_reminder_date"}


class TierReview(models.Model):
    """Close the paths around the gas contract approval routing [GC-3].

    base_tier_validation lets any internal user create, write and delete reviews. For gas
    contracts reviews are created and removed only by the contract's own methods, and a
    decision is only taken by one of the review's reviewers who did not draft the
    contract.
    """

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

    @api.model_create_multi
    def create(self, vals_list):
        # the superuser (data files, imports) is trusted; clients never are
        if not (is_internal(self.env) or self.env.su) and any(
            vals.get("model") == GUARDED_MODEL for vals in vals_list
        ):
            raise UserError(
                self.env._("Reviews of gas contracts are created by submitting the contract.")
            )
        return super().create(vals_list)

    def write(self, vals):
        guarded = self.filtered(lambda r: r.model == GUARDED_MODEL)
        if guarded and not is_internal(self.env):
            if set(vals) - DECISION_FIELDS:
                raise UserError(
                    self.env._("The routing of a gas contract review cannot be changed.")
                )
            if vals.get("done_by") and vals["done_by"] != self.env.uid:
                raise UserError(self.env._("A review is decided in your own name."))
            status = vals.get("status")
            if status in ("approved", "rejected") or "comment" in vals:
                guarded._check_decider()
            elif status and (
                status != "pending" or guarded.filtered(lambda r: r.status != "waiting")
            ):
                raise UserError(
                    self.env._("The routing of a gas contract review cannot be changed.")
                )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_gas_contract(self):
        if not is_internal(self.env) and self.filtered(lambda r: r.model == GUARDED_MODEL):
            raise UserError(
                self.env._("Reviews of gas contracts are reset with the contract only.")
            )

    def _check_decider(self):
        user = self.env.user
        contracts = self.env[GUARDED_MODEL].browse(self.mapped("res_id"))
        for review in self:
            contract = contracts.filtered(lambda c, r=review: c.id == r.res_id)
            if user in contract._get_drafters() or user not in review.reviewer_ids:
                raise UserError(
                    self.env._(
                        "Only a reviewer who did not draft contract %(name)s can decide "
                        "its review.",
                        name=contract.name,
                    )
                )

    def _compute_reviewer_ids(self):
        gas_reviews = self.filtered(lambda r: r.model == GUARDED_MODEL)
        if self - gas_reviews:
            super(TierReview, self - gas_reviews)._compute_reviewer_ids()
        if not gas_reviews:
            return
        # warm the contracts in one query: _get_reviewers browses them one by one
        contract_ids = [r.res_id for r in gas_reviews if r.res_id]
        self.env[GUARDED_MODEL].browse(contract_ids).fetch(["user_id", "create_uid"])
        # assign each distinct reviewer set to all its reviews at once: the relation
        # is then inserted in one statement instead of one per review
        by_reviewers = defaultdict(list)
        for review in gas_reviews:
            by_reviewers[tuple(review._get_reviewers().ids)].append(review.id)
        for user_ids, review_ids in by_reviewers.items():
            self.browse(review_ids).reviewer_ids = self.env["res.users"].browse(user_ids)

    def _get_reviewers(self):
        reviewers = super()._get_reviewers()
        if self.model == GUARDED_MODEL and self.res_id:
            # four eyes, always: the drafter never reviews his own contract
            reviewers -= self.env[GUARDED_MODEL].browse(self.res_id)._get_drafters()
        return reviewers


class TierDefinition(models.Model):
    _inherit = "tier.definition"

    @api.model
    def _get_tier_validation_model_names(self):
        return [*super()._get_tier_validation_model_names(), GUARDED_MODEL]
