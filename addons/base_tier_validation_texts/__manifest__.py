{
    "name": "Tier Validation Texts",
    "summary": "Approval banner and chatter texts of tier validation, worded and translated",
    "version": "19.0.1.0.0",
    "category": "Hidden/Tools",
    "author": "Our Company",
    "website": "https://example.com/odoo-archive-addons",
    # AGPL because it builds on OCA base_tier_validation (AGPL-3).
    "license": "AGPL-3",
    "depends": ["base_tier_validation"],
    "assets": {
        "web.assets_backend": [
            "base_tier_validation_texts/static/src/**/*",
        ],
    },
    "installable": True,
    "application": False,
}
