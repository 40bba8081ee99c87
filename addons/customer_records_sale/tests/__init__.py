from . import test_click_everywhere, test_sale_history
