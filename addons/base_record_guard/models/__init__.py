from . import (
    workflow_fields,
    record_lock,
    outbound_message,
    read_audit,
    safe_export,
    link_guard,
)
