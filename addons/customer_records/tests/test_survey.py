from datetime import date, timedelta

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import CustomerRecordsCommon


@tagged("post_install", "-at_install")
class TestSatisfactionSurvey(CustomerRecordsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer.email = "buyer@huadong.example.com"
        cls.customer2.email = "buyer@jinling.example.com"
        cls.files = cls._create_file(cls.customer) | cls._create_file(cls.customer2)
        cls.survey = cls.env["survey.survey"].create(
            {"title": "Satisfaction test survey", "access_mode": "token"}
        )
        cls.questions = cls.env["survey.question"].create(
            [
                {
                    "survey_id": cls.survey.id,
                    "title": title,
                    "question_type": "scale",
                    "scale_min": 1,
                    "scale_max": 5,
                    "sequence": seq,
                }
                for seq, title in enumerate(["Service", "Price", "Company"])
            ]
        )
        cls.dimensions = cls.env["customer.survey.dimension"].create(
            [
                {"name": "Service (t)", "target_score": 4.0},
                {"name": "Price (t)", "target_score": 3.0},
                {"name": "Company (t)", "target_score": 3.0},
            ]
        )

    def _campaign(self, year=None, target=3.0):
        return (
            self.env["customer.survey.campaign"]
            .with_user(self.office)
            .create(
                {
                    "name": "Campaign",
                    "year": year or date.today().year,
                    "survey_id": self.survey.id,
                    "target_score": target,
                    "department_ids": [(4, self.sales_dept.id)],
                    "scope_department_ids": [(4, self.sales_dept.id)],
                    "line_ids": [
                        (0, 0, {"dimension_id": dim.id, "question_ids": [(4, question.id)]})
                        for dim, question in zip(self.dimensions, self.questions, strict=True)
                    ],
                }
            )
        )

    def _answer(self, campaign, partner, scores):
        user_input = campaign.user_input_ids.filtered(lambda i: i.partner_id == partner)
        self.env["survey.user_input.line"].create(
            [
                {
                    "user_input_id": user_input.id,
                    "question_id": question.id,
                    "answer_type": "scale",
                    "value_scale": score,
                }
                for question, score in zip(self.questions, scores, strict=True)
            ]
        )
        user_input.state = "done"

    def test_seeded_dimensions(self):
        names = self.env["customer.survey.dimension"].search([]).mapped("name")
        for name in ("Service Quality", "Package Price", "Company Evaluation"):
            self.assertIn(name, names)

    def test_invite_analyse_approve_distribute(self):
        campaign = self._campaign()
        campaign.action_invite()
        self.assertEqual(campaign.state, "running")
        self.assertEqual(campaign.invitation_count, 2)
        self.assertEqual(
            set(campaign.user_input_ids.partner_id.ids), set(self.files.partner_id.ids)
        )
        mails = self.env["mail.mail"].search([("model", "=", "survey.user_input")])
        self.assertEqual(set(mails.mapped("res_id")), set(campaign.user_input_ids.ids))
        # inviting again does not duplicate
        campaign.action_invite()
        self.assertEqual(campaign.invitation_count, 2)
        self._answer(campaign, self.customer, [5, 2, 4])
        self._answer(campaign, self.customer2, [3, 2, 4])
        campaign.invalidate_recordset()
        self.assertEqual(campaign.response_rate, 100.0)
        self.assertEqual(campaign.coverage, 100.0)
        campaign.action_compute_analysis()
        self.assertEqual(campaign.state, "analysed")
        service, price, company = campaign.line_ids.sorted(lambda line: line.dimension_id.id)
        self.assertEqual(service.average_score, 4.0)
        self.assertEqual(service.distribution, "3: 1 | 5: 1")
        self.assertFalse(service.below_target)
        self.assertEqual(price.average_score, 2.0)
        self.assertTrue(price.below_target)
        self.assertEqual(company.average_score, 4.0)
        self.assertAlmostEqual(campaign.overall_score, 20 / 6)
        self.assertTrue(campaign.below_target)
        # distribution before approval is impossible
        with self.assertRaises(UserError):
            campaign.action_distribute()
        with self.assertRaises(UserError):
            campaign.write({"state": "distributed"})
        # the general manager approves the analysis
        campaign.request_validation()
        with self.assertRaises(UserError):
            campaign.with_user(self.director).validate_tier()
        campaign.with_user(self.gm).validate_tier()
        self.assertEqual(campaign.state, "approved")
        # below target on price: a corrective action for the office
        actions = campaign.corrective_action_ids
        self.assertEqual(len(actions), 1)
        self.assertEqual(actions.dimension_id, price.dimension_id)
        self.assertEqual(actions.owner_id, self.office)
        campaign.action_distribute()
        self.assertEqual(campaign.state, "distributed")
        self.assertTrue(campaign.distribution_date)

    def test_comparison_with_last_year(self):
        last = self._campaign(year=date.today().year - 1)
        last.action_invite()
        self._answer(last, self.customer, [3, 3, 3])
        last.action_compute_analysis()
        last.request_validation()
        last.with_user(self.gm).validate_tier()
        current = self._campaign()
        current.action_invite()
        self._answer(current, self.customer, [5, 5, 5])
        current.action_compute_analysis()
        self.assertEqual(current.last_year_score, 3.0)
        self.assertEqual(current.line_ids.mapped("last_year_score"), [3.0, 3.0, 3.0])
        self.assertFalse(current.below_target)
        # coverage counts files answered this year: one of two
        self.assertEqual(current.coverage, 50.0)

    def test_scores_out_of_range_rejected(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.cr.savepoint():
            self._campaign(target=11.0)
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.cr.savepoint():
            self.env["customer.survey.dimension"].create({"name": "Bad", "target_score": -1})

    def test_keeper_cannot_run_campaigns(self):
        with self.assertRaises(AccessError):
            self.env["customer.survey.campaign"].with_user(self.keeper).search([])

    def test_corrective_action_needs_effectiveness_check(self):
        action = (
            self.env["customer.corrective.action"]
            .with_user(self.office)
            .create(
                {
                    "name": "Price perception",
                    "owner_id": self.keeper.id,
                    "deadline": date.today() + timedelta(days=30),
                }
            )
        )
        as_owner = action.with_user(self.keeper)
        as_owner.action_start()
        with self.assertRaises(UserError):
            as_owner.action_to_check()
        as_owner.write({"action_plan": "New package tiers"})
        as_owner.action_to_check()
        with self.assertRaises(UserError):
            as_owner.action_close()
        with self.assertRaises(UserError):
            as_owner.write({"state": "done"})
        as_owner.write({"effectiveness_check": "Complaints on price halved", "effective": True})
        as_owner.action_close()
        self.assertEqual(action.state, "done")
        self.assertEqual(action.checked_by_id, self.keeper)
        # another keeper does not see it
        self.assertFalse(self.env["customer.corrective.action"].with_user(self.keeper2).search([]))
