from . import test_customer_file
