{
    "name": "Tier Validation Texts",
    "summary": "Tier validation worded and translated, and approvals that cannot be forged",
    "version": "19.0.1.0.0",
    "category": "Hidden/Tools",
    "author": "Our Company",
    "website": "https://example.com/odoo-archive-addons",
    # AGPL because it builds on OCA base_tier_validation (AGPL-3).
    "license": "AGPL-3",
    "depends": ["base_tier_validation", "base_record_guard"],
    "data": ["security/tier_review_rules.xml"],
    "assets": {
        "web.assets_backend": [
            "base_tier_validation_texts/static/src/**/*",
        ],
    },
    "installable": True,
    "application": False,
}
