import re

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from .research_document_type import RETENTIONS

PLACEHOLDERS = ("fonds", "category", "year", "retention", "serial")


class ResearchArchiveNumbering(models.Model):
    _name = "research.archive.numbering"
    _description = "Archive Numbering Rule"
    _inherit = ["input.guard.mixin"]
    _order = "company_id, id"

    name = fields.Char(required=True, translate=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    fonds_code = fields.Char()
    pattern = fields.Char(
        required=True,
        default="{fonds}-{category}-{year}-{retention}-{serial}",
        help="Placeholders: {fonds}, {category}, {year}, {retention}, {serial}.",
    )
    serial_padding = fields.Integer(default=4, required=True)
    example = fields.Char(compute="_compute_example")

    _company_unique = models.UniqueIndex(
        "(company_id)", "A company has a single archive numbering rule."
    )
    _padding_range = models.Constraint(
        "CHECK(serial_padding BETWEEN 1 AND 10)",
        "The serial padding must be between 1 and 10 digits.",
    )

    @api.constrains("pattern", "fonds_code")
    def _check_pattern(self):
        for rule in self:
            names = re.findall(r"{([^{}]*)}", rule.pattern or "")
            unknown = [n for n in names if n not in PLACEHOLDERS]
            if (
                unknown
                or "serial" not in names
                or re.search(r"[{}]", re.sub(r"{[^{}]*}", "", rule.pattern))
            ):
                raise ValidationError(
                    self.env._(
                        "The numbering pattern %(pattern)s is invalid: use only the "
                        "placeholders {fonds}, {category}, {year}, {retention} and "
                        "{serial}, and include {serial}.",
                        pattern=rule.pattern,
                    )
                )
            if not re.fullmatch(r"[A-Za-z0-9]{1,16}", rule.fonds_code or ""):
                raise ValidationError(
                    self.env._("The fonds code must be 1 to 16 letters or digits.")
                )

    @api.depends("pattern", "fonds_code", "serial_padding")
    def _compute_example(self):
        for rule in self:
            try:
                rule.example = rule._format_number("KT", 2025, "Y", 1)
            except (KeyError, ValueError, IndexError):
                rule.example = False

    @api.private
    def _format_number(self, category_code, year, retention, serial):
        self.ensure_one()
        return self.pattern.format(
            fonds=self.fonds_code,
            category=category_code,
            year=year,
            retention=retention,
            serial=str(serial).zfill(self.serial_padding),
        )

    @api.model
    @api.private
    def _get_rule(self, company):
        rule = self.search([("company_id", "=", company.id)], limit=1)
        if not rule:
            raise UserError(
                self.env._(
                    "No archive numbering rule is configured for %(company)s.",
                    company=company.name,
                )
            )
        return rule

    @api.private
    def _next_number(self, category, year, retention):
        """Gap-free serial per (company, category, year, retention).

        The counter row is updated in the archiving transaction: concurrent
        archivings wait on its row lock, and a rolled back archiving gives its
        serial back, so serials have no gaps and no duplicates.
        """
        self.ensure_one()
        counter = self.env["research.archive.counter"]
        counter.flush_model()
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO research_archive_counter
                    (company_id, category_id, year, retention, last_serial,
                     create_uid, write_uid, create_date, write_date)
                VALUES (%(company)s, %(category)s, %(year)s, %(retention)s, 1,
                        %(uid)s, %(uid)s, now() at time zone 'UTC', now() at time zone 'UTC')
                ON CONFLICT (company_id, category_id, year, retention) DO UPDATE
                   SET last_serial = research_archive_counter.last_serial + 1,
                       write_uid = EXCLUDED.write_uid,
                       write_date = EXCLUDED.write_date
             RETURNING last_serial
                """,
                company=self.company_id.id,
                category=category.id,
                year=year,
                retention=retention,
                uid=self.env.uid,
            )
        )
        serial = self.env.cr.fetchone()[0]
        counter.invalidate_model()
        return self._format_number(category.code, year, retention, serial)


class ResearchArchiveCounter(models.Model):
    _name = "research.archive.counter"
    _description = "Archive Number Counter"
    _order = "company_id, category_id, year desc, retention"

    company_id = fields.Many2one("res.company", required=True, ondelete="cascade")
    category_id = fields.Many2one("research.dossier.category", required=True, ondelete="restrict")
    year = fields.Integer(required=True)
    retention = fields.Selection(RETENTIONS, required=True)
    last_serial = fields.Integer(readonly=True)

    _key_unique = models.UniqueIndex("(company_id, category_id, year, retention)")
