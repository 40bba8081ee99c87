{
    "name": "Gas Contracts",
    "summary": "Gas user contracts: approval routing, standard fees, accounts, take-or-pay",
    "version": "19.0.1.0.0",
    "category": "Sales/Gas",
    "author": "Our Company",
    "website": "https://example.com/odoo-archive-addons",
    # AGPL because it builds on OCA base_tier_validation (AGPL-3).
    "license": "AGPL-3",
    "depends": [
        "base_input_guard",
        "mail",
        "base_tier_validation",
        "base_tier_validation_texts",
        "report_xlsx",
    ],
    "data": [
        "security/gas_contracts_groups.xml",
        "security/ir.model.access.csv",
        "security/gas_contracts_rules.xml",
        "data/gas_contracts_data.xml",
        "data/gas_tier_definitions.xml",
        "data/gas_top_settle_run_data.xml",
        "views/gas_contract_views.xml",
        "views/gas_config_views.xml",
        "views/gas_account_views.xml",
        "views/res_partner_views.xml",
        "views/gas_dashboard_views.xml",
        "views/gas_contracts_menus.xml",
        "wizard/gas_wizard_views.xml",
        "report/gas_reports.xml",
    ],
    "demo": [
        "demo/gas_contracts_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "gas_contracts/static/tests/tours/**/*",
        ],
    },
    "application": True,
    "installable": True,
}
