import base64
import logging
from urllib.parse import quote

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

_logger = logging.getLogger(__name__)

# a register of at most this many contracts is downloaded at once, while the user waits
EXPORT_AT_ONCE = 5000


class GasExportRun(models.Model):
    """The contract register of a large selection, rendered in the background.

    The export job renders the register in one transaction (one consistent snapshot of
    the contracts), as the user who asked, and writes after each chunk of rows how far it
    is through a short transaction of its own, so that the run shows its progress while
    the register is still being written.
    """

    _name = "gas.export.run"
    _description = "Register Export"
    _inherit = ["gas.background.run"]

    contract_count = fields.Integer(string="Contracts to Export", readonly=True)
    contract_done = fields.Integer(string="Contracts Exported", readonly=True)
    export_file = fields.Binary(string="Register", attachment=True, readonly=True)
    export_filename = fields.Char(readonly=True)

    @api.depends("contract_count")
    def _compute_display_name(self):
        for run in self:
            run.display_name = self.env._(
                "Contract register of %(count)s contracts", count=run.contract_count
            )

    @api.model
    def _action_contract_register(self, contracts):
        """The register of ``contracts``: downloaded at once, or queued when large.

        With every record of the list selected, the client sends at most
        ``web.active_ids_limit`` ids and the list's domain: the domain is then read.
        """
        params_sudo = self.env["ir.config_parameter"].sudo()
        domain = self.env.context.get("active_domain")
        if domain is not None and len(contracts) >= int(
            params_sudo.get_param("web.active_ids_limit", 20000)
        ):
            contracts = contracts.search(domain)
        limit = int(params_sudo.get_param("gas_contracts.export_at_once", EXPORT_AT_ONCE))
        if len(contracts) <= limit:
            report = self.env.ref("gas_contracts.action_report_contract_register_xlsx")
            return report.report_action(contracts, config=False)
        return self._queue(contracts)._action_open(self.env._("Register Export"))

    @api.model
    def _queue(self, contracts):
        """Queue the register of ``contracts`` and start the export job at once."""
        return self._create_run(contracts, "gas_contracts.ir_cron_contract_register_exports")

    @api.model
    def _cron_process(self):
        """Render the queued registers, one run after the other."""
        runs = self.search([("state", "in", ("queued", "running"))], order="id")
        self._commit_run_progress(0, remaining=len(runs))
        for run in runs:
            run._export()
            if not self._commit_run_progress(1):
                return

    @api.private
    def _export(self):
        """Render the run's register as its requester; store it, or the error."""
        self.ensure_one()
        self.state = "running"
        # commit the state first: the progress is then written to the run's row by
        # transactions of their own, which must not wait for this one
        self._commit_run_progress(0)
        report = self.env.ref("gas_contracts.action_report_contract_register_xlsx")
        reports = (
            self.env["ir.actions.report"]
            .with_user(self.user_id)
            .with_company(self.company_id)
            .with_context(lang=self.user_id.lang, gas_export_run_id=self.id)
        )
        content = error = False
        try:
            with self.env.cr.savepoint():
                content = reports._render_xlsx(report.report_name, self.contract_ids.ids, {})[0]
        except (AccessError, UserError) as exc:
            error = str(exc)
        except Exception as exc:
            _logger.exception("The register export %s failed", self.id)
            error = str(exc)
        # end the rendering's snapshot: writing the run again in it would collide with
        # the progress committed meanwhile
        self._commit_run_progress(0)
        self.invalidate_recordset(["contract_done"])
        if error:
            self._finish("failed", error=error)
            return
        # what and when, in the language of the user who asked for it
        today = fields.Date.context_today(self.with_user(self.user_id))
        filename = f"{report.with_context(lang=self.user_id.lang).name}-{today}.xlsx"
        self.write({"export_file": base64.b64encode(content), "export_filename": filename})
        self._finish("done")

    @api.private
    def _write_progress(self, done):
        """Record that ``done`` contracts are written, in a transaction of its own.

        Called as the requester, whose context comes from the client on a direct
        download: only his own running export counts.
        """
        self.ensure_one()
        with self.env.registry.cursor() as cr:
            run = self.with_env(self.env(cr=cr, su=True))
            if run.state != "running" or run.user_id.id != self.env.uid:
                return
            # never wait for the row: a caller outside the export job may hold it
            if run.try_lock_for_update(allow_referencing=True):
                run.contract_done = done

    def _finish_texts(self, state, error):
        if state == "done":
            url = f"/web/content/{self._name}/{self.id}/export_file/{quote(self.export_filename)}"
            body = self.env._(
                "%(count)s contracts exported to the contract register: %(file)s",
                count=self.contract_done,
                file=Markup('<a href="%s?download=true">%s</a>') % (url, self.export_filename),
            )
            message = self.env._(
                "The contract register of %(count)s contracts is ready to download.",
                count=self.contract_done,
            )
        else:
            body = message = self.env._(
                "The register export stopped after %(done)s of %(count)s contracts: %(error)s",
                done=self.contract_done,
                count=self.contract_count,
                error=error,
            )
        return self.env._("Contract Register"), body, message
