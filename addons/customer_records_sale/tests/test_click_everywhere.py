from odoo.tests import tagged

from odoo.addons.customer_records.tests import test_click_everywhere as customer_records


@tagged("post_install", "-at_install")
class TestClickEverywhere(customer_records.TestClickEverywhere):
    """Every screen of customer records, with what this bridge adds to them, as every role."""

    app_modules = (*customer_records.TestClickEverywhere.app_modules, "customer_records_sale")
    term_modules = (*customer_records.TestClickEverywhere.term_modules, "customer_records_sale")
