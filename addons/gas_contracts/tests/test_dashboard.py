from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import GasCommon


class DashboardCommon(GasCommon):
    def _dashboard(self, user, xmlid, *filters):
        """The dashboard action as ``user`` sees it: its views load and its filters exist."""
        action = self.env["ir.actions.act_window"].with_user(user)._for_xml_id(xmlid)
        Model = self.env[action["res_model"]].with_user(user)
        search_view = action["search_view_id"] and action["search_view_id"][0]
        views = Model.get_views([*action["views"], (search_view, "search")])
        search_arch = views["views"]["search"]["arch"]
        for name in filters:
            self.assertIn(f'name="{name}"', search_arch)
            self.assertIn(f"'search_default_{name}': 1", action["context"])
        return Model, action

    @classmethod
    def _make_top(cls, index):
        contract, meter = super()._make_top(index)
        cls.env["gas.meter.reading"].create(
            [
                {"meter_id": meter.id, "date": date(2024, 12, 31), "reading": 0.0},
                # minimum take 4,000,000 m³: the first user takes less, the others more
                {
                    "meter_id": meter.id,
                    "date": date(2025, 12, 31),
                    "reading": 3_000_000.0 if index == 0 else 4_500_000.0,
                },
            ]
        )
        return contract


@tagged("post_install", "-at_install")
class TestGasDashboard(DashboardCommon):
    """Issue 8: contracts waiting per approver, users below their minimum take."""

    def test_contracts_waiting_per_approver(self):
        contract = self._draft(user_category="commercial")
        contract.action_submit()
        Review, action = self._dashboard(
            self.market, "gas_contracts.gas_tier_review_action_dashboard", "pending"
        )
        domain = [*safe_eval(action["domain"]), ("status", "=", "pending")]
        self.assertEqual(Review.search(domain).mapped("res_id").count(contract.id), 1)
        # demo contracts may wait too: count this contract's reviews per approver
        mine = [*domain, ("res_id", "=", contract.id)]
        self.env.flush_all()  # the dashboard is read in a later request
        per_approver = dict(Review._read_group(mine, ["reviewer_ids"], ["__count"]))
        self.assertEqual(per_approver[self.market], 1)
        self.assertEqual(per_approver[self.market2], 1)
        self.assertNotIn(self.vp, per_approver, "the VP is no reviewer of this route")
        contract.with_user(self.market).validate_tier()
        self.assertNotIn(contract.id, Review.search(domain).mapped("res_id"))

    def test_users_below_their_minimum_take(self):
        short, enough = self._make_top(0), self._make_top(1)
        (short | enough).with_user(self.finance).action_settle_year(2025)
        Settlement, action = self._dashboard(
            self.finance,
            "gas_contracts.gas_top_settlement_action_dashboard",
            "below_minimum",
            "last_year",
        )
        below = Settlement.search([("shortfall_volume", ">", 0), ("year", "=", 2025)])
        self.assertEqual(below.contract_id & (short | enough), short)
        # the graph groups by gas user, a field read through the contract (not stored)
        graph = Settlement.get_views(action["views"])["views"]["graph"]["arch"]
        self.assertIn('<field name="partner_id"/>', graph)
        settled = (short | enough).settlement_ids
        groups = Settlement.formatted_read_group(
            [("id", "in", settled.ids)], ["partner_id"], ["shortfall_volume:sum"]
        )
        self.assertEqual(
            [(group["partner_id"][0], group["shortfall_volume:sum"]) for group in groups],
            [(short.partner_id.id, 1_000_000.0)],
        )
        by_user = Settlement.search([("partner_id", "=", short.partner_id.id), ("year", "=", 2025)])
        self.assertEqual(by_user & settled, settled)
        # the contracts staff read the dashboard too; the query-only users have no access
        Staff, __ = self._dashboard(self.staff, "gas_contracts.gas_top_settlement_action_dashboard")
        self.assertIn(short, Staff.search([("shortfall_volume", ">", 0)]).contract_id)
        with self.assertRaises(AccessError):
            self.env["gas.top.settlement"].with_user(self.basic).search([])


