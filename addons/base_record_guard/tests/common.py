"""What the generic tests of base_record_guard share."""

from odoo.orm.model_classes import add_to_registry

PERMS = {"r": "perm_read", "w": "perm_write", "c": "perm_create", "u": "perm_unlink"}


def register_test_models(case, models, perms="rwcu", group="base.group_user"):
    """Register the test-only ``models`` for the test class ``case`` (as OCA
    base_tier_validation's tests do), removed again after it, with the access rights ``perms``
    for ``group`` (every user when ``group`` is None)."""
    names = [model._name for model in models]
    for model in models:
        add_to_registry(case.registry, model)
    case.registry._setup_models__(case.env.cr, names)
    case.registry.init_models(case.env.cr, names, {"models_to_check": True})
    for name in names:
        case.addClassCleanup(case.registry.__delitem__, name)
        case.env["ir.model.access"].create(
            {
                "name": name,
                "model_id": case.env["ir.model"]._get_id(name),
                **({"group_id": case.env.ref(group).id} if group else {}),
                **{PERMS[letter]: True for letter in perms},
            }
        )
