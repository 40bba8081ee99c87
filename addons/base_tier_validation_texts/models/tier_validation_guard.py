from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL


class TierValidationGuard(models.AbstractModel):
    """Tier validation whose approvals cannot be forged.

    base_tier_validation lets every internal user create, write and delete reviews, and
    any reviewer approve what he drafted. A document inheriting this model instead of
    ``tier.validation.texts`` has its reviews created, routed and removed only by its own
    methods, which pass the private way of workflow.fields.mixin; a review is decided only
    by one of its reviewers who neither drafted nor submitted the document (four eyes,
    ``_get_drafters``), through the approval buttons or the comment wizard alike (both end
    in ``_validate_tier`` / ``_rejected_tier``). The reviews of such a document are read
    only by who may read the document, or reviews it (tier.review's ``document_readable``).
    """

    _name = "tier.validation.guard"
    _description = "Guarded Tier Validation"
    # the workflow-only fields are refused before base_tier_validation's write acts on them
    _inherit = ["workflow.fields.mixin", "tier.validation.texts"]

    def _get_drafters(self):
        """The users who may not decide the approval of these documents."""
        return self.create_uid

    def write(self, vals):
        # a client's switches are dropped before base_tier_validation's checks read them
        self = self._without_client_switches()
        if self._state_field in vals:
            # need_validation has no dependencies: never trust a cached value
            self.invalidate_recordset(["need_validation"])
        return super().write(vals)

    def request_validation(self):
        """Only who may change a document submits it (not a reader with a grant)."""
        if not (self.env.su or self._in_workflow()):
            self.check_access("write")
        workflow = self._without_client_switches()._workflow()
        return super(TierValidationGuard, workflow).request_validation()

    def restart_validation(self):
        if not (self.env.su or self._in_workflow()):
            self.check_access("write")
        return super(TierValidationGuard, self._workflow()).restart_validation()

    def _validate_tier(self, tiers=False):
        workflow, tiers = self._take_decision(tiers)
        return super(TierValidationGuard, workflow)._validate_tier(tiers)

    def _rejected_tier(self, tiers=False):
        workflow, tiers = self._take_decision(tiers)
        return super(TierValidationGuard, workflow)._rejected_tier(tiers)

    def action_validate_selected(self):
        """Approve, on each of these documents, the reviews waiting for the current user.

        As hr_expense's ``action_approve``: every reason a document of the selection cannot
        be approved is gathered into one error before anything is written, so a selection
        is approved whole or not at all.
        """
        self._check_can_decide_selected(self.env._("You cannot approve:"))
        for rec in self:
            rec.validate_tier()
        return True

    def action_reject_selected(self):
        """Reject, on each of these documents, the reviews waiting for the current user;
        the whole selection or, with the reasons why not, none of it."""
        self._check_can_decide_selected(self.env._("You cannot reject:"))
        for rec in self:
            rec.reject_tier()
        return True

    @api.private
    def _check_can_decide_selected(self, title):
        reasons = self._get_cannot_decide_reasons()
        if reasons:
            raise UserError("\n".join([title, *reasons]))

    @api.private
    def _get_cannot_decide_reasons(self):
        """Why the current user cannot decide the approval of each of these documents now,
        one line per document that cannot be decided (the texts of ``_check_decider``)."""
        user = self.env.user
        reasons = []
        for rec in self:
            document = rec.display_name
            if rec.validation_status in ("validated", "rejected"):
                reason = self.env._(
                    "The approval of %(document)s is already decided.", document=document
                )
            elif rec.validation_status == "no":
                reason = self.env._("%(document)s is not waiting for approval.", document=document)
            elif user in rec._get_drafters() | rec.review_ids.requested_by:
                reason = self.env._(
                    "You drafted or submitted %(document)s: someone else must review it.",
                    document=document,
                )
            elif not rec.can_review:
                reason = self.env._(
                    "%(document)s is not waiting for your review.", document=document
                )
            elif rec.has_comment:
                # the comment wizard takes one document at a time
                reason = self.env._(
                    "%(document)s needs a comment with the decision: decide it from its form.",
                    document=document,
                )
            else:
                continue
            reasons.append(reason)
        return reasons

    @api.private
    def _take_decision(self, tiers):
        """Check who decides, then hand the documents and reviews to the workflow (whose
        own calls, e.g. a state written under approval, approve only for a reviewer)."""
        if not self._in_workflow():
            self._check_decider()
        self._serialize_decisions()
        workflow = self._workflow()
        return workflow, tiers and tiers.with_env(workflow.env)

    @api.private
    def _check_decider(self):
        """The current user is a current reviewer of each document, and not its drafter."""
        for rec in self:
            if self.env.user in rec._get_drafters() | rec.review_ids.requested_by:
                raise UserError(
                    self.env._(
                        "You drafted or submitted %(document)s: someone else must review it.",
                        document=rec.display_name,
                    )
                )
            if not rec.can_review:
                raise UserError(
                    self.env._(
                        "%(document)s is not waiting for your review.",
                        document=rec.display_name,
                    )
                )

    @api.private
    def _serialize_decisions(self):
        """Make reviewers deciding on one document at the same moment decide one by one.

        Each decision updates the document's row. Two reviewers of different tiers
        approving at once would otherwise each see the other's review still pending, and
        the document would stay waiting with every tier approved; now the second fails on
        a serialization error and is retried (as every request is) on a snapshot that holds
        the first approval, so the last approval moves the document on, once.
        """
        self.env.cr.execute(
            SQL(
                "UPDATE %s SET write_uid = %s, write_date = %s WHERE id IN %s",
                SQL.identifier(self._table),
                self.env.uid,
                fields.Datetime.now(),
                tuple(self.ids),
            )
        )
        self.invalidate_recordset(["write_uid", "write_date"])
