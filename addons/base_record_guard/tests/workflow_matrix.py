"""The matrix of a model's workflow-only fields, generated from its ``_workflow_fields``.

Mixed into a TransactionCase (the generic test and the apps' tests): every declared field
x {create, write, load (import, creating and updating), copy, default_ context}, as a user
who may otherwise create and write the model. A field added to a declaration is tested at
once. Not a test module itself: the apps import it without running the generic tests twice.
"""

import re

from odoo.exceptions import UserError

PATHS = ("create", "write", "load create", "load write", "copy", "default context")
FORGED_TEXT = "FORGED-1"
FORGED_DATE = "2001-02-03"
FORGED_DATETIME = "2001-02-03 04:05:06"


class WorkflowFieldsMatrix:
    def forged_value(self, field, record):
        """A value of ``field`` that neither its default nor ``record`` has."""
        current = record[field.name]
        if field.type == "selection":
            keys = [key for key, __ in field._description_selection(record.env)]
            return next(key for key in reversed(keys) if key != current)
        if field.type == "many2one":
            comodel_sudo = record.env[field.comodel_name].sudo()
            return comodel_sudo.search([("id", "!=", current.id)], limit=1, order="id").id
        if field.type in ("one2many", "many2many"):
            return [(5, 0, 0)]
        return {
            "char": FORGED_TEXT,
            "text": FORGED_TEXT,
            "html": FORGED_TEXT,
            "integer": 7,
            "float": 123.0,
            "monetary": 123.0,
            "boolean": not current,
            "date": FORGED_DATE,
            "datetime": FORGED_DATETIME,
        }[field.type]

    def import_row(self, model, vals):
        """``vals`` as the columns and the row of an import (``load``)."""
        columns, row = [], []
        for name, value in vals.items():
            field = model._fields[name]
            if field.type == "many2one":
                columns.append(f"{name}/.id")
                row.append(str(value))
            elif field.type in ("one2many", "many2many"):
                ids = [i for command in value if command[0] == 6 for i in command[2]]
                columns.append(f"{name}/.id")
                row.append(",".join(map(str, ids)))
            elif field.type == "boolean":
                columns.append(name)
                row.append("1" if value else "0")
            else:
                columns.append(name)
                row.append(str(value))
        return columns, row

    def refusal(self, model, name):
        """The error that names the field, as the user reads it."""
        label = model._fields[name]._description_string(model.env)
        return f"Only the workflow sets .*{re.escape(label)}"

    def assert_load_refused(self, model, name, columns, row):
        result = model.load(columns, [row])
        self.assertFalse(result["ids"])
        messages = " ".join(message["message"] for message in result["messages"])
        self.assertRegex(messages, self.refusal(model, name))

    def assert_workflow_fields_guarded(self, model_name, user, make_vals, paths=PATHS):
        """Every declared field of ``model_name``, every path, as ``user``.

        ``make_vals()`` gives the values of a record ``user`` may create and then write.
        """
        model = self.env[model_name].with_user(user)
        self.assertTrue(model._workflow_fields, f"{model_name} declares no workflow field")
        record = model.create(make_vals())
        for name in model._workflow_fields:
            field = model._fields[name]
            value = self.forged_value(field, record)
            stored = field.store and field.type not in ("one2many", "many2many")
            for path in paths:
                if path not in ("create", "write") and not stored:
                    continue
                with self.subTest(model=model_name, field=name, path=path):
                    self.check_path(model, record, name, value, make_vals, path)

    def check_path(self, model, record, name, value, make_vals, path):
        field = model._fields[name]
        before = record[name]
        count = model.search_count([])
        if path == "create":
            with self.assertRaisesRegex(UserError, self.refusal(model, name)):
                model.create({**make_vals(), name: value})
        elif path == "write":
            with self.assertRaisesRegex(UserError, self.refusal(model, name)):
                record.write({name: value})
        elif path == "load create":
            columns, row = self.import_row(model, {**make_vals(), name: value})
            self.assert_load_refused(model, name, columns, row)
        elif path == "load write":
            columns, row = self.import_row(model, {name: value})
            self.assert_load_refused(model, name, [".id", *columns], [str(record.id), *row])
        elif path == "copy":
            # a copy starts with the field's default, whatever the original has
            self.assertNotIn(name, record.copy_data()[0])
        elif path == "default context":
            created = model.with_context(**{f"default_{name}": value}).create(make_vals())
            forged = field.convert_to_record(field.convert_to_cache(value, created), created)
            self.assertNotEqual(created[name], forged)
            return
        # nothing was written
        self.assertEqual(model.search_count([]), count)
        record.invalidate_recordset()
        self.assertEqual(record[name], before)
