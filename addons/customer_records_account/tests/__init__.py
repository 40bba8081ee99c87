from . import test_invoice_history
