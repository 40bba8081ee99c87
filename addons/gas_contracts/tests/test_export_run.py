import base64
import io

import openpyxl

from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from .common import GasCommon


@tagged("post_install", "-at_install")
class TestExportRun(GasCommon):
    """Issue 8: the register of a large selection is written in the background."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Contract = cls.env["gas.contract"].with_user(cls.staff)
        cls.contracts = Contract.browse()
        for index, type_ in enumerate([cls.t_install, cls.t_alarm, cls.t_install]):
            cls.contracts |= Contract.create(
                cls._contract_vals(title=f"Register {index}", type_id=type_.id)
            )
        cls.env["ir.config_parameter"].set_param("gas_contracts.export_at_once", 2)
        cls.cron = cls.env.ref("gas_contracts.ir_cron_contract_register_exports")

    def _print(self, user, contracts, **context):
        """Print > Contract Register (Excel) on ``contracts`` in the list, as ``user``."""
        action = self.env.ref("gas_contracts.action_contract_register_xlsx").with_user(user)
        return action.with_context(
            active_model="gas.contract",
            active_id=contracts[:1].id,
            active_ids=contracts.ids,
            **context,
        ).run()

    def _rows(self, content):
        book = openpyxl.load_workbook(io.BytesIO(content))
        return [list(sheet.iter_rows(values_only=True)) for sheet in book.worksheets]

    def _direct(self, user, contracts, **context):
        """The register as downloaded at once."""
        report = self.env.ref("gas_contracts.action_report_contract_register_xlsx")
        content, __ = (
            self.env["ir.actions.report"]
            .with_user(user)
            .with_context(**context)
            ._render_xlsx(report.report_name, contracts.ids, {})
        )
        return self._rows(content)

    def _run_job(self):
        with self.enter_registry_test_mode():
            self.cron.method_direct_trigger()
        self.env.invalidate_all()

    def _attachments(self, run):
        return (
            self.env["ir.attachment"]
            .sudo()
            .search(
                [("res_model", "=", run._name), ("res_id", "=", run.id), ("res_field", "!=", False)]
            )
        )

    def test_small_selection_downloads_at_once(self):
        action = self._print(self.finance, self.contracts[:2])
        self.assertEqual(action["type"], "ir.actions.report")
        self.assertEqual(action["report_name"], "gas_contracts.contract_register_xlsx")
        self.assertEqual(action["context"]["active_ids"], self.contracts[:2].ids)
        self.assertFalse(self.env["gas.export.run"].search([("user_id", "=", self.finance.id)]))
        sheets = self._direct(self.finance, self.contracts.browse(action["context"]["active_ids"]))
        self.assertEqual(len(sheets[0]), 5, "title, period, header and two contracts")
        # who may not read contracts may not print their register
        with self.assertRaises(AccessError):
            self._print(self.outsider, self.contracts[:1])

    def test_large_selection_is_written_in_the_background(self):
        Run = self.env["gas.export.run"]
        action = self._print(self.staff, self.contracts)
        self.assertEqual(action["res_model"], "gas.export.run")
        run = Run.browse(action["res_id"])
        self.assertEqual(
            (run.state, run.contract_done, run.contract_count, run.user_id),
            ("queued", 0, 3, self.staff),
        )
        self.assertTrue(self.env["ir.cron.trigger"].search([("cron_id", "=", self.cron.id)]))
        expected = self._direct(self.staff, self.contracts)
        # the context of a direct download comes from the client: it moves no run
        with self.enter_registry_test_mode():
            self._direct(self.staff2, self.contracts, gas_export_run_id=run.id)
            run.sudo().state = "running"
            self.env.flush_all()
            self._direct(self.staff2, self.contracts, gas_export_run_id=run.id)
            run.sudo().state = "queued"
        self.env.invalidate_all()
        self.assertEqual(run.contract_done, 0)

        self._run_job()
        # the job never writes the count itself: it is the progress written after
        # each chunk of rows, through a transaction of its own
        self.assertEqual((run.state, run.contract_done), ("done", 3))
        mine = run.with_user(self.staff)
        today = fields.Date.context_today(mine)
        self.assertEqual(mine.export_filename, f"Contract Register (Excel)-{today}.xlsx")
        self.assertEqual(self._rows(base64.b64decode(mine.export_file)), expected)
        self.assertEqual(len(expected[0]), 6, "title, period, header and three contracts")
        attachment = self._attachments(run)
        self.assertEqual(len(attachment), 1)
        self.assertEqual(attachment.with_user(self.staff).raw[:2], b"PK")
        bodies = "".join(run.message_ids.mapped("body"))
        self.assertIn("3 contracts exported to the contract register", bodies)
        self.assertIn(f'href="/web/content/gas.export.run/{run.id}/export_file/', bodies)
        self.assertTrue(
            self.env["bus.bus"].search([("message", "ilike", "ready to download")]),
            "the requester is notified",
        )
        # a second pass of the job finds nothing to do
        self._run_job()
        self.assertEqual(len(self._attachments(run)), 1)

        # another user neither reads the run nor its file; the administrators do
        other = run.with_user(self.staff2)
        self.assertFalse(Run.with_user(self.staff2).search([("id", "=", run.id)]))
        with self.assertRaises(AccessError):
            other.read(["export_file"])
        with self.assertRaises(AccessError):
            attachment.with_user(self.staff2).read(["datas"])
        self.assertEqual(run.with_user(self.admin_gas).contract_done, 3)

    def test_select_all_reads_the_list_domain(self):
        # the client sends at most web.active_ids_limit ids, and the list's domain
        self.env["ir.config_parameter"].set_param("web.active_ids_limit", 2)
        domain = [("id", "in", self.contracts.ids)]
        action = self._print(self.finance, self.contracts[:2], active_domain=domain)
        run = self.env["gas.export.run"].browse(action["res_id"])
        self.assertEqual(run.contract_ids, self.contracts)
        # fewer ids than the limit: the selection itself, whatever the list shows
        action = self._print(self.finance, self.contracts[:1], active_domain=domain)
        self.assertEqual(action["context"]["active_ids"], self.contracts[:1].ids)

    def test_failed_export_keeps_no_file(self):
        run_action = self._print(self.basic, self.contracts)
        run = self.env["gas.export.run"].browse(run_action["res_id"])
        # the requester loses his access before the job renders: the job renders as him
        self.basic.group_ids = [Command.set(self.env.ref("base.group_user").ids)]
        self._run_job()
        self.assertEqual((run.state, run.contract_done), ("failed", 0))
        self.assertIn("gas.contract", run.error)
        self.assertFalse(run.export_file)
        self.assertFalse(self._attachments(run))
        self.assertIn(
            "The register export stopped after 0 of 3 contracts",
            "".join(run.message_ids.mapped("body")),
        )


@tagged("post_install", "-at_install")
class TestExportRunTour(HttpCase, GasCommon):
    """Issue 8: every contract of the list selected, the register is queued."""

    def test_select_all_and_print_the_register(self):
        Contract = self.env["gas.contract"].with_user(self.staff)
        mine = Contract.browse()
        for index in range(90):  # more than the list's page of 80
            mine |= Contract.create(self._contract_vals(title=f"Tour register {index}"))
        params = self.env["ir.config_parameter"]
        params.set_param("web.active_ids_limit", 50)
        params.set_param("gas_contracts.export_at_once", 60)
        # one print item for the register: the report itself is no longer bound
        toolbar = Contract.get_views([(False, "list")], {"toolbar": True})["views"]["list"][
            "toolbar"
        ]
        names = [item["name"] for item in toolbar["print"]]
        self.assertEqual(names.count("Contract Register (Excel)"), 1)

        self.start_tour(
            "/odoo/gas-contracts", "gas_contracts_register_export_run", login="gc_staff"
        )
        run = self.env["gas.export.run"].search([("user_id", "=", self.staff.id)])
        self.assertEqual(len(run), 1, "the tour should have queued the register")
        self.assertEqual(run.contract_ids, Contract.search([]))
        self.assertGreater(run.contract_count, 90)
