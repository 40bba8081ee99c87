from . import test_batch_approval, test_tier_validation_guard
