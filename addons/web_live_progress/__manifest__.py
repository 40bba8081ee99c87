{
    "name": "Live Progress Bar",
    "summary": "A progress bar that follows a background job while it runs, without reloading",
    "version": "19.0.1.0.0",
    "category": "Hidden/Tools",
    "author": "Our Company",
    "website": "https://example.com/odoo-archive-addons",
    "license": "LGPL-3",
    "depends": ["web"],
    "assets": {
        "web.assets_backend": [
            "web_live_progress/static/src/**/*",
        ],
    },
    "installable": True,
    "application": False,
}
