from . import tier_definition, tier_review, tier_validation_texts
