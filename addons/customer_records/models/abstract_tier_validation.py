from odoo import models
from odoo.exceptions import UserError

# Context keys of base_tier_validation that switch its checks off.
CLIENT_BLOCKED_KEYS = ("skip_validation_check", "skip_check_state_condition")


class CustomerRecordsTierMixin(models.AbstractModel):
    """Tier validation as used by this add-on: the approval buttons are the
    only way to move a document to its approved state, and the last approval
    moves it there."""

    _name = "customer.records.tier.mixin"
    _description = "Customer Records Tier Validation"
    _inherit = ["tier.validation"]
    _tier_validation_manual_config = False

    def write(self, vals):
        if not self.env.su and any(self.env.context.get(key) for key in CLIENT_BLOCKED_KEYS):
            # A client must not switch the approval checks off through its context.
            self = self.with_context(**dict.fromkeys(CLIENT_BLOCKED_KEYS, False))
        if self._state_field in vals:
            # need_validation has no dependencies: never trust a cached value.
            self.invalidate_recordset(["need_validation"])
        if not self.env.su and {"validation_status", "review_ids"} & vals.keys():
            raise UserError(self.env._("Approvals can only change through the approval buttons."))
        if (
            vals.get(self._state_field) in self._state_to
            and not self.env.su
            and any(rec.validation_status != "validated" for rec in self)
        ):
            raise UserError(
                self.env._(
                    "%(model)s: only the approval of every reviewer approves this document.",
                    model=self._description,
                )
            )
        return super().write(vals)

    def request_validation(self):
        if not self.env.su:
            # Only those who may change the document submit it (not a reader with a grant).
            self.check_access("write")
            self = self.with_context(**dict.fromkeys(CLIENT_BLOCKED_KEYS, False))
        return super().request_validation()

    def restart_validation(self):
        if not self.env.su:
            self.check_access("write")
        return super().restart_validation()

    def _get_tier_validation_readonly_domain(self):
        # Read-only while under review; an approved document stays editable so
        # that a material change can send it back for approval.
        return "validation_status in ('waiting', 'pending', 'rejected')"

    def validate_tier(self):
        self.ensure_one()
        if not self.can_review:
            raise UserError(
                self.env._(
                    "You cannot approve %(document)s: it is not waiting for your review.",
                    document=self.display_name,
                )
            )
        return super().validate_tier()

    def _validate_tier(self, tiers=False):
        res = super()._validate_tier(tiers)
        if self.validation_status == "validated" and self[self._state_field] in self._state_from:
            self.write({self._state_field: self._state_to[0]})
            self._on_tier_approved()
        return res

    def _on_tier_approved(self):
        """Hook run once the last tier approved the document."""
