import contextlib
import json

from odoo import api, fields, http, models, sql_db
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import SQL

from .common import register_test_models


def audit_mark(env):
    """Id of the last log row: rows of a test are those above it."""
    with sql_db.db_connect(env.cr.dbname).cursor() as cr:
        cr.execute("SELECT COALESCE(MAX(id), 0) FROM read_audit_log")
        return cr.fetchone()[0]


def audit_rows(env, mark, model=None):
    """Log rows written since ``mark``, read as the log is written: by a cursor of its own
    (the test's transaction does not see rows committed after it started)."""
    with sql_db.db_connect(env.cr.dbname).cursor() as cr:
        cr.execute(
            SQL(
                "SELECT res_model, res_id, user_ref, operation, field_names, grant_ref"
                " FROM read_audit_log WHERE id > %s AND (%s IS NULL OR res_model = %s)"
                " ORDER BY id",
                mark,
                model,
                model,
            )
        )
        return cr.dictfetchall()


def audit_new_request(env):
    """What a new request starts with: no opening logged yet, nothing in the ORM cache."""
    env.cr.cache.pop("read_audit", None)
    env.invalidate_all()


def audit_cleanup(env, mark):
    with sql_db.db_connect(env.cr.dbname).cursor() as cr:
        cr.execute(SQL("DELETE FROM read_audit_log WHERE id > %s", mark))


class RolledBack(Exception):
    """Raised to roll a savepoint back in a test."""


class AuditedFile(models.Model):
    _name = "test.read.audit.file"
    _description = "Test confidential file"
    _inherit = ["read.audit.mixin"]
    _module = None
    _audit_confidential = True
    _audit_keeper_field = "keeper_id"
    _audit_identifying_fields = ("id", "display_name", "name")

    name = fields.Char()
    keeper_id = fields.Many2one("res.users")
    amount = fields.Float()

    def _audit_grants(self):
        return dict.fromkeys(self.ids, "test.grant,7")


class AuditedAccount(models.Model):
    _name = "test.read.audit.account"
    _description = "Test account with a sensitive field"
    _inherit = ["read.audit.mixin"]
    _module = None
    _audit_fields = ("secret",)

    name = fields.Char()
    secret = fields.Char(groups="base.group_system")
    secret_shown = fields.Char(compute="_compute_secret_shown")

    @api.depends("secret")
    def _compute_secret_shown(self):
        # as the gas accounts do: the clear value for who may read it, a mask otherwise
        clear = self.env.user.has_group("base.group_system")
        for record, record_sudo in zip(self, self.sudo(), strict=True):
            record.secret_shown = record_sudo.secret if clear else "***"


class PlainRecord(models.Model):
    _name = "test.read.audit.plain"
    _description = "Test model declaring nothing"
    _module = None

    name = fields.Char()
    amount = fields.Float()


MODELS = (AuditedFile, AuditedAccount, PlainRecord)


