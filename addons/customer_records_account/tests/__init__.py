from . import test_click_everywhere, test_invoice_history
