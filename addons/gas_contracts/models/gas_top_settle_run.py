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
    _inherit = ["gas.background.run"]

    year = fields.Integer(required=True, readonly=True)
    contract_count = fields.Integer(string="Contracts to Settle", readonly=True)
    contract_done = fields.Integer(string="Contracts Settled", readonly=True)
    settlement_ids = fields.Many2many("gas.top.settlement", string="Settlements", readonly=True)

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
        self.env["gas.top.settlement"]._check_settle_rights(year)
        return self._create_run(contracts, "gas_contracts.ir_cron_top_settle_runs", {"year": year})

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

    def _finish_texts(self, state, error):
        if state == "done":
            message = self.env._(
                "%(count)s take-or-pay contracts settled for %(year)s.",
                count=self.contract_done,
                year=self.year,
            )
        else:
            message = self.env._(
                "The settlement stopped after %(done)s of %(count)s contracts: %(error)s",
                done=self.contract_done,
                count=self.contract_count,
                error=error,
            )
        return self.env._("Take-or-Pay Settlements"), message, message

    def action_open_settlements(self):
        self.ensure_one()
        return self.settlement_ids._action_open()
