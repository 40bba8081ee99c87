from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class ResearchProject(models.Model):
    _name = "research.project"
    _description = "Research Project"
    _inherit = ["workflow.fields.mixin", "mail.thread", "mail.activity.mixin", "input.guard.mixin"]
    _order = "date_start desc, id desc"
    _workflow_fields = ("state",)

    name = fields.Char(string="Project Title", required=True, tracking=True)
    code = fields.Char(string="Project Code", tracking=True, index="btree_not_null")
    lead_id = fields.Many2one(
        "res.users",
        string="Project Lead",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
        index=True,
    )
    member_ids = fields.Many2many(
        "res.users",
        "research_project_member_rel",
        "project_id",
        "user_id",
        string="Project Members",
    )
    date_start = fields.Date(string="Start Date", tracking=True)
    date_end = fields.Date(string="End Date", tracking=True)
    state = fields.Selection(
        [("draft", "Draft"), ("ongoing", "Ongoing"), ("closed", "Closed")],
        default="draft",
        required=True,
        tracking=True,
        index=True,
        copy=False,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    dossier_ids = fields.One2many("research.dossier", "project_id", string="Dossiers")
    dossier_id = fields.Many2one(
        "research.dossier", string="Project Dossier", compute="_compute_dossier_id"
    )
    description = fields.Text()

    _dates_ordered = models.Constraint(
        "CHECK(date_end IS NULL OR date_start IS NULL OR date_end >= date_start)",
        "The end date of a research project cannot be before its start date.",
    )
    _code_company_unique = models.UniqueIndex(
        "(company_id, code) WHERE code IS NOT NULL",
        "Another research project already uses this code.",
    )

    @api.depends("dossier_ids.is_project_dossier")
    def _compute_dossier_id(self):
        for project in self:
            project.dossier_id = project.dossier_ids.filtered("is_project_dossier")[:1]

    @api.model_create_multi
    def create(self, vals_list):
        projects = super().create(vals_list)
        projects._create_project_dossiers()
        return projects

    @api.private
    def _create_project_dossiers(self):
        """One project, one dossier: every new project gets its dossier at once."""
        category = self.env.ref(
            "research_archive.dossier_category_project", raise_if_not_found=False
        )
        if not category:
            return
        self.env["research.dossier"].create(
            [
                {
                    "name": project.name,
                    "project_id": project.id,
                    "category_id": category.id,
                    "retention": category.default_retention,
                    "year": (project.date_start or fields.Date.context_today(project)).year,
                    "company_id": project.company_id.id,
                    "user_id": project.lead_id.id,
                }
                for project in self
            ]
        )

    def action_start(self):
        self.filtered(lambda p: p.state == "draft")._workflow().state = "ongoing"

    def action_close(self):
        """结题: refuse while a mandatory document of the project dossier is missing."""
        to_close = self.filtered(lambda p: p.state != "closed")
        problems = []
        for project in to_close:
            dossier = project.dossier_id
            if not dossier:
                problems.append(
                    self.env._("%(project)s has no project dossier.", project=project.name)
                )
            elif dossier.missing_count:
                problems.append(
                    self.env._(
                        "%(project)s: missing mandatory documents: %(types)s",
                        project=project.name,
                        types=", ".join(dossier.missing_type_ids.mapped("name")),
                    )
                )
        if problems:
            raise UserError(
                self.env._(
                    "The project cannot be closed while mandatory documents are missing "
                    "(an archive manager may record a waiver):\n%(problems)s",
                    problems="\n".join(problems),
                )
            )
        to_close._workflow().state = "closed"

    def action_reset_ongoing(self):
        if not self.env.user.has_group("research_archive.group_research_archive_office"):
            raise AccessError(self.env._("Only the research office reopens a closed project."))
        self.filtered(lambda p: p.state == "closed")._workflow().state = "ongoing"

    def action_open_dossier(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "research.dossier",
            "res_id": self.dossier_id.id,
            "view_mode": "form",
        }