@tagged("post_install", "-at_install")
class TestReadAudit(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        register_test_models(cls, MODELS, perms="r", group=None)
        cls.keeper = new_test_user(
            cls.env, login="rag_keeper", groups="base.group_user,base.group_allow_export"
        )
        cls.reader = new_test_user(
            cls.env, login="rag_reader", groups="base.group_user,base.group_allow_export"
        )
        cls.admin_reader = new_test_user(
            cls.env, login="rag_admin", groups="base.group_system,base.group_allow_export"
        )
        cls.files = cls.env[AuditedFile._name].create(
            [{"name": f"F{i}", "keeper_id": cls.keeper.id, "amount": 10 * i} for i in (1, 2)]
        )
        cls.accounts = cls.env[AuditedAccount._name].create(
            [{"name": "A1", "secret": "110101199001011234"}, {"name": "A2", "secret": "X"}]
        )
        cls.plain = cls.env[PlainRecord._name].create({"name": "P", "amount": 1})
        cls.attachment = cls.env["ir.attachment"].create(
            {
                "name": "doc.txt",
                "raw": b"confidential",
                "res_model": AuditedFile._name,
                "res_id": cls.files[0].id,
            }
        )
        template = cls.env["ir.ui.view"].create(
            {
                "name": "test_read_audit_report",
                "type": "qweb",
                "key": "base_record_guard.test_read_audit_report",
                "arch": '<t t-name="base_record_guard.test_read_audit_report">'
                '<t t-foreach="docs" t-as="o"><span t-out="o.amount"/></t></t>',
            }
        )
        cls.report = cls.env["ir.actions.report"].create(
            {
                "name": "Test file",
                "model": AuditedFile._name,
                "report_type": "qweb-html",
                "report_name": template.key,
            }
        )

    def setUp(self):
        super().setUp()
        self.mark = audit_mark(self.env)
        self.addCleanup(audit_cleanup, self.env, self.mark)

    def rows(self, model=AuditedFile._name):
        return audit_rows(self.env, self.mark, model)

    def assertLogged(self, records, operation, user, fields_=None):
        expected = [
            {
                "res_model": records._name,
                "res_id": id_,
                "user_ref": user.id,
                "operation": operation,
                "field_names": fields_,
                "grant_ref": "test.grant,7" if records._name == AuditedFile._name else None,
            }
            for id_ in records.ids
        ]
        self.assertEqual(self.rows(records._name), expected)

    def fresh(self):
        audit_new_request(self.env)

    # ------------------------------------------------------------ every path
    def test_each_orm_path_logs_one_row_per_opening(self):
        files = self.files.with_user(self.reader)
        Files = files.browse()
        paths = {
            "read": ("read", lambda: files.read(["amount"])),
            "web_read": ("read", lambda: files.web_read({"amount": {}})),
            "search_read": ("read", lambda: Files.search_read([], ["name", "amount"])),
            "web_search_read": (
                "read",
                lambda: Files.web_search_read([], {"amount": {}, "name": {}}),
            ),
            "_read_group": (
                "group",
                lambda: Files._read_group([], ["name"], ["amount:sum"]),
            ),
            "formatted_read_group": (
                "group",
                lambda: Files.formatted_read_group([], ["name"], ["amount:sum"]),
            ),
            "web_read_group": (
                "group",
                lambda: Files.web_read_group([], ["keeper_id"], ["amount:sum"]),
            ),
            "export_data": ("export", lambda: files.export_data(["name", "amount"])),
            "report": (
                "report",
                lambda: (
                    self.env["ir.actions.report"]
                    .with_user(self.reader)
                    ._render_qweb_html(self.report.id, files.ids)
                ),
            ),
        }
        for path, (operation, call) in paths.items():
            with self.subTest(path=path):
                self.fresh()
                mark, self.mark = self.mark, audit_mark(self.env)
                call()
                call()  # the same opening twice in one request: one row
                self.assertLogged(self.files, operation, self.reader)
                self.mark = mark

    def test_search_names_and_counts_open_nothing(self):
        Files = self.env[AuditedFile._name].with_user(self.reader)
        Files.search([("amount", ">", 0)])
        Files.search([]).read(["display_name", "name"])
        Files.formatted_read_group([], ["keeper_id"], ["__count"])
        Files.search_count([])
        self.assertEqual(self.rows(), [])

    def test_keeper_needs_no_log(self):
        files = self.files.with_user(self.keeper)
        files.read(["amount"])
        files.export_data(["amount"])
        files.formatted_read_group([], ["name"], ["amount:sum"])
        self.assertEqual(self.rows(), [])

    def test_log_survives_rollback_and_needs_no_write(self):
        files = self.files.with_user(self.reader)
        with contextlib.suppress(RolledBack), self.env.cr.savepoint():
            # the request's own transaction is read-only, then rolls back
            self.env.cr.execute("SET TRANSACTION READ ONLY")
            files.read(["amount"])
            raise RolledBack
        self.assertLogged(self.files, "read", self.reader)

    # ------------------------------------------------------------ sensitive fields
    def test_sensitive_field_and_fields_computed_from_it(self):
        accounts = self.accounts.with_user(self.admin_reader)
        accounts.read(["name"])
        self.assertEqual(self.rows(AuditedAccount._name), [])
        accounts.read(["secret_shown"])
        self.assertLogged(self.accounts, "read", self.admin_reader, "secret_shown")
        self.fresh()
        self.mark = audit_mark(self.env)
        accounts.formatted_read_group([], ["secret"], ["__count"])
        self.assertLogged(self.accounts, "group", self.admin_reader, "secret")
        self.fresh()
        self.mark = audit_mark(self.env)
        accounts.export_data(["name", "secret"])
        self.assertLogged(self.accounts, "export", self.admin_reader, "secret")
        self.fresh()
        self.mark = audit_mark(self.env)
        found = accounts.search([("name", "!=", False), ("secret", "=", "X")])
        self.assertLogged(found, "search", self.admin_reader, "secret")

    def test_below_the_level_sees_the_mask_and_logs_nothing(self):
        accounts = self.accounts.with_user(self.reader)
        self.assertEqual(accounts.mapped("secret_shown"), ["***", "***"])
        self.assertEqual({r["secret_shown"] for r in accounts.read(["secret_shown"])}, {"***"})
        with self.assertRaises(AccessError):
            accounts.read(["secret"])
        with self.assertRaises(AccessError):
            accounts.formatted_read_group([], ["secret"], ["__count"])
        with self.assertRaises(AccessError):
            accounts.search([("secret", "=", "X")])
        self.assertEqual(self.rows(AuditedAccount._name), [])

    def test_model_declaring_nothing_costs_nothing(self):
        Plain = self.env[PlainRecord._name]
        self.assertFalse(hasattr(Plain, "_audit_read"))
        plain = self.plain.with_user(self.reader)
        plain.read(["amount"])
        plain.invalidate_model()
        with self.assertQueryCount(1):
            plain.read(["amount"])
        plain.export_data(["amount"])
        self.assertEqual(audit_rows(self.env, self.mark), [])

    # ------------------------------------------------------------ http routes
    def test_http_export_download_and_readonly_route(self):
        self.authenticate("rag_reader", "rag_reader")
        response = self.url_open(
            "/web/export/xlsx",
            data={
                "data": json.dumps(
                    {
                        "model": AuditedFile._name,
                        "fields": [
                            {"name": "name", "label": "Name", "type": "char"},
                            {"name": "amount", "label": "Amount", "type": "float"},
                        ],
                        "ids": self.files.ids,
                        "domain": [],
                        "import_compat": False,
                    }
                ),
                "csrf_token": http.Request.csrf_token(self),
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertLogged(self.files, "export", self.reader)

        self.mark = audit_mark(self.env)
        response = self.url_open(f"/web/content/{self.attachment.id}?download=true")
        self.assertEqual(response.content, b"confidential")
        self.assertLogged(self.files[0], "download", self.reader)

        # web_search_read is served on a read-only cursor
        self.mark = audit_mark(self.env)
        result = self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{AuditedFile._name}/web_search_read",
            {
                "model": AuditedFile._name,
                "method": "web_search_read",
                "args": [[], {"amount": {}}],
                "kwargs": {},
            },
        )
        self.assertEqual(result["length"], 2)
        self.assertLogged(self.files, "read", self.reader)
