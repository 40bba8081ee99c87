# Each mechanism is tested once, generically, on test models registered by the test itself
# (odoo.orm.model_classes.add_to_registry, as OCA base_tier_validation's tests do).
from . import (
    test_link_guard,
    test_outbound_message,
    test_read_audit,
    test_record_lock,
    test_safe_export,
    test_workflow_fields,
)
