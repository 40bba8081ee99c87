from odoo import api, fields, models


class GasBackgroundRun(models.AbstractModel):
    """What the background jobs over many contracts share (settlement runs, register exports).

    A run belongs to the user who asked for it and is worked on by a cron job; the job
    commits its progress batch by batch, and the end of a run is noted in its chatter and
    notified to the requester, in the requester's language.
    """

    _name = "gas.background.run"
    _description = "Gas Contracts Background Run"
    _inherit = ["mail.thread"]
    _order = "id desc"

    user_id = fields.Many2one(
        "res.users", string="Requested By", required=True, readonly=True, index=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, default=lambda self: self.env.company
    )
    contract_ids = fields.Many2many("gas.contract", string="Contracts", readonly=True)
    # contract_count and contract_done are declared by each run: their labels say what is counted
    state = fields.Selection(
        [("queued", "Queued"), ("running", "Running"), ("done", "Done"), ("failed", "Failed")],
        default="queued",
        required=True,
        readonly=True,
        index=True,
        tracking=True,
    )
    error = fields.Text(readonly=True)

    @api.model
    def _create_run(self, contracts, cron_xmlid, vals=None):
        """A run over ``contracts`` for the current user; its job starts at once."""
        contracts.check_access("read")
        # users only read runs: the run records who asked, and the job works in that
        # user's name, so neither may come from the client
        run_sudo = self.sudo().create(
            {
                "user_id": self.env.uid,
                "company_id": self.env.company.id,
                "contract_ids": [fields.Command.set(contracts.ids)],
                "contract_count": len(contracts),
                **(vals or {}),
            }
        )
        self.env.ref(cron_xmlid)._trigger()
        return run_sudo.sudo(False)

    @api.private
    def _action_open(self, name):
        """The run's form, where it shows its progress."""
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

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
        """End the run in ``state`` ("done" or "failed"); note and notify it."""
        self.ensure_one()
        self.write({"state": state, "error": error})
        run = self.with_context(lang=self.user_id.lang)
        title, body, message = run._finish_texts(state, error)
        run.message_post(body=body, subtype_xmlid="mail.mt_note")
        self.user_id._bus_send(
            "simple_notification",
            {
                "type": "success" if state == "done" else "danger",
                "title": title,
                "message": message,
                "sticky": state != "done",
            },
        )

    def _finish_texts(self, state, error):
        """(notification title, chatter note, notification text) of the run's end."""
        raise NotImplementedError()