@tagged("post_install", "-at_install")
class TestSettlementRun(DashboardCommon):
    """Issue 8: a large settlement runs in batches and shows its progress."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contracts = cls._make_top(0) | cls._make_top(1) | cls._make_top(2)
        cls.cron = cls.env.ref("gas_contracts.ir_cron_top_settle_runs")

    def _run_job(self, batch_size):
        self.cron.code = f"model._cron_process(batch_size={batch_size})"
        with self.enter_registry_test_mode():
            self.cron.method_direct_trigger()
        self.env.invalidate_all()

    def test_run_settles_in_batches_and_reports_progress(self):
        Run = self.env["gas.top.settle.run"]
        with self.assertRaises(AccessError):
            Run.with_user(self.staff)._queue(self.contracts, 2025)
        with self.assertRaises(AccessError):
            Run.with_user(self.finance).create({"year": 2025, "user_id": self.gm.id})
        run = Run.with_user(self.finance)._queue(self.contracts, 2025)
        self.assertEqual((run.state, run.contract_done, run.contract_count), ("queued", 0, 3))
        self.assertEqual(run.user_id, self.finance)
        self.assertFalse(self.contracts.settlement_ids, "settled in the background")
        self.assertTrue(self.env["ir.cron.trigger"].search([("cron_id", "=", self.cron.id)]))

        self._run_job(batch_size=2)
        self.assertEqual((run.state, run.contract_done), ("done", 3))
        self.assertEqual(run.settlement_ids.contract_id, self.contracts)
        self.assertEqual(run.settlement_ids.create_uid, self.finance, "settled as the requester")
        self.assertEqual(
            sorted(run.settlement_ids.mapped("shortfall_volume")), [0.0, 0.0, 1_000_000.0]
        )
        progress = self.env["ir.cron.progress"].search([("cron_id", "=", self.cron.id)])
        self.assertEqual(sum(progress.mapped("done")), 3)
        self.assertEqual(progress.mapped("remaining"), [0])
        # the message is written in the language of who asked for the run
        expected = run.with_context(lang=self.finance.lang).env._(
            "%(count)s take-or-pay contracts settled for %(year)s.", count=3, year=2025
        )
        self.assertIn(expected, "".join(run.message_ids.mapped("body")))
        action = run.with_user(self.finance).action_open_settlements()
        self.assertEqual(
            self.env["gas.top.settlement"].search(action["domain"]), run.settlement_ids
        )

    def test_run_stops_at_a_batch_that_cannot_be_settled(self):
        draft = self.env["gas.contract"].with_user(self.vp).create(self._top_vals())
        run = self.env["gas.top.settle.run"].with_user(self.vp)._queue(self.contracts | draft, 2025)
        self._run_job(batch_size=2)
        self.assertEqual((run.state, run.contract_done), ("failed", 2))
        self.assertIn(draft.name, run.error)
        self.assertEqual(run.settlement_ids.contract_id, self.contracts[:2])
        self.assertFalse(draft.settlement_ids | self.contracts[2].settlement_ids)
        expected = run.with_context(lang=self.vp.lang).env._(
            "The settlement stopped after %(done)s of %(count)s contracts: %(error)s",
            done=2,
            count=4,
            error=run.error,
        )
        self.assertIn(expected, "".join(run.message_ids.mapped("body")))

    def test_wizard_queues_a_large_selection(self):
        self.env["ir.config_parameter"].set_param("gas_contracts.top_settle_at_once", 2)
        wizard = (
            self.env["gas.top.settle.wizard"]
            .with_user(self.finance)
            .with_context(active_model="gas.contract", active_ids=self.contracts.ids)
            .create({"year": 2025})
        )
        action = wizard.action_settle()
        self.assertEqual(action["res_model"], "gas.top.settle.run")
        run = self.env["gas.top.settle.run"].browse(action["res_id"])
        self.assertEqual((run.state, run.contract_count, run.user_id), ("queued", 3, self.finance))
        self.assertFalse(self.contracts.settlement_ids)
        # two contracts are settled at once
        wizard.contract_ids = self.contracts[:2]
        action = wizard.action_settle()
        self.assertEqual(action["res_model"], "gas.top.settlement")
        self.assertEqual(self.contracts[:2].settlement_ids.mapped("year"), [2025, 2025])
