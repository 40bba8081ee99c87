{
    "name": "Research Archive",
    "summary": "Research project dossiers: one project, one dossier; hand-over and archiving",
    "version": "19.0.1.0.0",
    "category": "Productivity/Archive",
    "author": "Our Company",
    "website": "https://example.com/odoo-archive-addons",
    # AGPL because it builds on OCA report_xlsx (AGPL-3).
    "license": "AGPL-3",
    "depends": [
        "base_input_guard",
        "base_record_guard",
        "mail",
        "report_xlsx",
        "web_live_progress",
    ],
    "data": [
        "security/research_archive_groups.xml",
        "security/ir.model.access.csv",
        "security/research_archive_rules.xml",
        "data/research_archive_data.xml",
        "views/research_dossier_views.xml",
        "views/research_project_views.xml",
        "views/research_document_views.xml",
        "views/research_round_views.xml",
        "views/research_config_views.xml",
        "views/research_archive_dashboard_views.xml",
        "views/research_archive_menus.xml",
        "wizard/research_dossier_reopen_wizard_views.xml",
        "report/research_archive_reports.xml",
    ],
    "demo": [
        "demo/research_archive_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "research_archive/static/tests/tours/**/*",
        ],
    },
    "application": True,
    "installable": True,
}
