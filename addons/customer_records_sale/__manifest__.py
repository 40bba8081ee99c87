{
    "name": "Customer Records - Sales",
    "summary": "Confirmed sales orders in the transaction history of customer files",
    "version": "19.0.1.0.0",
    "category": "Sales/CRM",
    "author": "Our Company",
    "website": "https://example.com/odoo-archive-addons",
    "license": "AGPL-3",
    "depends": ["customer_records", "sale"],
    "data": [
        "views/customer_file_views.xml",
    ],
    "auto_install": True,
}
