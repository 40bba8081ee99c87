from odoo import api, models


class TierDefinition(models.Model):
    """base_tier_validation's tier definition texts, worded and translated by us."""

    _inherit = "tier.definition"

    @api.model
    def _get_tier_validation_model_names(self):
        guarded = self.env["tier.review"]._guarded_models()
        return [*super()._get_tier_validation_model_names(), *sorted(guarded)]

    @api.model
    def _get_default_name(self):
        return self.env._("New approval tier")

    # re-declared: an override without the decorator would no longer be an onchange
    @api.onchange("review_type", "reviewer_id", "reviewer_group_id", "model_id")
    def _onchange_warn_reviewer_access(self):
        result = super()._onchange_warn_reviewer_access()
        if not result:
            return result
        model_name = self.model_id.model
        no_access = self._reviewers_without_model_access(
            model_name, self._reviewers_to_check_for_access()
        )
        result["warning"] = {
            "title": self.env._("Reviewer may lack access"),
            "message": self.env._(
                "These reviewers may not be allowed to read %(model)s records, and then cannot "
                "decide the approvals of this tier: %(reviewers)s.\n\n"
                "Only the access rights of the model are checked; record rules may still "
                "grant or deny access. Put these users in a group that may read the "
                "documents, or choose other reviewers.",
                model=self.model_id.name or model_name,
                reviewers=", ".join(no_access.mapped("display_name")),
            ),
        }
        return result
