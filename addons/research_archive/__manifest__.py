{
    "name": "Research Archive",
    "summary": "Research project dossiers: one project, one dossier; hand-over and archiving",
    "version": "19.0.1.0.0",
    "category": "Productivity/Archive",
    "author": "Our Company",
    "website": "https://example.com/odoo-archive-addons",
    "license": "LGPL-3",
    "depends": ["mail"],
    "data": [
        "security/research_archive_groups.xml",
        "security/ir.model.access.csv",
        "views/research_dossier_views.xml",
        "views/research_archive_menus.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "research_archive/static/tests/tours/**/*",
        ],
    },
    "application": True,
    "installable": True,
}
