"""The workflow-only fields, once, on a test model: every path, as a user and as admin.

The same attempts on a twin model that declares nothing succeed (test_undeclared_twin): the
mechanism, not something else, refuses them.
"""

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, new_test_user, tagged

from odoo.addons.base_record_guard.models.workflow_fields import CLIENT_SWITCHES

from .common import register_test_models
from .workflow_matrix import WorkflowFieldsMatrix


class WorkflowDocument(models.Model):
    _name = "test.workflow.document"
    _description = "Test workflow document"
    _inherit = ["workflow.fields.mixin"]
    _register = False
    _log_access = False  # a model not registered gets no magic fields
    _workflow_fields = ("state", "number", "approved_by_id", "approval_date", "total")

    name = fields.Char()
    amount = fields.Float()
    state = fields.Selection(
        [("draft", "Draft"), ("approved", "Approved")], default="draft", required=True
    )
    number = fields.Char(string="Document Number")
    approved_by_id = fields.Many2one("res.users")
    approval_date = fields.Date()
    total = fields.Float(compute="_compute_total", store=True)

    @api.depends("amount")
    def _compute_total(self):
        for document in self:
            document.total = document.amount * 2

    def action_approve(self):
        self._workflow().write(
            {
                "state": "approved",
                "number": "DOC-1",
                "approved_by_id": self.env.uid,
                "approval_date": fields.Date.today(),
            }
        )


class PlainDocument(models.Model):
    _name = "test.workflow.plain"
    _description = "Test document declaring no workflow field"
    _inherit = ["workflow.fields.mixin"]
    _register = False
    _log_access = False  # a model not registered gets no magic fields

    name = fields.Char()
    amount = fields.Float()
    state = fields.Selection(
        [("draft", "Draft"), ("approved", "Approved")], default="draft", required=True
    )
    number = fields.Char(string="Document Number")
    approved_by_id = fields.Many2one("res.users")
    approval_date = fields.Date()
    total = fields.Float(compute="_compute_total", store=True, readonly=False)

    @api.depends("amount")
    def _compute_total(self):
        for document in self:
            document.total = document.amount * 2


class TrackedDocument(models.Model):
    _name = "test.workflow.tracked"
    _description = "Test workflow document with a chatter"
    _inherit = ["mail.thread", "workflow.fields.mixin"]
    _module = None

    name = fields.Char()
    amount = fields.Float(tracking=True)


MODELS = (WorkflowDocument, PlainDocument, TrackedDocument)


