from odoo.tests import freeze_time, tagged

from odoo.addons.base_role_overview.tests.common import OverviewCase

from .test_dashboard import DashboardCommon

TILE = "gas_contracts.overview_tile_"


@tagged("post_install", "-at_install")
class TestOverview(OverviewCase, DashboardCommon):
    """Issue 15: the app opens on what waits for the user's role, within the record rules."""

    overview_action = "gas_contracts.gas_overview_action"

    def test_staff_sees_his_drafts_and_approvers_what_waits_for_them(self):
        mine, other = self._draft(), self._draft(user=self.staff2)
        staff = self.overview(self.staff)
        self.assertNotIn(TILE + "contract_to_approve", staff, "business staff approve nothing")
        self.assertNotIn(TILE + "settle_run_failed", staff)
        drafts = self.assertTile(
            staff[TILE + "my_contract_draft"],
            [("state", "=", "draft"), ("user_id", "=", self.staff.id)],
        )
        self.assertIn(mine, drafts)
        self.assertNotIn(other, drafts, "another clerk's draft is not counted")

        contract = self._draft(user_category="commercial")
        contract.action_submit()
        self.env.flush_all()  # the overview is read in a later request
        market = self.overview(self.market)
        waiting = self.assertTile(
            market[TILE + "contract_to_approve"],
            [("can_review", "=", True)],
        )
        self.assertIn(contract, waiting)
        contract.with_user(self.market).validate_tier()
        self.env.flush_all()
        waiting = self.assertTile(market[TILE + "contract_to_approve"], [("can_review", "=", True)])
        self.assertNotIn(contract, waiting, "approved by the market manager, it waits for others")

    @freeze_time("2026-03-01")
    def test_finance_follows_take_or_pay_and_settlement_runs(self):
        short, enough = self._make_top(0), self._make_top(1)
        (short | enough).with_user(self.finance).action_settle_year(2025)
        finance = self.overview(self.finance)
        self.assertNotIn(TILE + "my_contract_draft", finance, "finance drafts no contract")
        below = self.assertTile(
            finance[TILE + "below_minimum_take"],
            [("shortfall_volume", ">", 0), ("year", "=", 2025)],
        )
        self.assertEqual(below.contract_id & (short | enough), short)
        run = self.env["gas.top.settle.run"].with_user(self.finance)._queue(short | enough, 2026)
        running = self.assertTile(
            finance[TILE + "settle_run_running"], [("state", "in", ("queued", "running"))]
        )
        self.assertIn(run, running)
        # query-only users see what they may read, and only that
        self.assertEqual(set(self.overview(self.basic)), {TILE + "account"})
