{
    "name": "Record Guard",
    "summary": "Workflow-only fields, locked records, outbound messages, audited reads and safe "
    "exports, each declared by a model and enforced once for every path",
    "version": "19.0.1.0.0",
    "category": "Hidden/Tools",
    "author": "Our Company",
    "website": "https://example.com/odoo-archive-addons",
    "license": "AGPL-3",
    "depends": ["mail", "web", "report_xlsx"],
    "data": [
        "security/ir.model.access.csv",
        "views/read_audit_views.xml",
    ],
    "installable": True,
    "application": False,
}
