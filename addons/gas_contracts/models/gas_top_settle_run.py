from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

# contracts settled per transaction of the settlement job; a selection of at most this
# many contracts is settled at once, while the user waits
SETTLE_BATCH = 500


class GasTopSettleRun(models.Model):
    """The settlement of a large selection of take-or-pay contracts, in the background.

    The settlement job settles the contracts batch by batch, each batch in its own
    transaction and as the user who asked, so that the run shows how far it is and a
    stopped job carries on where it stopped.
    """

    _name = "gas.top.settle.run"
    _description = "Take-or-Pay Settlement Run"
    _inherit = ["mail.thread"]
    _order = "id desc"

    year = fields.Integer(required=True, readonly=True)
    user_id = fields.Many2one(
        "res.users", string="Requested By", required=True, readonly=True, index=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, default=lambda self: self.env.company
    )
    contract_ids = fields.Many2many("gas.contract", string="Contracts", readonly=True)
    contract_count = fields.Integer(string="Contracts to Settle", readonly=True)
    contract_done = fields.Integer(string="Contracts Settled", readonly=True)
    settlement_ids = fields.Many2many("gas.top.settlement", string="Settlements", readonly=True)
    state = fields.Selection(
        [("queued", "Queued"), ("running", "Running"), ("done", "Done"), ("failed", "Failed")],
        default="queued",
        required=True,
        readonly=True,
        index=True,
        tracking=True,
    )
    error = fields.Text(readonly=True)

    @api.depends("year", "contract_count")
    def _compute_display_name(self):
        for run in self:
            run.display_name = self.env._(
                "%(year)s take-or-pay settlement of %(count)s contracts",
                year=run.year,
                count=run.contract_count,
            )

    @api.model
    def _queue(self, contracts, year):
        """Queue the settlement of ``contracts`` for ``year`` and start the job at once."""
        self.env["gas.top.settlement"]._check_settle_rights()
        if not isinstance(year, int) or not 2000 <= year <= 2100:
            raise UserError(self.env._("%(year)s is not a valid contract year.", year=year))
        contracts.check_access("read")
        # users only read runs: the run records who asked, and the job settles in
        # that user's name, so neither may come from the client
        run_sudo = self.sudo().create(
            {
                "year": year,
                "user_id": self.env.uid,
                "company_id": self.env.company.id,
                "contract_ids": [fields.Command.set(contracts.ids)],
                "contract_count": len(contracts),
            }
        )
        self.env.ref("gas_contracts.ir_cron_top_settle_runs")._trigger()
        return run_sudo.sudo(False)

    @api.model
    def _cron_process(self, batch_size=SETTLE_BATCH):
        """Settle the queued runs, ``batch_size`` contracts per transaction."""
        runs = self.search([("state", "in", ("queued", "running"))], order="id")
        self._commit_run_progress(
            0, remaining=sum(run.contract_count - run.contract_done for run in runs)
        )
        for run in runs:
            if not run._settle_batches(batch_size):
                return

    @api.private
    def _settle_batches(self, batch_size):
        """Settle the run's next batches; returns False once the job's time is up."""
        self.ensure_one()
        self.state = "running"
        contract_ids = sorted(self.contract_ids.ids)
        Settlement = self.env["gas.top.settlement"].with_user(self.user_id)
        while self.contract_done < len(contract_ids):
            batch = Settlement.env["gas.contract"].browse(
                contract_ids[self.contract_done : self.contract_done + batch_size]
            )
            try:
                with self.env.cr.savepoint():
                    settlements = Settlement._settle(batch, self.year)
            except (AccessError, UserError) as exc:
                self._finish("failed", error=str(exc))
                return bool(self._commit_run_progress(len(contract_ids) - self.contract_done))
            self.write(
                {
                    "contract_done": self.contract_done + len(batch),
                    "settlement_ids": [fields.Command.link(s.id) for s in settlements],
                }
            )
            if self.contract_done >= len(contract_ids):
                self._finish("done")
            if not self._commit_run_progress(len(batch)):
                return False
        return True

    @api.model
    def _commit_run_progress(self, processed, remaining=None):
        """Commit a batch and report it to the cron job; returns the job's time left.

        Outside a cron job (a test, a shell) the caller owns the transaction: no commit.
        """
        if not self.env.context.get("ir_cron_progress_id"):
            return True
        return self.env["ir.cron"]._commit_progress(processed, remaining=remaining)

    @api.private
    def _finish(self, state, error=False):
        self.ensure_one()
        self.write({"state": state, "error": error})
        run = self.with_context(lang=self.user_id.lang)
        if state == "done":
            message = run.env._(
                "%(count)s take-or-pay contracts settled for %(year)s.",
                count=self.contract_done,
                year=self.year,
            )
        else:
            message = run.env._(
                "The settlement stopped after %(done)s of %(count)s contracts: %(error)s",
                done=self.contract_done,
                count=self.contract_count,
                error=error,
            )
        run.message_post(body=message, subtype_xmlid="mail.mt_note")
        self.user_id._bus_send(
            "simple_notification",
            {
                "type": "success" if state == "done" else "danger",
                "title": run.env._("Take-or-Pay Settlements"),
                "message": message,
                "sticky": state != "done",
            },
        )

    def action_open_settlements(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Take-or-Pay Settlements"),
            "res_model": "gas.top.settlement",
            "view_mode": "list,form",
            "domain": [("id", "in", self.settlement_ids.ids)],
        }
