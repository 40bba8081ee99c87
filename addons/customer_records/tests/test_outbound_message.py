"""The complaint's outbound declaration [CR-7]: nothing reaches the customer before the
general manager approved the result, and only the office writes to the customer, by every
path (reply button, chatter, followers, composer, templates, scheduled mail)."""

from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from .common import CustomerRecordsCommon


def reply_button(complaint, customer):
    complaint.action_send_reply()


def chatter(complaint, customer):
    # the chatter's route posts as sudo on a thread the user may access
    complaint.sudo().message_post(
        body="Dear customer", partner_ids=customer.ids, message_type="comment"
    )


def message_post(complaint, customer):
    complaint.message_post(
        body="Dear customer",
        partner_ids=customer.ids,
        message_type="comment",
        subtype_xmlid="mail.mt_comment",
    )


def follower(complaint, customer):
    complaint.message_subscribe(partner_ids=customer.ids)
    complaint.message_post(
        body="Dear customer", message_type="comment", subtype_xmlid="mail.mt_comment"
    )


def composer(mode):
    def send(complaint, customer):
        values = {"body": "Dear customer", "partner_ids": customer.ids}
        if mode == "mass_mail":
            values["template_id"] = complaint.env.ref("__test__.complaint_reply").id
        complaint.env["mail.compose.message"].with_context(
            default_composition_mode=mode,
            default_model=complaint._name,
            default_res_ids=complaint.ids,
        ).create(values).action_send_mail()

    return send


def template_send_mail(complaint, customer):
    complaint.env.ref("__test__.complaint_reply").send_mail(complaint.id)


def template_post(complaint, customer):
    complaint.message_post_with_source(
        complaint.env.ref("__test__.complaint_reply"), subtype_xmlid="mail.mt_comment"
    )


def scheduled_date(complaint, customer):
    complaint.message_post(
        body="Dear customer",
        partner_ids=customer.ids,
        message_type="comment",
        scheduled_date=fields.Datetime.now() + timedelta(days=1),
    )


def scheduled_message(complaint, customer):
    scheduled = complaint.env["mail.scheduled.message"].create(
        {
            "model": complaint._name,
            "res_id": complaint.id,
            "body": "Dear customer",
            "partner_ids": customer.ids,
            "author_id": complaint.env.user.partner_id.id,
            "scheduled_date": fields.Datetime.now() + timedelta(hours=1),
        }
    )
    scheduled.sudo()._post_message()  # what the scheduled job does, as the author


PATHS = {
    "reply button": reply_button,
    "chatter": chatter,
    "message_post": message_post,
    "follower": follower,
    "composer": composer("comment"),
    "composer mass mail": composer("mass_mail"),
    "template send_mail": template_send_mail,
    "template posted": template_post,
    "scheduled_date": scheduled_date,
    "scheduled message": scheduled_message,
}


class ComplaintOutboundCommon(CustomerRecordsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer.email = "service@huadong.example.com"
        cls._create_file(cls.customer)
        template = cls.env["mail.template"].create(
            {
                "name": "Complaint reply",
                "model_id": cls.env["ir.model"]._get_id("customer.complaint"),
                "subject": "Your complaint",
                "body_html": "<p>Dear customer</p>",
                "partner_to": "{{ object.partner_id.id }}",
            }
        )
        cls.env["ir.model.data"].create(
            {
                "module": "__test__",
                "name": "complaint_reply",
                "model": "mail.template",
                "res_id": template.id,
            }
        )
        # the business department user who receives and handles the complaint
        cls.department_user = cls.keeper2

    def _complaint(self, approved):
        complaint = (
            self.env["customer.complaint"]
            .with_user(self.department_user)
            .create(
                {
                    "subject": "Late delivery",
                    "partner_id": self.customer.id,
                    "department_id": self.sales_dept.id,
                    "description": "Arrived five days late",
                    "result": "Carrier changed",
                    "reply_text": "We apologise.",
                }
            )
        )
        complaint.action_start_handling()
        complaint.request_validation()
        if approved:
            complaint.with_user(self.gm).validate_tier()
        return complaint.with_user(self.env.user)

    def _reached_customer(self, complaint):
        self.env.flush_all()
        messages = self.env["mail.message"].search(
            [("model", "=", complaint._name), ("res_id", "=", complaint.id)]
        )
        mails = self.env["mail.mail"].search(
            [("model", "=", complaint._name), ("res_id", "=", complaint.id)]
        )
        scheduled = self.env["mail.message.schedule"].search(
            [("mail_message_id", "in", messages.ids)]
        )
        return bool(
            self.customer & (messages.notification_ids.res_partner_id | mails.recipient_ids)
            or scheduled
        )


@tagged("post_install", "-at_install")
class TestComplaintOutbound(ComplaintOutboundCommon):
    def test_before_approval_nothing_reaches_the_customer(self):
        for path, send in PATHS.items():
            for user in (self.office, self.department_user, self.gm):
                with self.subTest(path=path, user=user.login):
                    complaint = self._complaint(approved=False)
                    with self.assertRaises(UserError):
                        send(complaint.with_user(user), self.customer)
                    self.assertFalse(self._reached_customer(complaint))
                    self.assertEqual(complaint.state, "handling")

    def test_after_approval_only_the_office_writes_to_the_customer(self):
        # the directors and the general manager belong to the office (implied group)
        for path, send in PATHS.items():
            with self.subTest(path=path, user=self.department_user.login):
                complaint = self._complaint(approved=True)
                with self.assertRaises(AccessError):
                    send(complaint.with_user(self.department_user), self.customer)
                self.assertFalse(self._reached_customer(complaint))
            for user in (self.office, self.gm):
                with self.subTest(path=path, user=user.login):
                    complaint = self._complaint(approved=True)
                    send(complaint.with_user(user), self.customer)
                    self.assertTrue(self._reached_customer(complaint))

    def test_internal_notes_stay_allowed_before_approval(self):
        complaint = self._complaint(approved=False)
        for user in (self.department_user, self.office):
            complaint.with_user(user).message_post(
                body="Called the carrier", subtype_xmlid="mail.mt_note"
            )
            complaint.with_user(user).message_post(
                body="Please check",
                partner_ids=self.gm.partner_id.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        self.assertFalse(self._reached_customer(complaint))


@tagged("post_install", "-at_install")
class TestComplaintOutboundHttp(HttpCase, ComplaintOutboundCommon):
    """The web client's chatter: /mail/message/post, as each role."""

    def _post(self, complaint, user):
        self.authenticate(user.login, user.login)
        return self.make_jsonrpc_request(
            "/mail/message/post",
            {
                "thread_model": complaint._name,
                "thread_id": complaint.id,
                "post_data": {
                    "body": "Dear customer",
                    "partner_ids": self.customer.ids,
                    "message_type": "comment",
                    "subtype_xmlid": "mail.mt_comment",
                },
            },
        )

    def test_chatter_route(self):
        for approved, user, error in (
            (False, self.office, "UserError"),
            (False, self.department_user, "AccessError"),
            (True, self.department_user, "AccessError"),
        ):
            with self.subTest(approved=approved, user=user.login):
                complaint = self._complaint(approved=approved)
                with mute_logger("odoo.http"), self.assertRaises(JsonRpcException) as caught:
                    self._post(complaint, user)
                self.assertIn(error, str(caught.exception))
                self.assertFalse(self._reached_customer(complaint))
        complaint = self._complaint(approved=True)
        self._post(complaint, self.office)
        self.assertTrue(self._reached_customer(complaint))
