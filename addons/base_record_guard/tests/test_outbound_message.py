from datetime import timedelta

from odoo import fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from odoo.addons.base.tests.common import BaseCommon

from .common import register_test_models

SENDER_GROUP = "base.group_partner_manager"


class OutboundDocument(models.Model):
    _name = "test.outbound.document"
    _description = "Test document writing to its customer once approved"
    _inherit = ["mail.thread", "outbound.message.mixin"]
    _module = None
    _outbound_domain = [("state", "=", "approved")]
    _outbound_group = SENDER_GROUP

    name = fields.Char()
    state = fields.Selection([("draft", "Draft"), ("approved", "Approved")], default="draft")
    partner_id = fields.Many2one("res.partner")


class PlainDocument(models.Model):
    _name = "test.outbound.plain"
    _description = "Test document declaring nothing"
    _inherit = ["mail.thread"]
    _module = None

    name = fields.Char()


MODELS = (OutboundDocument, PlainDocument)


def post(doc, customer):
    doc.message_post(body="Hello", partner_ids=customer.ids, message_type="comment")


def post_from_chatter(doc, customer):
    # the chatter's route posts as sudo: the check is made as the real user all the same
    doc.sudo().message_post(
        body="Hello",
        partner_ids=customer.ids,
        message_type="comment",
        subtype_xmlid="mail.mt_comment",
    )


def post_to_follower(doc, customer):
    doc.message_subscribe(partner_ids=customer.ids)
    doc.message_post(body="Hello", message_type="comment", subtype_xmlid="mail.mt_comment")


def note_to_customer(doc, customer):
    doc.message_post(body="Psst", partner_ids=customer.ids, subtype_xmlid="mail.mt_note")


def post_to_email(doc, customer):
    doc.message_post(body="Hello", outgoing_email_to=customer.email, message_type="comment")


def post_later(doc, customer):
    doc.message_post(
        body="Hello",
        partner_ids=customer.ids,
        message_type="comment",
        scheduled_date=fields.Datetime.now() + timedelta(days=1),
    )


def notify(doc, customer):
    doc.message_notify(body="Hello", partner_ids=customer.ids)


def notify_by_model(doc, customer):
    doc.env["mail.thread"].message_notify(
        body="Hello", partner_ids=customer.ids, model=doc._name, res_id=doc.id
    )


def composer(mode):
    def send(doc, customer):
        values = {"body": "Hello", "partner_ids": customer.ids}
        if mode == "mass_mail":
            values["template_id"] = doc.env.ref("__test__.outbound_template").id
        doc.env["mail.compose.message"].with_context(
            default_composition_mode=mode, default_model=doc._name, default_res_ids=doc.ids
        ).create(values).action_send_mail()

    return send


def template_send_mail(doc, customer):
    doc.env.ref("__test__.outbound_template").send_mail(doc.id)


def template_post(doc, customer):
    doc.message_post_with_source(
        doc.env.ref("__test__.outbound_template"), subtype_xmlid="mail.mt_comment"
    )


def scheduled_message(doc, customer):
    scheduled = doc.env["mail.scheduled.message"].create(
        {
            "model": doc._name,
            "res_id": doc.id,
            "body": "Hello",
            "partner_ids": customer.ids,
            "author_id": doc.env.user.partner_id.id,
            "scheduled_date": fields.Datetime.now() + timedelta(hours=1),
        }
    )
    # what the scheduled job does: post as the message's author
    scheduled.sudo()._post_message()


def invite_follower(doc, customer):
    doc.env["mail.followers.edit"].create(
        {
            "res_model": doc._name,
            "res_ids": doc.ids,
            "partner_ids": customer.ids,
            "notify": True,
            "message": "Follow this",
        }
    ).edit_followers()


PATHS = {
    "message_post": post,
    "chatter (sudo)": post_from_chatter,
    "follower": post_to_follower,
    "note mentioning the customer": note_to_customer,
    "bare e-mail address": post_to_email,
    "scheduled_date": post_later,
    "message_notify": notify,
    "message_notify by model": notify_by_model,
    "composer comment": composer("comment"),
    "composer mass mail": composer("mass_mail"),
    "template send_mail": template_send_mail,
    "message_post_with_source": template_post,
    "mail.scheduled.message": scheduled_message,
    "followers invitation": invite_follower,
}


