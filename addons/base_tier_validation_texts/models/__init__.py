from . import tier_definition, tier_review, tier_validation, tier_validation_guard
