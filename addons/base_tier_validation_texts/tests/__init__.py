from . import test_tier_validation_guard
