{
    "name": "Customer Records",
    "summary": "Confidential customer files with authorised access, surveys and complaints",
    "version": "19.0.1.0.0",
    "category": "Sales/CRM",
    "author": "Our Company",
    "website": "https://example.com/odoo-archive-addons",
    # AGPL because it builds on OCA base_tier_validation (AGPL-3).
    "license": "AGPL-3",
    "depends": ["crm", "survey", "base_tier_validation", "report_xlsx"],
    "data": [
        "security/customer_records_groups.xml",
        "security/ir.model.access.csv",
        "views/customer_file_views.xml",
        "views/customer_records_menus.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "customer_records/static/tests/tours/**/*",
        ],
    },
    "application": True,
    "installable": True,
}
