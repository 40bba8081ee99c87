from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

# Context keys of base_tier_validation that switch its checks off.
CLIENT_BLOCKED_KEYS = ("skip_validation_check", "skip_check_state_condition")


class CustomerRecordsTierMixin(models.AbstractModel):
    """Tier validation as used by this add-on: the approval buttons are the
    only way to move a document to its approved state, and the last approval
    moves it there."""

    _name = "customer.records.tier.mixin"
    _description = "Customer Records Tier Validation"
    _inherit = ["workflow.fields.mixin", "customer.records.tier.messages"]
    _tier_validation_manual_config = False

    def write(self, vals):
        if not self.env.su and any(self.env.context.get(key) for key in CLIENT_BLOCKED_KEYS):
            # A client must not switch the approval checks off through its context.
            self = self.with_context(**dict.fromkeys(CLIENT_BLOCKED_KEYS, False))
        if self._state_field in vals:
            # need_validation has no dependencies: never trust a cached value.
            self.invalidate_recordset(["need_validation"])
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
        self._serialize_decisions()
        return super().validate_tier()

    @api.private
    def _serialize_decisions(self):
        """Make reviewers deciding on one document at the same moment decide one by one.

        Each decision updates the document's row. Two reviewers of different tiers
        approving at once would otherwise each see the other's review still pending, and
        the document would stay waiting with every tier approved; now the second fails on
        a serialization error and is retried (as every request is) on a snapshot that
        holds the first approval, so the last approval moves the document on, once.
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

    def _validate_tier(self, tiers=False):
        res = super()._validate_tier(tiers)
        if self.validation_status == "validated" and self[self._state_field] in self._state_from:
            self._workflow().write({self._state_field: self._state_to[0]})
            self._on_tier_approved()
        return res

    def _on_tier_approved(self):
        """Hook run once the last tier approved the document."""
