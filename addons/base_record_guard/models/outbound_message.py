"""Outbound messages: when a message may leave the company from a document, and by whom.

A model inheriting ``outbound.message.mixin`` declares:

- ``_outbound_domain``: the records from which a message may go outside the company (a
  complaint: once its result is approved); ``None`` for every record;
- ``_outbound_group``: the xmlid of the only group whose members send such messages.

Outside the company is every recipient who is not an internal user: a partner without a user
of base.group_user (``partner_share``), and every bare e-mail address (``email_to``,
``email_cc``, ``outgoing_email_to``), which may be anybody's. Internal notes reach internal
users only and pass.

Each path is checked at one of two chokepoints and REFUSED with an error, nothing dropped:

- ``mail.thread._notify_get_recipients``: every notification of a message computes its
  recipients there, followers included: ``message_post`` (ORM and chatter), the composer in
  comment mode, templates posted by ``message_post_with_source``, ``message_notify`` (with a
  record or a model and id), the followers' invitation, scheduled messages
  (``mail.scheduled.message``, posted as their author), and notifications delayed by
  ``scheduled_date`` (checked when the message is posted, before it is queued);
- ``mail.mail`` creation on a document: e-mails sent without notifying a message (a template's
  ``send_mail``, the composer in mass-mail mode, ``message_mail_with_source``).

The check is made as the real user, also under ``sudo()`` (the chatter posts as sudo); only
the superuser (the scheduled jobs sending what a user already posted) passes. A model without
the mixin pays one class test per notification.
"""

from odoo import api, models
from odoo.exceptions import AccessError, UserError


class OutboundMessageMixin(models.AbstractModel):
    _name = "outbound.message.mixin"
    _description = "Outbound Messages"

    # Records from which a message may go outside the company; None: all of them.
    _outbound_domain = None
    # Xmlid of the group whose members alone send messages outside the company.
    _outbound_group = None

    @api.private
    def _check_outbound_message(self):
        """Refuse a message from these records to a recipient outside the company."""
        if self.env.user._is_superuser():
            return
        model = self.env["ir.model"]._get(self._name).display_name
        if self._outbound_group and not self.env.user.has_group(self._outbound_group):
            raise AccessError(
                self.env._(
                    "%(model)s: only %(group)s may send a message to a recipient outside the "
                    "company.",
                    model=model,
                    group=self.env.ref(self._outbound_group).display_name,
                )
            )
        if self._outbound_domain is not None:
            # sudo: the stage of the document decides, whoever posts; nothing of it is shown
            if self - self.sudo().filtered_domain(self._outbound_domain):
                raise UserError(
                    self.env._(
                        "%(model)s: no message may go to a recipient outside the company at "
                        "this stage. Remove the external recipients and followers, or log an "
                        "internal note.",
                        model=model,
                    )
                )


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    def _notify_get_recipients(self, message, msg_vals=False, **kwargs):
        recipients_data = super()._notify_get_recipients(message, msg_vals=msg_vals, **kwargs)
        thread = self
        if not thread and msg_vals and msg_vals.get("model") in self.env:
            # message_notify called on mail.thread for a model and an id
            thread = self.env[msg_vals["model"]].browse(msg_vals.get("res_id"))
        if isinstance(thread, self.pool["outbound.message.mixin"]) and any(
            recipient["share"] for recipient in recipients_data
        ):
            thread._check_outbound_message()
        return recipients_data


class MailMail(models.Model):
    _inherit = "mail.mail"

    @api.model_create_multi
    def create(self, vals_list):
        mixin = self.pool["outbound.message.mixin"]
        guarded = [
            vals
            for vals in vals_list
            if vals.get("res_id")
            and vals.get("model") in self.pool
            and issubclass(self.pool[vals["model"]], mixin)
        ]
        if guarded:
            self._check_outbound_mails(guarded)
        return super().create(vals_list)

    @api.model
    @api.private
    def _check_outbound_mails(self, vals_list):
        """Check the e-mails written on guarded documents that have outside recipients."""
        recipients = [
            set(self._outbound_partner_ids(vals.get("recipient_ids"))) for vals in vals_list
        ]
        # sudo: whether a recipient is internal, not anything the user would see
        partners_sudo = self.env["res.partner"].sudo().browse(set().union(*recipients))
        outsiders = set(partners_sudo.filtered("partner_share").ids)
        for vals, partner_ids in zip(vals_list, recipients, strict=True):
            if vals.get("email_to") or vals.get("email_cc") or outsiders & partner_ids:
                self.env[vals["model"]].browse(vals["res_id"])._check_outbound_message()

    @api.model
    @api.private
    def _outbound_partner_ids(self, commands):
        """Partner ids of a recipient_ids value (link and set commands, or ids)."""
        for command in commands or ():
            if isinstance(command, int):
                yield command
            elif command[0] == 4:
                yield command[1]
            elif command[0] == 6:
                yield from command[2]
