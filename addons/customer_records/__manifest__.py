{
    "name": "Customer Records",
    "summary": "Confidential customer files with authorised access, surveys and complaints",
    "version": "19.0.1.0.0",
    "category": "Sales/CRM",
    "author": "Our Company",
    "website": "https://example.com/odoo-archive-addons",
    # AGPL because it builds on OCA base_tier_validation (AGPL-3).
    "license": "AGPL-3",
    "depends": ["base_input_guard", "crm", "survey", "base_tier_validation", "report_xlsx"],
    "data": [
        "security/customer_records_groups.xml",
        "security/ir.model.access.csv",
        "security/customer_records_rules.xml",
        "data/customer_records_data.xml",
        "views/tier_validation_templates.xml",
        "views/customer_file_views.xml",
        "views/customer_access_grant_views.xml",
        "views/customer_visit_views.xml",
        "views/customer_complaint_views.xml",
        "views/customer_survey_views.xml",
        "views/customer_department_views.xml",
        "views/res_config_settings_views.xml",
        "views/customer_records_dashboard_views.xml",
        "views/customer_records_menus.xml",
        "report/customer_file_templates.xml",
        "report/customer_records_reports.xml",
    ],
    "demo": [
        "demo/customer_records_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "customer_records/static/tests/tours/**/*",
        ],
    },
    "application": True,
    "installable": True,
}
