{
    "name": "Input Guard",
    "summary": "Refuse implausible values with a clear message, whoever sends them",
    "version": "19.0.1.0.0",
    "category": "Hidden/Tools",
    "author": "Our Company",
    "website": "https://example.com/odoo-archive-addons",
    # AGPL like the add-ons that use it.
    "license": "AGPL-3",
    "depends": ["base"],
    # the tour side of tests/common.py's ScreenshotTourCase, for the add-ons' tours
    "assets": {
        "web.assets_tests": [
            "base_input_guard/static/tests/**/*",
        ],
    },
    "installable": True,
    "application": False,
}
