from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import ValidationError

CARRIERS = [("text", "Text"), ("electronic", "Electronic"), ("audio_video", "Audio-video")]
COPY_KINDS = [("original", "Original"), ("photocopy", "Photocopy")]


class ResearchDocument(models.Model):
    _name = "research.document"
    _description = "Research Archive Document"
    _inherit = ["input.guard.mixin", "record.lock.mixin"]
    _order = "dossier_id, item_number, id"
    _lock_parent = "dossier_id"

    dossier_id = fields.Many2one("research.dossier", required=True, index=True, ondelete="cascade")
    item_number = fields.Integer(
        string="Item No.", copy=False, help="件號: the position of the item in the volume."
    )
    type_id = fields.Many2one(
        "research.document.type",
        string="Document Type",
        required=True,
        index=True,
        ondelete="restrict",
    )
    phase = fields.Selection(related="type_id.phase", store=True, index=True)
    name = fields.Char(string="Title", required=True)
    reference = fields.Char(
        string="Document No.", help="文號: the number its issuer gave the document."
    )
    date = fields.Date(index=True)
    responsible = fields.Char(string="Author / Responsible", help="責任者")
    carrier = fields.Selection(CARRIERS, required=True, default="text")
    page_count = fields.Integer(string="Pages / Items", default=1)
    copy_kind = fields.Selection(
        COPY_KINDS, string="Original or Copy", required=True, default="original"
    )
    original_holder = fields.Char(
        string="Holder of the Original", help="Who keeps the original when a photocopy is filed."
    )
    remarks = fields.Char()
    attachment_ids = fields.One2many(
        "ir.attachment",
        "res_id",
        domain=[("res_model", "=", "research.document")],
    )
    attachment_count = fields.Integer(compute="_compute_attachment_count", string="Files Count")
    state = fields.Selection(related="dossier_id.state", string="Dossier State")
    year = fields.Integer(related="dossier_id.year", store=True, string="Year")
    project_id = fields.Many2one(related="dossier_id.project_id", store=True, index=True)
    category_id = fields.Many2one(related="dossier_id.category_id", store=True)
    archive_number = fields.Char(related="dossier_id.archive_number", string="Archive Number")
    retention = fields.Selection(related="dossier_id.retention")
    classification = fields.Selection(related="dossier_id.classification")

    _item_unique = models.UniqueIndex(
        "(dossier_id, item_number)", "Two documents of a volume cannot share an item number."
    )
    _pages_positive = models.Constraint(
        "CHECK(page_count >= 0 AND page_count <= 100000)",
        "The page or item count must be between 0 and 100000.",
    )

    @api.onchange("type_id")
    def _onchange_item_number(self):
        """A line entered on the dossier form is numbered at once, after the others on screen."""
        if not self.item_number and self.dossier_id:
            others = self.dossier_id._documents_on_screen() - self
            self.item_number = max(others.mapped("item_number"), default=0) + 1

    @api.depends("attachment_ids")
    def _compute_attachment_count(self):
        counts = {}
        stored = self.filtered("id")
        if stored:
            counts = dict(
                self.env["ir.attachment"]._read_group(
                    [("res_model", "=", self._name), ("res_id", "in", stored.ids)],
                    ["res_id"],
                    ["__count"],
                )
            )
        for document in self:
            document.attachment_count = counts.get(document.id, 0)

    @api.constrains("copy_kind", "original_holder")
    def _check_original_holder(self):
        for document in self:
            if document.copy_kind == "photocopy" and not (document.original_holder or "").strip():
                raise ValidationError(
                    self.env._(
                        "%(title)s is a photocopy: record who keeps the original.",
                        title=document.name,
                    )
                )

    @api.constrains("type_id", "dossier_id")
    def _check_type_category(self):
        for document in self:
            type_category = document.type_id.category_id
            if type_category and type_category != document.dossier_id.category_id:
                raise ValidationError(
                    self.env._(
                        "The document type %(type)s belongs to the category %(category)s, "
                        "not to the category of the dossier.",
                        type=document.type_id.name,
                        category=type_category.name,
                    )
                )

    @api.constrains("name", "reference", "responsible", "remarks", "original_holder")
    def _check_text_length(self):
        for document in self:
            if any(
                len(document[f] or "") > 512
                for f in ("name", "reference", "responsible", "remarks", "original_holder")
            ):
                raise ValidationError(self.env._("A document text field is too long."))

    @api.model_create_multi
    def create(self, vals_list):
        self._check_known_types(vals_list)
        self._assign_item_numbers(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        self._check_known_types([vals])
        return super().write(vals)

    @api.model
    @api.private
    def _check_known_types(self, vals_list):
        dossier_ids = {v["dossier_id"] for v in vals_list if v.get("dossier_id")}
        if not all(isinstance(did, int) for did in dossier_ids) or len(
            self.env["research.dossier"].browse(dossier_ids).exists()
        ) != len(dossier_ids):
            raise ValidationError(self.env._("Unknown dossier."))
        type_ids = {v["type_id"] for v in vals_list if v.get("type_id")}
        if not all(isinstance(tid, int) for tid in type_ids):
            raise ValidationError(self.env._("The document type must be given by its id."))
        known = self.env["research.document.type"].browse(type_ids).exists()
        if len(known) != len(type_ids):
            raise ValidationError(
                self.env._(
                    "Unknown document type: %(ids)s",
                    ids=", ".join(str(i) for i in sorted(type_ids - set(known.ids))),
                )
            )

    @api.model
    @api.private
    def _assign_item_numbers(self, vals_list):
        """Number new items after the last item of their volume (one query per batch).

        A number proposed by the form (numbered on entry) is kept unless another item of
        the volume has it meanwhile: then the item goes to the end of the volume.
        """
        dossier_ids = {v["dossier_id"] for v in vals_list if v.get("dossier_id")}
        if not dossier_ids:
            return
        # numbering must see every item of the volume, whoever is adding one
        taken = defaultdict(set)
        for document in self.sudo().search_fetch(
            [("dossier_id", "in", list(dossier_ids))], ["dossier_id", "item_number"]
        ):
            taken[document.dossier_id.id].add(document.item_number)
        for vals in vals_list:
            if not (dossier_id := vals.get("dossier_id")):
                continue
            numbers = taken[dossier_id]
            if not vals.get("item_number") or vals["item_number"] in numbers:
                vals["item_number"] = max(numbers, default=0) + 1
            numbers.add(vals["item_number"])
