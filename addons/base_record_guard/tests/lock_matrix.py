"""The matrix of an add-on's locked records, generated from its ``record.lock.mixin`` models.

Mixed into the apps' TransactionCases: every model of the add-on that inherits the mixin x
{write, unlink, attachment, message}, as each role's user and as superuser, on a locked record
the app's fixture provides. A model that starts declaring a lock and has no locked record in
the fixture fails the test: the matrix follows the declarations. Not a test module itself.
"""

from odoo.exceptions import UserError
from odoo.models import MAGIC_COLUMNS

# fields a no-op write may use: their current value is written back
WRITABLE_TYPES = ("char", "text", "html", "integer", "float", "monetary", "date", "selection")


class LockedRecordsMatrix:
    @staticmethod
    def locked_models(env, module):
        """Names of the models ``module`` defines that inherit record.lock.mixin."""
        mixin = env.registry["record.lock.mixin"]
        return sorted(
            name
            for name, model_cls in env.registry.items()
            if not model_cls._abstract
            and model_cls._original_module == module
            and issubclass(model_cls, mixin)
        )

    @staticmethod
    def _locked_fields(record):
        """The fields of ``record`` the lock freezes that a no-op write may use: each of a
        partial lock, one for a whole lock."""
        names = [
            name
            for name in record._lock_fields or record._fields
            if record._fields[name].type in WRITABLE_TYPES
            and record._fields[name].store
            and not record._fields[name].compute
            and name not in MAGIC_COLUMNS
        ]
        return names if record._lock_fields else names[:1]

    def lock_attempts(self, record):
        """Every way to change ``record``: a write (of each field the lock freezes, values
        unchanged), its deletion, and for a whole lock a file and a message put on it."""
        attempts = {
            f"write {name}": lambda name=name: record.write(
                {name: record._fields[name].convert_to_write(record[name], record)}
            )
            for name in self._locked_fields(record)
        }
        attempts["unlink"] = record.unlink
        if record._lock_fields is None:
            target = {"res_model": record._name, "res_id": record.id}
            attempts["attachment"] = lambda: record.env["ir.attachment"].create(
                {"name": "late.txt", "raw": b"late", **target}
            )
            attempts["message"] = lambda: record.env["mail.message"].create(
                {"model": record._name, "res_id": record.id, "body": "late"}
            )
            if hasattr(record, "message_post"):
                attempts["message_post"] = lambda: record.message_post(body="late")
            if hasattr(record, "activity_schedule"):
                attempts["activity"] = lambda: record.activity_schedule(
                    "mail.mail_activity_data_todo", user_id=record.env.uid
                )
        return attempts

    def assert_locked_records(self, module, records, users):
        """Each record of the list ``records`` (a locked record of each model of ``module``)
        refuses every attempt, by each of ``users`` and by the superuser."""
        self.assertEqual(
            sorted({record._name for record in records}),
            self.locked_models(self.env, module),
            "every model declaring a lock has a locked record in the fixture",
        )
        for record in records:
            self.assertTrue(record._get_locked(), f"{record} is locked")
            for user in (*users, None):
                env = self.env(su=True) if user is None else self.env(user=user)
                for path, attempt in self.lock_attempts(record.with_env(env)).items():
                    with self.subTest(model=record._name, user=user and user.login, path=path):
                        with self.assertRaises(UserError):
                            attempt()
