import threading

from odoo import SUPERUSER_ID, api
from odoo.tests import tagged

from odoo.addons.base_input_guard.tests.common import LANG, ScreenshotTourCase

from .test_dashboard import DashboardCommon

# once the tour has saved one of these screens, the settlement job runs
QUEUED_SCREENS = ("gas_contracts_settle_run_queued", "gas_contracts_settle_run_list_queued")


@tagged("post_install", "-at_install")
class TestLiveSettlementProgress(ScreenshotTourCase, DashboardCommon):
    """Issue 8: a settlement run's form and list follow the run as the job settles it,
    without the user reloading the page."""

    term_modules = ("base", "web", "mail", "gas_contracts")

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.finance.write({"name": "马丽", "lang": LANG})
        cls.contracts = cls._make_top(0) | cls._make_top(1) | cls._make_top(2)
        cls.settle_run = (
            cls.env["gas.top.settle.run"].with_user(cls.finance)._queue(cls.contracts, 2025)
        )
        cls.job = None

    def _screenshot_saved(self, name):
        if name in QUEUED_SCREENS:
            # the user has the queued run on screen: the job settles it meanwhile
            self.job = threading.Thread(target=self._run_job)
            self.job.start()

    def _run_job(self):
        """Run the settlement job as the cron worker does, in a transaction of its own."""
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env.ref("gas_contracts.ir_cron_top_settle_runs").method_direct_trigger()

    def _assert_settled_by_the_job(self):
        self.assertTrue(self.job, "the tour should have shown the queued run")
        self.job.join()
        self.env.invalidate_all()
        self.assertEqual((self.settle_run.state, self.settle_run.contract_done), ("done", 3))

    def test_run_form_shows_the_progress_live(self):
        self.assertEqual((self.settle_run.state, self.settle_run.contract_done), ("queued", 0))
        self.start_tour(
            f"/odoo/gas-settlement-runs/{self.settle_run.id}",
            "gas_contracts_live_settle_run",
            login="gc_finance",
        )
        self._assert_settled_by_the_job()
        self.assertScreenshot("gas_contracts_settle_run_queued")
        self.assertScreenshot("gas_contracts_settle_run_done")

    def test_run_list_shows_the_progress_live(self):
        self.start_tour(
            "/odoo/gas-settlement-runs", "gas_contracts_live_settle_run_list", login="gc_finance"
        )
        self._assert_settled_by_the_job()
        self.assertScreenshot("gas_contracts_settle_run_list_queued")
