from odoo import api, fields, models


class CustomerFileLinkMixin(models.AbstractModel):
    """Records kept in a customer's file (visits, complaints): the file is
    found from the customer, also by staff who may not open the file."""

    _name = "customer.file.link.mixin"
    _description = "Link to the Customer File"
    _inherit = ["input.guard.mixin"]

    partner_id = fields.Many2one("res.partner", string="Customer", required=True, index=True)
    file_id = fields.Many2one(
        "customer.file",
        string="Customer File",
        compute="_compute_file_id",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        ondelete="set null",
    )

    @api.depends("partner_id")
    def _compute_file_id(self):
        # The office records visits and complaints for customers whose file it
        # may not open: only the link is looked up, nothing is read from it.
        file_sudo = self.env["customer.file"].sudo().with_context(active_test=False)
        files = file_sudo.search([("partner_id", "in", self.partner_id.ids)])
        file_by_partner = {f.partner_id.id: f.id for f in files}
        for record in self:
            record.file_id = file_by_partner.get(record.partner_id.id, False)
