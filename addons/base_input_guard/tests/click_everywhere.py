"""Every screen of an app opens for every role: the shared part of the apps' click-everywhere
tests, after Odoo's own (web/tests/test_click_everywhere.py).

A subclass names its app; its test calls ``check_every_screen()``, which, for each group of
the app (its role), creates a user of that group alone, reading Simplified Chinese, and has
the browser (static/tests/click_everywhere.js) open every menu of the app that user sees and
every window action of the app's modules that no menu opens (a contextual action on a record
of its model), in each view type of the action: each multi-record view with each of its
filters and group-bys, the form of a record the user can read and a new one when the user may
create, with each tab. Any failed call, error dialog or view that does not load fails the
test, which lists them all by screen, role and traceback.
"""

import json

from odoo.tests import new_test_user
from odoo.tools.safe_eval import datetime, safe_eval, time

from .common import LANG, ScreenshotTourCase

JS_MODULE = "@base_input_guard/../tests/click_everywhere"


class ClickEverywhereCase(ScreenshotTourCase):
    """Set ``app_menu`` (the xmlid of the app's root menu), ``privilege`` (the xmlid of the
    res.groups.privilege whose groups are the app's roles), ``app_modules`` (the modules whose
    window actions are opened) and ``term_modules`` (see ScreenshotTourCase)."""

    app_menu = None
    privilege = None
    app_modules = ()
    # seconds one role may take to open every screen
    timeout = 600

    def roles(self):
        privilege = self.env.ref(self.privilege)
        return self.env["res.groups"].search([("privilege_id", "=", privilege.id)])

    def check_every_screen(self):
        for group in self.roles():
            with self.subTest(role=group.name):
                self._check_role(group)

    def _check_role(self, group):
        xmlid = group.get_external_id()[group.id]
        user = new_test_user(
            self.env, login=f"click_{xmlid.replace('.', '_')}", groups=xmlid, lang=LANG
        )
        screens = self.screens(user)
        self.assertTrue(screens, f"{group.name} should see at least one screen")
        errors = []

        def collect(message):
            errors.append(message)
            return False  # go on: the test fails at the end with every error

        code = f"odoo.loader.modules.get({JS_MODULE!r}).clickEverywhere({json.dumps(screens)})"
        ready = f"odoo.isReady === true && odoo.loader.modules.has({JS_MODULE!r})"
        try:
            self.start_tour(
                "/odoo",
                "click_everywhere",
                code=code,
                ready=ready,
                login=user.login,
                timeout=self.timeout,
                error_checker=collect,
            )
        except AssertionError as exc:
            if not errors:
                raise
            raise AssertionError(
                f"{len(errors)} error(s) opening the screens of {self.app_menu} as "
                f"{group.name} ({xmlid}):\n\n" + "\n\n".join(errors)
            ) from exc

    def screens(self, user):
        """What the browser opens for the user: the app's menus it sees, then the window
        actions of the app's modules that no menu opens and the user may run."""
        root = self.env.ref(self.app_menu)
        menus = self.env["ir.ui.menu"].with_user(user).with_context(lang=LANG).load_menus(False)
        screens = []

        def walk(menu_id, path):
            menu = menus[menu_id]
            name = f"{path} › {menu['name']}" if path else menu["name"]
            if menu["action_id"]:
                action = self.env[menu["action_model"]].browse(menu["action_id"])
                screens.append(dict(self._screen(user, action), menu=menu_id, name=name))
            for child in menu["children"]:
                walk(child, name)

        if root.id in menus:
            walk(root.id, "")
        in_menus = {
            menu.action.id
            for menu in self.env["ir.ui.menu"].with_context(active_test=False).search([])
            if menu.action and menu.action._name == "ir.actions.act_window"
        }
        actions = self.env["ir.model.data"].search(
            [("module", "in", list(self.app_modules)), ("model", "=", "ir.actions.act_window")]
        )
        for action in self.env["ir.actions.act_window"].browse(actions.mapped("res_id")):
            if action.id in in_menus or not self._may_run(user, action):
                continue
            screen = self._screen(user, action)
            if screen is not None:
                screens.append(dict(screen, menu=False, name=action.with_context(lang=LANG).name))
        return screens

    def _may_run(self, user, action):
        allowed = not action.group_ids or action.group_ids & user.all_group_ids
        return allowed and self.env[action.res_model].with_user(user).has_access("read")

    def _screen(self, user, action):
        xmlid = action.get_external_id()[action.id]
        screen = {"action": action.id, "xmlid": xmlid, "context": {}, "target": "current"}
        if action._name != "ir.actions.act_window":
            return screen
        screen["target"] = action.target
        context = {}
        if action.binding_model_id:
            # a contextual action: run on a record of its model the user can read
            bound = self.env[action.binding_model_id.model].with_user(user).search([], limit=1)
            if not bound:
                return None
            context = {"active_model": bound._name, "active_id": bound.id, "active_ids": bound.ids}
            screen["context"] = context
        values = {"uid": user.id, "context": context, "datetime": datetime, "time": time}
        values.update(context)
        model = self.env[action.res_model].with_user(user)
        try:
            context = dict(context, **safe_eval(action.context or "{}", values))
            domain = safe_eval(action.domain or "[]", dict(values, context=context))
            record = model.with_context(**context).search(domain, limit=1)
        except Exception:  # noqa: BLE001 - the browser opens the action and reports its error
            record = model.browse()
        screen["resId"] = record.id or False
        screen["canCreate"] = model.has_access("create") and context.get("create", True)
        return screen