@tagged("post_install", "-at_install")
class TestWorkflowFields(TransactionCase, WorkflowFieldsMatrix):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        register_test_models(cls, MODELS)
        cls.user = new_test_user(cls.env, login="wff_user", groups="base.group_user")
        cls.admin = new_test_user(cls.env, login="wff_admin", groups="base.group_system")

    def _documents(self, user, model=WorkflowDocument._name):
        return self.env[model].with_user(user)

    def test_matrix_as_user_and_admin(self):
        for user in (self.user, self.admin):
            self.assert_workflow_fields_guarded(
                WorkflowDocument._name, user, lambda: {"name": "Doc", "amount": 5.0}
            )

    def test_create_refused_names_the_field_and_writes_nothing(self):
        documents = self._documents(self.user)
        with self.assertRaisesRegex(UserError, "Only the workflow sets Approved By, State"):
            documents.create(
                [{"name": "ok"}, {"name": "forged", "state": "approved", "approved_by_id": 2}]
            )
        self.assertFalse(documents.search([("name", "in", ("ok", "forged"))]))

    def test_create_with_what_the_record_gets_anyway(self):
        # the web client sends a new record's editable fields: their defaults are no attempt
        document = self._documents(self.user).create(
            {"name": "Doc", "state": "draft", "number": False, "approved_by_id": False}
        )
        self.assertEqual(document.state, "draft")

    def test_user_defaults_are_ignored(self):
        self.env["ir.default"].set(WorkflowDocument._name, "state", "approved")
        self.env["ir.default"].set(WorkflowDocument._name, "number", "IR-DEFAULT")
        documents = self._documents(self.admin)
        self.assertEqual(documents.default_get(["state", "number"]), {"state": "draft"})
        document = documents.create({"name": "Doc"})
        self.assertEqual((document.state, document.number), ("draft", False))
        # a field nobody declared keeps its user-defined default
        self.env["ir.default"].set(WorkflowDocument._name, "name", "Named by default")
        self.assertEqual(documents.create({}).name, "Named by default")

    def test_copy_resets_and_refuses_forged_defaults(self):
        document = self._documents(self.user).create({"name": "Doc", "amount": 1.0})
        document.action_approve()
        copied = document.copy()
        self.assertEqual(
            (copied.state, copied.number, copied.approved_by_id, copied.approval_date),
            ("draft", False, self.env["res.users"], False),
        )
        self.assertEqual(copied.total, 2.0)
        with self.assertRaisesRegex(UserError, "Only the workflow sets State"):
            document.copy({"state": "approved"})

    def test_private_way_passes(self):
        document = self._documents(self.user).create({"name": "Doc"})
        document.action_approve()
        self.assertEqual(
            (document.state, document.number, document.approved_by_id),
            ("approved", "DOC-1", self.user),
        )
        self.assertTrue(document._workflow()._in_workflow())
        self.assertFalse(document._in_workflow())
        document._workflow().write({"state": "draft"})
        self.assertEqual(document.state, "draft")
        created = self._documents(self.user)._workflow().create({"name": "D", "number": "N-2"})
        self.assertEqual(created.number, "N-2")
        # code running as superuser is code, not a client
        document.sudo().write({"number": "SU-1"})
        self.assertEqual(document.number, "SU-1")

    def test_forged_token_is_refused(self):
        document = self._documents(self.admin).create({"name": "Doc"})
        # a client can send the context key, never the Python object behind it
        for forged in (True, "token", {"token": 1}):
            with self.subTest(forged=forged):
                forged_document = document.with_context(base_record_guard_workflow=forged)
                self.assertFalse(forged_document._in_workflow())
                with self.assertRaises(UserError):
                    forged_document.write({"state": "approved"})
        self.assertEqual(document.state, "draft")

    def test_undeclared_twin(self):
        """Without a declaration, each attempt of the matrix succeeds."""
        documents = self._documents(self.user, PlainDocument._name)
        document = documents.create({"name": "Doc", "state": "approved", "number": "X"})
        self.assertEqual(document.state, "approved")
        document.write({"number": "Y", "total": 9.0})
        self.assertEqual((document.number, document.total), ("Y", 9.0))
        result = documents.load(["name", "number"], [["Loaded", "Z"]])
        self.assertTrue(result["ids"], result["messages"])
        self.assertIn("number", document.copy_data()[0])
        defaulted = documents.with_context(default_state="approved").create({"name": "D"})
        self.assertEqual(defaulted.state, "approved")
        self.env["ir.default"].set(PlainDocument._name, "number", "IR-DEFAULT")
        self.assertEqual(documents.create({}).number, "IR-DEFAULT")

    def _count_write_queries(self, model, vals):
        document = self._documents(self.user, model).create({"name": "Doc"})
        document.write(vals)  # the access rights are in cache from now on
        document.flush_recordset()
        before = self.env.cr.sql_log_count
        document.write(vals)
        document.flush_recordset()
        return self.env.cr.sql_log_count - before

    def test_no_query_of_its_own(self):
        # the guard reads nothing: a write costs what it costs on a model declaring nothing
        self.assertEqual(
            self._count_write_queries(WorkflowDocument._name, {"name": "Renamed"}),
            self._count_write_queries(PlainDocument._name, {"name": "Renamed"}),
        )

    def test_client_switches_are_dropped(self):
        """A client cannot hide a creation or a change from the chatter; code as superuser can."""
        switches = dict.fromkeys(CLIENT_SWITCHES, True)
        for user, logged in ((self.user, True), (self.admin, True), (self.env.user, False)):
            with self.subTest(user=user.login):
                documents = self.env[TrackedDocument._name].with_user(user)
                if user == self.env.user:
                    documents = documents.sudo()
                document = documents.with_context(**switches).create({"name": "D", "amount": 1})
                # as in a later transaction: Odoo tracks no change in the creating one
                self.env.cr.precommit.run()
                self.assertEqual(bool(document.sudo().message_ids), logged)
                document.with_context(**switches).write({"amount": 2.0})
                self.env.cr.precommit.run()
                self.assertEqual(bool(document.sudo().message_ids.tracking_value_ids), logged)
