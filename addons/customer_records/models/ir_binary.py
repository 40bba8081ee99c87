from odoo import models


class IrBinary(models.AbstractModel):
    _inherit = "ir.binary"

    def _find_record(
        self, xmlid=None, res_model="ir.attachment", res_id=None, access_token=None, field=None
    ):
        record = super()._find_record(
            xmlid=xmlid,
            res_model=res_model,
            res_id=res_id,
            access_token=access_token,
            field=field,
        )
        if record._name == "ir.attachment":
            # The attachment was returned in sudo once access was checked; its
            # owner is only read to log the download of a customer file's document.
            attachment_sudo = record.sudo()
            if attachment_sudo.res_model == "customer.file" and attachment_sudo.res_id:
                self.env["customer.file"].browse(attachment_sudo.res_id)._log_file_access(
                    "attachment"
                )
        elif record._name == "customer.file":
            record.with_env(self.env)._log_file_access("attachment")
        return record
