from collections import defaultdict

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResearchDossierWaiver(models.Model):
    _name = "research.dossier.waiver"
    _description = "Waiver of a Missing Mandatory Document"
    _inherit = ["workflow.fields.mixin", "input.guard.mixin", "record.lock.mixin"]
    _order = "id desc"
    _lock_parent = "dossier_id"
    _workflow_fields = ("user_id",)

    dossier_id = fields.Many2one("research.dossier", required=True, index=True, ondelete="cascade")
    type_id = fields.Many2one(
        "research.document.type", required=True, ondelete="restrict", string="Document Type"
    )
    reason = fields.Text(required=True)
    user_id = fields.Many2one(
        "res.users", string="Waived By", default=lambda self: self.env.user, readonly=True
    )

    _type_unique = models.UniqueIndex(
        "(dossier_id, type_id)", "This document is already waived for the dossier."
    )

    @api.constrains("type_id", "dossier_id", "reason")
    def _check_waiver(self):
        for waiver in self:
            if not (waiver.reason or "").strip():
                raise ValidationError(self.env._("A waiver needs a reason."))
            doc_type = waiver.type_id
            if not doc_type.mandatory or doc_type.category_id != waiver.dossier_id.category_id:
                raise ValidationError(
                    self.env._(
                        "Only a mandatory document of the dossier's category can be waived: "
                        "%(type)s",
                        type=doc_type.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        waivers = super().create(vals_list)
        for waiver in waivers:
            waiver.dossier_id.message_post(
                body=Markup("%s<br/>%s")
                % (
                    self.env._("Waiver recorded for %(type)s.", type=waiver.type_id.name),
                    escape(waiver.reason),
                ),
                subtype_xmlid="mail.mt_note",
            )
        return waivers

    def write(self, vals):  # pylint: disable=method-required-super
        # A waiver is a record of a decision: it is never edited, only replaced.
        raise ValidationError(
            self.env._("A waiver cannot be edited: delete it and record a new one.")
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_log_on_dossiers(self):
        self._log_on_dossiers(
            lambda w: self.env._("Waiver withdrawn for %(type)s.", type=w.type_id.name)
        )

    @api.private
    def _log_on_dossiers(self, body_for):
        """Keep waivers in the dossiers' history, one batch of log messages."""
        bodies = defaultdict(list)
        for waiver in self:
            bodies[waiver.dossier_id.id].append(body_for(waiver))
        self.dossier_id._message_log_batch(
            bodies={dossier_id: Markup("<br/>").join(parts) for dossier_id, parts in bodies.items()}
        )