@tagged("post_install", "-at_install")
class TestOutboundMessage(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        register_test_models(cls, MODELS, perms="rwc")
        cls.sender = new_test_user(
            cls.env, login="obm_sender", groups=f"base.group_user,{SENDER_GROUP}"
        )
        cls.colleague = new_test_user(cls.env, login="obm_colleague", groups="base.group_user")
        cls.customer = cls.env["res.partner"].create(
            {"name": "Outside Customer", "email": "customer@example.com"}
        )
        template = cls.env["mail.template"].create(
            {
                "name": "Reply",
                "model_id": cls.env["ir.model"]._get_id(OutboundDocument._name),
                "subject": "Reply",
                "body_html": "<p>Hello</p>",
                "partner_to": "{{ object.partner_id.id }}",
            }
        )
        cls.env["ir.model.data"].create(
            {
                "module": "__test__",
                "name": "outbound_template",
                "model": "mail.template",
                "res_id": template.id,
            }
        )

    def _doc(self, state):
        return self.env[OutboundDocument._name].create(
            {"name": "Doc", "state": state, "partner_id": self.customer.id}
        )

    def _reached_customer(self, doc):
        """Whether anything was addressed to the customer from the document."""
        self.env.flush_all()
        mails = (
            self.env["mail.mail"]
            .sudo()
            .search([("model", "=", doc._name), ("res_id", "=", doc.id)])
        )
        messages = (
            self.env["mail.message"]
            .sudo()
            .search([("model", "=", doc._name), ("res_id", "=", doc.id)])
        )
        schedules = (
            self.env["mail.message.schedule"]
            .sudo()
            .search([("mail_message_id", "in", messages.ids)])
        )
        return bool(
            self.customer & (mails.recipient_ids | messages.notification_ids.res_partner_id)
            or any(self.customer.email in (m.email_to or "") for m in mails)
            or schedules
        )

    def test_every_path_before_approval_is_refused(self):
        for path, send in PATHS.items():
            if path == "note mentioning the customer":
                continue
            for user, error in ((self.sender, UserError), (self.colleague, AccessError)):
                with self.subTest(path=path, user=user.login):
                    doc = self._doc("draft").with_user(user)
                    with self.assertRaises(error) as caught:
                        send(doc, self.customer)
                    self.assertIn("outside the company", str(caught.exception))

    def test_a_note_mentioning_the_customer_is_refused_too(self):
        doc = self._doc("draft").with_user(self.sender)
        with self.assertRaises(UserError):
            note_to_customer(doc, self.customer)

    def test_every_path_after_approval_by_the_group(self):
        for path, send in PATHS.items():
            with self.subTest(path=path):
                doc = self._doc("approved").with_user(self.sender)
                send(doc, self.customer)
                self.assertTrue(self._reached_customer(doc), path)

    def test_every_path_after_approval_outside_the_group_is_refused(self):
        for path, send in PATHS.items():
            with self.subTest(path=path):
                doc = self._doc("approved").with_user(self.colleague)
                with self.assertRaises(AccessError):
                    send(doc, self.customer)

    def test_internal_messages_pass_before_approval(self):
        doc = self._doc("draft").with_user(self.colleague)
        doc.message_subscribe(partner_ids=self.sender.partner_id.ids)
        doc.message_post(body="Note", subtype_xmlid="mail.mt_note")
        doc.message_post(
            body="To a colleague", partner_ids=self.sender.partner_id.ids, message_type="comment"
        )
        # an outside follower does not get internal notes: nothing goes out, nothing refused
        doc.sudo().message_subscribe(partner_ids=self.customer.ids)
        doc.message_post(body="Note", subtype_xmlid="mail.mt_note")
        self.assertFalse(self._reached_customer(doc))

    def test_a_model_without_the_declaration_is_not_concerned(self):
        doc = self.env[PlainDocument._name].with_user(self.colleague).create({"name": "Plain"})
        doc.message_post(body="Hello", partner_ids=self.customer.ids, message_type="comment")
        self.assertIn(self.customer, doc.message_ids.notification_ids.res_partner_id)
