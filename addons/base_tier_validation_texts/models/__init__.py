from . import tier_validation_texts
