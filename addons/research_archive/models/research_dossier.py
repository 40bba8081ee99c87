import hashlib
from collections import defaultdict
from datetime import date

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import SQL

from .research_document_type import PHASES, RETENTIONS

CLASSIFICATIONS = [
    ("public", "Public"),
    ("internal", "Internal"),
    ("confidential", "Confidential"),
]
RETENTION_YEARS = {"Y": None, "D30": 30, "D10": 10}
# fields that make up the archive number: frozen once a number is assigned
NUMBER_KEY_FIELDS = {"category_id", "year", "retention", "company_id"}
COMPLETENESS_FIELDS = ("missing_count", "completeness_rate", "is_complete")
# what the missing mandatory types, and so the completeness, depend on
MISSING_TYPES_DEPENDS = (
    "category_id",
    "document_ids.type_id",
    "document_early_ids.type_id",
    "document_middle_ids.type_id",
    "document_late_ids.type_id",
    "waiver_ids.type_id",
)


class ResearchDossier(models.Model):
    _name = "research.dossier"
    _description = "Research Dossier"
    _inherit = [
        "workflow.fields.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "input.guard.mixin",
        "record.lock.mixin",
    ]
    _order = "year desc, id desc"
    # sealed: nothing about an archived dossier changes, its documents, files and messages
    _lock_domain = [("state", "=", "archived")]
    _workflow_fields = (
        "state",
        "archive_number",
        "archive_date",
        "archived_by_id",
        "reopen_count",
        "retention_expiry_date",
        *COMPLETENESS_FIELDS,
    )
    _rec_names_search = ["name", "archive_number", "project_id.code"]

    name = fields.Char(string="Title", required=True, tracking=True)
    project_id = fields.Many2one(
        "research.project", string="Research Project", index=True, ondelete="restrict"
    )
    project_lead_id = fields.Many2one(related="project_id.lead_id", string="Project Lead")
    project_member_ids = fields.Many2many(related="project_id.member_ids", string="Members")
    category_id = fields.Many2one(
        "research.dossier.category",
        required=True,
        index=True,
        ondelete="restrict",
        default=lambda self: self.env.ref(
            "research_archive.dossier_category_project", raise_if_not_found=False
        ),
        tracking=True,
    )
    is_project_dossier = fields.Boolean(
        related="category_id.is_project", store=True, string="Is Project Dossier"
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        tracking=True,
        index=True,
        help="立卷人: the person who compiles the volume.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    year = fields.Integer(
        required=True,
        default=lambda self: fields.Date.context_today(self).year,
        tracking=True,
        index=True,
    )
    retention = fields.Selection(
        RETENTIONS, string="Retention Period", required=True, default="Y", tracking=True
    )
    classification = fields.Selection(
        CLASSIFICATIONS,
        required=True,
        default="internal",
        tracking=True,
        index=True,
    )
    state = fields.Selection(
        [("draft", "Draft"), ("submitted", "Submitted"), ("archived", "Archived")],
        default="draft",
        required=True,
        tracking=True,
        index=True,
        copy=False,
        group_expand=True,
    )
    archive_number = fields.Char()
    archive_date = fields.Date(readonly=True, copy=False)
    archived_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    reopen_count = fields.Integer(readonly=True, copy=False)
    retention_expiry_date = fields.Date(
        string="Retention Expiry", compute="_compute_retention_expiry_date", store=True
    )
    remarks = fields.Text(help="備考: notes printed on the remarks sheet.")

    document_ids = fields.One2many("research.document", "dossier_id", string="Documents")
    document_early_ids = fields.One2many(
        "research.document",
        "dossier_id",
        string="Early-phase Documents",
        domain=[("phase", "=", "early")],
    )
    document_middle_ids = fields.One2many(
        "research.document",
        "dossier_id",
        string="Middle-phase Documents",
        domain=[("phase", "=", "middle")],
    )
    document_late_ids = fields.One2many(
        "research.document",
        "dossier_id",
        string="Late-phase Documents",
        domain=[("phase", "=", "late")],
    )
    waiver_ids = fields.One2many("research.dossier.waiver", "dossier_id", string="Waivers")
    waived_type_ids = fields.Many2many(
        "research.document.type", string="Waived Documents", compute="_compute_waived_type_ids"
    )
    checksum_ids = fields.One2many("research.file.checksum", "dossier_id", string="File Checksums")

    missing_type_ids = fields.Many2many(
        "research.document.type", string="Missing Documents", compute="_compute_missing_types"
    )
    missing_count = fields.Integer(
        string="Missing Mandatory Documents", compute="_compute_completeness", store=True
    )
    completeness_rate = fields.Float(
        string="Completeness (%)", compute="_compute_completeness", store=True, aggregator="avg"
    )
    is_complete = fields.Boolean(
        string="Complete", compute="_compute_completeness", store=True, index=True
    )
    missing_early_ids = fields.Many2many(
        "research.document.type",
        string="Missing (early phase)",
        compute="_compute_missing_types",
        search="_search_missing_early_ids",
    )
    missing_middle_ids = fields.Many2many(
        "research.document.type",
        string="Missing (middle phase)",
        compute="_compute_missing_types",
        search="_search_missing_middle_ids",
    )
    missing_late_ids = fields.Many2many(
        "research.document.type",
        string="Missing (late phase)",
        compute="_compute_missing_types",
        search="_search_missing_late_ids",
    )
    document_count = fields.Integer(compute="_compute_document_stats", string="Items")
    page_total = fields.Integer(compute="_compute_document_stats", string="Total Pages")
    date_first = fields.Date(compute="_compute_document_stats", string="From")
    date_last = fields.Date(compute="_compute_document_stats", string="To")

    _archive_number_unique = models.UniqueIndex(
        "(archive_number) WHERE archive_number IS NOT NULL",
        "This archive number is already used by another dossier.",
    )
    _one_dossier_per_project = models.UniqueIndex(
        "(project_id) WHERE project_id IS NOT NULL AND is_project_dossier",
        "A research project has exactly one project dossier.",
    )
    _year_range = models.Constraint(
        "CHECK(year BETWEEN 1900 AND 2999)", "The dossier year must be between 1900 and 2999."
    )
    _archived_has_number = models.Constraint(
        "CHECK(state != 'archived' OR archive_number IS NOT NULL)",
        "An archived dossier must have an archive number.",
    )

    # ------------------------------------------------------------------
    # computes
    # ------------------------------------------------------------------
    @api.depends("year", "retention")
    def _compute_retention_expiry_date(self):
        # as in Chinese archive practice (GB/T 18894, DA/T 22), a retention period runs
        # from 1 January of the year after the dossier's year, not from its archiving
        for dossier in self:
            years = RETENTION_YEARS.get(dossier.retention)
            dossier.retention_expiry_date = (
                date(dossier.year + 1 + years, 1, 1) if years and dossier.year else False
            )

    @api.private
    def _get_mandatory_types(self):
        """Mandatory types of the dossiers' categories, in catalogue order, in one query.

        Completeness must not depend on who looks or who triggers a stored
        recompute (a member adding a document, a manager editing a type), so
        the catalogue, documents and waivers are read without record rules.
        All the types' fields are fetched at once: the missing types shown
        next (names, tags) are then read from the cache.
        """
        return (
            self.env["research.document.type"]
            .sudo()
            .search_fetch([("mandatory", "=", True), ("category_id", "in", self.category_id.ids)])
        )

    @api.private
    def _get_present_type_ids(self, type_ids):
        """{dossier id: ids among `type_ids` filed or waived}, one query per model.

        Only the mandatory types are aggregated, and each once per dossier: a
        dossier of fifty items sends back at most its few mandatory types.
        """
        stored = self.filtered("id")
        present = defaultdict(set)
        if stored and type_ids:
            domain = [("dossier_id", "in", stored.ids), ("type_id", "in", type_ids)]
            for model in ("research.document", "research.dossier.waiver"):
                for dossier, doc_type_ids in (
                    self.env[model]
                    .sudo()
                    ._read_group(domain, ["dossier_id"], ["type_id:array_agg_distinct"])
                ):
                    present[dossier.id].update(doc_type_ids)
        for dossier in self - stored:
            present[dossier.id].update(dossier._documents_on_screen().type_id.ids)
            present[dossier.id].update(dossier.waiver_ids.type_id.ids)
        return present

    @api.private
    def _get_missing_type_ids(self):
        """Missing mandatory types of the whole recordset in a constant number of queries.

        Returns ({dossier id: missing type ids}, {dossier id: mandatory type ids}),
        ids in catalogue order, and the mandatory types read (sudo).
        """
        mandatory_sudo = self._get_mandatory_types()
        required_by_category = defaultdict(list)
        for doc_type in mandatory_sudo:
            required_by_category[doc_type.category_id.id].append(doc_type.id)
        present = self._get_present_type_ids(mandatory_sudo.ids)
        missing, required = {}, {}
        for dossier in self:
            required[dossier.id] = required_by_category[dossier.category_id.id]
            filed = present[dossier.id]
            missing[dossier.id] = [tid for tid in required[dossier.id] if tid not in filed]
        return missing, required, mandatory_sudo

    @api.depends(*MISSING_TYPES_DEPENDS)
    def _compute_completeness(self):
        # With the stored figures in cache, a dossier whose figures do not change
        # is not written back: a catalogue change recomputes every open dossier,
        # and most of them keep their figures.
        self.filtered("id").flush_recordset(COMPLETENESS_FIELDS)
        self.fetch(["category_id", *COMPLETENESS_FIELDS])
        missing, required, __ = self._get_missing_type_ids()
        # many dossiers share the same figures: assign them group by group
        # rather than field by field on each dossier
        ids_by_figures = defaultdict(list)
        for dossier_id, missing_ids in missing.items():
            count, total = len(missing_ids), len(required[dossier_id])
            rate = 100.0 * (total - count) / total if total else 100.0
            ids_by_figures[count, rate, not count].append(dossier_id)
        self._store_completeness(ids_by_figures)
        for (count, rate, complete), dossier_ids in ids_by_figures.items():
            dossiers = self.browse(dossier_ids)
            dossiers.missing_count = count
            dossiers.completeness_rate = rate
            dossiers.is_complete = complete

    @api.private
    def _store_completeness(self, ids_by_figures):
        """Write the changed figures of stored dossiers in one UPDATE; cache them clean.

        ``ids_by_figures`` maps (missing_count, completeness_rate, is_complete) to
        dossier ids. Left to the flush, recomputed figures are written in UPDATE
        batches of 100 rows: ten queries per 1,000 dossiers. Here they are written
        in one statement, and the cache then holds the stored values, so the
        assignment that follows in the compute finds nothing left to flush.
        """
        changed = {}
        for figures, dossier_ids in ids_by_figures.items():
            for dossier in self.browse(dossier_ids).filtered("id"):
                if tuple(dossier[fname] for fname in COMPLETENESS_FIELDS) != figures:
                    changed[dossier.id] = figures
        if not changed:
            return
        counts, rates, completes = zip(*changed.values(), strict=True)
        self.env.execute_query(
            SQL(
                """UPDATE %(table)s AS dossier
                      SET missing_count = figures.missing_count,
                          completeness_rate = figures.completeness_rate,
                          is_complete = figures.is_complete,
                          write_uid = %(uid)s, write_date = %(now)s
                     FROM unnest(%(ids)s::int[], %(counts)s::int[], %(rates)s::float8[],
                                 %(completes)s::bool[])
                          AS figures(id, missing_count, completeness_rate, is_complete)
                    WHERE dossier.id = figures.id""",
                table=SQL.identifier(self._table),
                uid=self.env.uid,
                now=self.env.cr.now(),
                ids=list(changed),
                counts=list(counts),
                rates=list(rates),
                completes=list(completes),
            )
        )
        for figures, dossier_ids in ids_by_figures.items():
            dossiers = self.browse(id_ for id_ in dossier_ids if id_ in changed)
            for fname, value in zip(COMPLETENESS_FIELDS, figures, strict=True):
                self._fields[fname]._update_cache(dossiers, value)

    @api.depends(*MISSING_TYPES_DEPENDS)
    def _compute_missing_types(self):
        missing, __, mandatory_sudo = self._get_missing_type_ids()
        phase_of = {doc_type.id: doc_type.phase for doc_type in mandatory_sudo}
        types = self.env["research.document.type"]
        for dossier in self:
            by_phase = defaultdict(list)
            for type_id in missing[dossier.id]:
                by_phase[phase_of[type_id]].append(type_id)
            dossier.missing_type_ids = types.browse(missing[dossier.id])
            for phase, __ in PHASES:
                dossier[f"missing_{phase}_ids"] = types.browse(by_phase[phase])

    def _search_missing_early_ids(self, operator, value):
        return self._search_missing_in_phase("early", operator, value)

    def _search_missing_middle_ids(self, operator, value):
        return self._search_missing_in_phase("middle", operator, value)

    def _search_missing_late_ids(self, operator, value):
        return self._search_missing_in_phase("late", operator, value)

    @api.private
    def _search_missing_in_phase(self, phase, operator, value):
        """Dossiers by the mandatory types they miss in ``phase`` (dashboard filters).

        Only incomplete dossiers can miss a type: they are read with the searching
        user's rules and their missing types computed in a constant number of queries.
        """
        if operator not in ("in", "not in"):
            return NotImplemented
        wanted = {type_id for type_id in value if type_id}
        incomplete = self.search([("is_complete", "=", False)])
        missing, __, mandatory_sudo = incomplete._get_missing_type_ids()
        in_phase = set(mandatory_sudo.filtered(lambda t: t.phase == phase).ids)
        missing_any, missing_wanted = [], []
        for dossier_id, type_ids in missing.items():
            phase_missing = in_phase.intersection(type_ids)
            if phase_missing:
                missing_any.append(dossier_id)
            if phase_missing & wanted:
                missing_wanted.append(dossier_id)
        if False in value:
            # "nothing missing in the phase" or "missing one of the wanted types"
            matching = Domain("id", "not in", sorted(set(missing_any) - set(missing_wanted)))
        else:
            matching = Domain("id", "in", missing_wanted)
        return matching if operator == "in" else ~matching

    @api.depends("waiver_ids.type_id")
    def _compute_waived_type_ids(self):
        for dossier in self:
            dossier.waived_type_ids = dossier.waiver_ids.type_id

    @api.onchange("document_ids", "document_early_ids", "document_middle_ids", "document_late_ids")
    def _onchange_number_new_items(self):
        """A new line gets its item number as it is entered, after the last one on screen."""
        documents = self._documents_on_screen()
        new = documents.filtered(lambda d: not d._origin)
        taken = set((documents - new).mapped("item_number"))
        for document in new:
            if not document.item_number or document.item_number in taken:
                document.item_number = max(taken, default=0) + 1
            taken.add(document.item_number)

    @api.private
    def _documents_on_screen(self):
        """Documents of a dossier being edited: the phase tabs hold the new lines."""
        self.ensure_one()
        return (
            self.document_ids
            | self.document_early_ids
            | self.document_middle_ids
            | self.document_late_ids
        )

    @api.depends(
        "document_ids.page_count",
        "document_ids.date",
        "document_early_ids.page_count",
        "document_middle_ids.page_count",
        "document_late_ids.page_count",
    )
    def _compute_document_stats(self):
        stats = {}
        stored = self.filtered("id")
        if stored:
            for dossier, count, pages, first, last in self.env["research.document"]._read_group(
                [("dossier_id", "in", stored.ids)],
                ["dossier_id"],
                ["__count", "page_count:sum", "date:min", "date:max"],
            ):
                stats[dossier.id] = (count, pages, first, last)
        for dossier in self - stored:
            # a form being edited: count what is on screen
            documents = dossier._documents_on_screen()
            dates = [d for d in documents.mapped("date") if d]
            stats[dossier.id] = (
                len(documents),
                sum(documents.mapped("page_count")),
                min(dates, default=False),
                max(dates, default=False),
            )
        for dossier in self:
            count, pages, first, last = stats.get(dossier.id, (0, 0, False, False))
            dossier.document_count = count
            dossier.page_total = pages
            dossier.date_first = first
            dossier.date_last = last

    @api.model
    @api.private
    def _mark_completeness_to_recompute(self, dossiers):
        for fname in COMPLETENESS_FIELDS:
            self.env.add_to_compute(self._fields[fname], dossiers)

    # ------------------------------------------------------------------
    # constraints and CRUD
    # ------------------------------------------------------------------
    @api.constrains("project_id", "category_id")
    def _check_project(self):
        for dossier in self:
            if dossier.is_project_dossier and not dossier.project_id:
                raise ValidationError(
                    self.env._(
                        "The project dossier %(name)s must belong to a research project.",
                        name=dossier.name,
                    )
                )

    @api.constrains("name", "remarks")
    def _check_text_length(self):
        for dossier in self:
            if len(dossier.name or "") > 256 or len(dossier.remarks or "") > 10000:
                raise ValidationError(self.env._("The dossier title or remarks are too long."))

    @api.model_create_multi
    def create(self, vals_list):
        self._check_no_duplicate_project_dossier(vals_list)
        return super().create(vals_list)

    @api.model
    @api.private
    def _check_no_duplicate_project_dossier(self, vals_list):
        default_category = self.default_get(["category_id"]).get("category_id")
        categories = self.env["research.dossier.category"].browse(
            {vals.get("category_id", default_category) for vals in vals_list} - {None, False}
        )
        project_categories = categories.filtered("is_project").ids
        project_ids = [
            vals["project_id"]
            for vals in vals_list
            if vals.get("project_id")
            and vals.get("category_id", default_category) in project_categories
        ]
        if not project_ids:
            return
        # the existing dossier may be confidential and hidden from the user: the
        # uniqueness is checked on every dossier, only the project name is shown
        existing_sudo = self.sudo().search(
            [("project_id", "in", project_ids), ("is_project_dossier", "=", True)]
        )
        duplicates = existing_sudo.project_id.ids + [
            pid for pid in set(project_ids) if project_ids.count(pid) > 1
        ]
        if duplicates:
            # the projects are named only to whoever may read them (link_guard)
            projects = self.env["research.project"].browse(set(duplicates))
            readable = projects._filtered_access("read")
            if projects - readable:
                raise ValidationError(
                    self.env._("One project, one dossier: this project already has its dossier.")
                )
            raise ValidationError(
                self.env._(
                    "One project, one dossier: %(projects)s already has its project dossier.",
                    projects=", ".join(readable.mapped("name")),
                )
            )

    def write(self, vals):
        if not self._in_workflow():
            if NUMBER_KEY_FIELDS & set(vals) and any(d.archive_number for d in self):
                raise UserError(
                    self.env._(
                        "The category, year, retention and company of a numbered dossier "
                        "cannot change: they make up its archive number."
                    )
                )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_numbered(self):
        if any(d.state == "archived" or d.archive_number for d in self):
            raise UserError(self.env._("A dossier that has an archive number cannot be deleted."))

    # ------------------------------------------------------------------
    # workflow
    # ------------------------------------------------------------------
    @api.private
    def _check_group(self, xmlid):
        if not self.env.user.has_group(xmlid):
            group = self.env.ref(xmlid)
            raise AccessError(
                self.env._("Only members of the group %(group)s can do this.", group=group.name)
            )

    def action_submit(self):
        """Hand the dossier in to the archive room (结题上交, whole or by stage)."""
        for dossier in self:
            if dossier.state != "draft":
                raise UserError(
                    self.env._("Only a draft dossier can be handed in: %(name)s", name=dossier.name)
                )
        self.check_access("write")
        self._workflow().write({"state": "submitted"})
        incomplete = self.filtered("missing_count")
        if not incomplete:
            return True
        # handing in by stage is allowed; the missing documents are said at once
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "warning",
                "sticky": True,
                "title": self.env._("Handed in, but incomplete"),
                "message": "\n".join(
                    self.env._(
                        "%(name)s still lacks: %(types)s. The archive room seals it once "
                        "every mandatory document is filed or waived.",
                        name=dossier.name,
                        types=", ".join(dossier.missing_type_ids.mapped("name")),
                    )
                    for dossier in incomplete
                ),
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    def action_reset_draft(self):
        self._check_group("research_archive.group_research_archive_room")
        if any(d.state != "submitted" for d in self):
            raise UserError(self.env._("Only a submitted dossier can be sent back to draft."))
        self._workflow().write({"state": "draft"})

    def action_accept_archive(self):
        """The archive room accepts the dossier: number, fingerprints, seal."""
        self._check_group("research_archive.group_research_archive_room")
        problems = []
        for dossier in self:
            if dossier.state != "submitted":
                problems.append(self.env._("%(name)s has not been handed in.", name=dossier.name))
            elif dossier.missing_count:
                problems.append(
                    self.env._(
                        "%(name)s is missing mandatory documents: %(types)s",
                        name=dossier.name,
                        types=", ".join(dossier.missing_type_ids.mapped("name")),
                    )
                )
        if problems:
            raise UserError(
                self.env._(
                    "These dossiers cannot be archived:\n%(problems)s",
                    problems="\n".join(problems),
                )
            )
        self.sorted("id")._do_archive()

    @api.private
    def _do_archive(self):
        today = fields.Date.context_today(self)
        numbering = self.env["research.archive.numbering"]
        workflow_self = self._workflow()
        workflow_self.checksum_ids.unlink()
        workflow_self._record_checksums()
        for dossier in workflow_self:
            number = dossier.archive_number or numbering._get_rule(dossier.company_id)._next_number(
                dossier.category_id, dossier.year, dossier.retention
            )
            dossier.write(
                {
                    "state": "archived",
                    "archive_number": number,
                    "archive_date": today,
                    "archived_by_id": self.env.uid,
                }
            )
        workflow_self._message_log_batch(
            bodies={
                dossier.id: self.env._(
                    "Archived as %(number)s; SHA-256 recorded for %(count)s file(s).",
                    number=dossier.archive_number,
                    count=len(dossier.checksum_ids),
                )
                for dossier in workflow_self
            }
        )

    @api.private
    def _get_sealed_attachments(self):
        """Files of the dossiers and of their documents, in one query."""
        return self.env["ir.attachment"].search(
            [
                "|",
                "&",
                ("res_model", "=", "research.dossier"),
                ("res_id", "in", self.ids),
                "&",
                ("res_model", "=", "research.document"),
                ("res_id", "in", self.document_ids.ids),
            ],
            order="id",
        )

    @api.private
    def _record_checksums(self):
        attachments = self._get_sealed_attachments()
        documents = self.document_ids.grouped("id")
        vals_list = []
        for attachment in attachments:
            if attachment.res_model == "research.document":
                document = documents[attachment.res_id]
                dossier_id = document.dossier_id.id
            else:
                document = self.env["research.document"]
                dossier_id = attachment.res_id
            vals_list.append(
                {
                    "dossier_id": dossier_id,
                    "document_id": document.id,
                    "attachment_id": attachment.id,
                    "name": attachment.name,
                    "sha256": hashlib.sha256(attachment.raw or b"").hexdigest(),
                }
            )
        return self.env["research.file.checksum"].create(vals_list)

    def action_open_reopen_wizard(self):
        self._check_group("research_archive.group_research_archive_manager")
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reopen Dossier"),
            "res_model": "research.dossier.reopen.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_dossier_ids": self.ids},
        }

    def action_reopen(self, reason):
        """Reopen archived dossiers with a reason (archive manager; also for API clients)."""
        self._do_reopen(reason)
        return True

    @api.private
    def _do_reopen(self, reason):
        self._check_group("research_archive.group_research_archive_manager")
        reason = reason.strip() if isinstance(reason, str) else ""
        if not reason:
            raise UserError(self.env._("A reason is required to reopen an archived dossier."))
        if any(d.state != "archived" for d in self):
            raise UserError(self.env._("Only an archived dossier can be reopened."))
        workflow_self = self._workflow()
        for dossier in workflow_self:
            dossier.write({"state": "submitted", "reopen_count": dossier.reopen_count + 1})
        workflow_self._message_log_batch(
            bodies={
                dossier.id: self.env._(
                    "Reopened by %(user)s. Reason: %(reason)s",
                    user=self.env.user.name,
                    reason=reason,
                )
                for dossier in workflow_self
            }
        )

    def action_open_waiver(self):
        self.ensure_one()
        self._check_group("research_archive.group_research_archive_manager")
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Waive Missing Documents"),
            "res_model": "research.dossier.waive.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_dossier_id": self.id},
        }

    @api.private
    def _verify_integrity(self):
        """Recompute SHA-256 of every fingerprinted file; list the files that changed."""
        checksums = self.checksum_ids
        attachments = checksums.attachment_id.exists()
        attachments.invalidate_recordset(["raw", "datas", "store_fname", "db_datas"])
        problems = []
        for checksum in checksums:
            attachment = checksum.attachment_id
            if not attachment or attachment not in attachments:
                problems.append({"checksum": checksum, "name": checksum.name, "status": "missing"})
                continue
            digest = hashlib.sha256(attachment.raw or b"").hexdigest()
            if digest != checksum.sha256:
                problems.append({"checksum": checksum, "name": checksum.name, "status": "changed"})
        return problems

    def action_verify_integrity(self):
        if any(d.state != "archived" for d in self):
            raise UserError(self.env._("Only archived dossiers have recorded checksums."))
        problems = self._verify_integrity()
        if problems:
            statuses = {"changed": self.env._("changed"), "missing": self.env._("missing")}
            message = self.env._(
                "Integrity check failed for %(files)s",
                files=", ".join(
                    self.env._(
                        "%(name)s (%(status)s)", name=p["name"], status=statuses[p["status"]]
                    )
                    for p in problems
                ),
            )
        else:
            message = self.env._(
                "All %(count)s file(s) match their recorded SHA-256.",
                count=len(self.checksum_ids),
            )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Integrity check"),
                "message": message,
                "type": "danger" if problems else "success",
                "sticky": bool(problems),
            },
        }

    def action_open_documents(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Documents"),
            "res_model": "research.document",
            "view_mode": "list,form",
            "domain": [("dossier_id", "=", self.id)],
            "context": {"default_dossier_id": self.id},
        }
