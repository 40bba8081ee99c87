from . import test_sale_history
