{
    "name": "Role Overview",
    "summary": "First screens of the apps: tiles that count what waits for the user's role "
    "and open those records",
    "version": "19.0.1.0.0",
    "category": "Hidden/Tools",
    "author": "Our Company",
    "website": "https://example.com/odoo-archive-addons",
    "license": "LGPL-3",
    "depends": ["web"],
    "data": [
        "security/ir.model.access.csv",
        "security/role_overview_rules.xml",
        "views/role_overview_tile_views.xml",
    ],
    "installable": True,
    "application": False,
}
