# workflow_fields first: the other mechanisms build on its one private way of writing
from . import workflow_fields  # noqa: I001
from . import link_guard, outbound_message, read_audit, record_lock, safe_export
