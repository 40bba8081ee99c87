from datetime import date, timedelta

from lxml import etree

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import USER, CustomerRecordsCommon


@tagged("post_install", "-at_install")
class TestComplaintProduction(CustomerRecordsCommon):
    """[CR-7] A quality complaint is handled jointly with the production department (篇二 7.2):
    its head is asked to act, reads the complaint and records his department's part only; the
    general manager approves a result that shows both parts."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._create_file(cls.customer)
        cls.handler = cls.keeper2
        cls.head = new_test_user(cls.env, login="cr_production_head", groups=USER)
        cls.production_dept.manager_id = cls.head
        cls.sales_head = new_test_user(cls.env, login="cr_sales_head", groups=USER)
        cls.sales_dept.manager_id = cls.sales_head
        cls.part_type = cls.env.ref("customer_records.mail_act_complaint_production_part")

    def _complaint(self, **vals):
        return (
            self.env["customer.complaint"]
            .with_user(self.handler)
            .create(
                dict(
                    {
                        "subject": "Stained table cloths",
                        "kind": "quality",
                        "partner_id": self.customer.id,
                        "department_id": self.sales_dept.id,
                        "description": "Yellow stains after the first wash",
                        "deadline": date.today() + timedelta(days=7),
                    },
                    **vals,
                )
            )
        )

    def _part_requests(self, complaint):
        return (
            self.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("res_model", "=", "customer.complaint"),
                    ("res_id", "=", complaint.id),
                    ("activity_type_id", "=", self.part_type.id),
                ]
            )
        )

    def _submitted(self):
        complaint = self._complaint()
        complaint.action_start_handling()
        complaint.write({"result": "Cloths replaced", "reply_text": "We apologise..."})
        complaint.with_user(self.head).write({"production_result": "Rinsing time extended"})
        complaint.request_validation()
        return complaint

    def test_head_is_asked_once(self):
        complaint = self._complaint()
        complaint.action_start_handling()
        complaint.action_start_handling()
        complaint._schedule_production_part_activities()
        request = self._part_requests(complaint)
        self.assertEqual(len(request), 1)
        self.assertEqual(request.user_id, self.head)
        self.assertEqual(request.date_deadline, complaint.deadline)
        self.assertIn(complaint.name, request.summary)
        # a service complaint asks nothing of production, until it turns out to be quality
        service = self._complaint(kind="service", deadline=False)
        self.assertFalse(self._part_requests(service))
        service.write({"kind": "quality"})
        self.assertEqual(self._part_requests(service).user_id, self.head)
        self.assertEqual(
            self._part_requests(service).date_deadline,
            date.today() + timedelta(days=self.part_type.delay_count),
        )

    def test_head_reads_and_records_the_part(self):
        complaint = self._complaint()
        complaint.action_start_handling()
        as_head = complaint.with_user(self.head)
        self.assertIn(complaint, self.env["customer.complaint"].with_user(self.head).search([]))
        self.assertEqual(as_head.description, "Yellow stains after the first wash")
        # and opens its form: every field of it, the reviews and corrective actions included
        views = as_head.get_views([(False, "form")])
        form_fields = views["models"]["customer.complaint"]["fields"]
        spec = {
            name: {"fields": {"display_name": {}}} if field["type"].endswith("2many") else {}
            for name, field in form_fields.items()
        }
        (values,) = as_head.web_read(spec)
        self.assertEqual(values["subject"], "Stained table cloths")
        as_head.write({"production_result": "Rinsing time extended"})
        self.assertEqual(complaint.production_result, "Rinsing time extended")
        self.assertFalse(self._part_requests(complaint), "the head's request is done")

    def test_head_writes_nothing_else(self):
        complaint = self._complaint()
        complaint.action_start_handling()
        as_head = complaint.with_user(self.head)
        for vals in (
            {"result": "Nothing to see"},
            {"reply_text": "Dear customer"},
            {"subject": "Something else"},
            {"kind": "service"},
            {"production_result": "Our part", "result": "And theirs"},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError) as caught:
                as_head.write(vals)
            self.assertIn("production department", str(caught.exception))
        with self.assertRaises(UserError):
            as_head.action_cancel()
        self.assertEqual(complaint.subject, "Stained table cloths")
        self.assertFalse(complaint.result or complaint.reply_text or complaint.production_result)
        self.assertEqual(complaint.state, "handling")

    def test_head_of_another_department_cannot_read(self):
        complaint = self._complaint()
        complaint.action_start_handling()
        self.assertNotIn(
            complaint, self.env["customer.complaint"].with_user(self.sales_head).search([])
        )
        with self.assertRaises(AccessError):
            complaint.with_user(self.sales_head).read(["subject"])
        service = self._complaint(kind="service")
        self.assertNotIn(service, self.env["customer.complaint"].with_user(self.head).search([]))

    def test_submission_needs_both_parts(self):
        complaint = self._complaint()
        complaint.action_start_handling()
        with self.assertRaises(UserError) as caught:
            complaint.request_validation()
        message = str(caught.exception)
        self.assertIn("handling result", message)
        self.assertIn("production department has not recorded its part", message)
        complaint.write({"result": "Cloths replaced"})
        with self.assertRaises(UserError) as caught:
            complaint.request_validation()
        self.assertNotIn("handling result", str(caught.exception))
        self.assertFalse(complaint.sudo().review_ids)
        self.assertEqual(complaint.validation_status, "no")
        complaint.with_user(self.head).write({"production_result": "Rinsing time extended"})
        complaint.request_validation()
        self.assertEqual(complaint.sudo().review_ids.status, "pending")

    def test_part_is_locked_once_approved(self):
        complaint = self._submitted()
        complaint.with_user(self.gm).validate_tier()
        self.assertEqual(complaint.state, "approved")
        for user in (self.head, self.handler, self.office, self.gm):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                complaint.with_user(user).write({"production_result": "Changed afterwards"})
        self.assertEqual(complaint.production_result, "Rinsing time extended")

    def test_general_manager_approves_both_parts(self):
        complaint = self._submitted()
        as_gm = complaint.with_user(self.gm)
        self.assertTrue(as_gm.can_review)
        self.assertEqual(
            (as_gm.result, as_gm.production_result),
            ("Cloths replaced", "Rinsing time extended"),
        )
        views = self.env["customer.complaint"].with_user(self.gm).get_views([(False, "form")])
        arch = etree.fromstring(views["views"]["form"]["arch"])
        (result,) = arch.xpath("//page[@name='result']//field[@name='result']")
        (production,) = arch.xpath("//page[@name='result']//field[@name='production_result']")
        self.assertFalse(result.get("invisible"))
        self.assertEqual(production.get("invisible"), "kind != 'quality'")

    def test_the_head_sees_only_his_part_as_editable(self):
        complaint = self._complaint()
        self.assertTrue(complaint.with_user(self.head).is_production_head_only)
        self.assertFalse(complaint.with_user(self.handler).is_production_head_only)
        arch = self.env["customer.complaint"].with_user(self.head).get_views([(False, "form")])
        form = etree.fromstring(arch["views"]["form"]["arch"])
        for name in ("subject", "kind", "department_id", "deadline", "result", "reply_text"):
            node = form.find(f".//sheet//field[@name='{name}']")
            self.assertIn("is_production_head_only", node.get("readonly", ""), name)
        node = form.find(".//sheet//field[@name='production_result']")
        self.assertNotIn("is_production_head_only", node.get("readonly", ""))
        for button in ("action_start_handling", "action_cancel"):
            node = form.find(f".//header/button[@name='{button}']")
            self.assertIn("is_production_head_only", node.get("invisible"), button)
