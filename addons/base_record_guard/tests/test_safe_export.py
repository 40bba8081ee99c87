import io
import json

import openpyxl

from odoo import http, models
from odoo.orm.model_classes import add_to_registry
from odoo.tests import HttpCase, new_test_user, tagged

FORMULAS = (
    '=HYPERLINK("http://evil.example","click")',
    "+cmd|' /C calc'!A0",
    "-1+1",
    "@SUM(1+1)*cmd",
)


class NamesXlsx(models.AbstractModel):
    _name = "report.test_safe_export.names"
    _description = "Test Excel report writing names with the generic write"
    _inherit = "report.report_xlsx.abstract"
    _module = None

    def generate_xlsx_report(self, workbook, data, objs):
        sheet = workbook.add_worksheet("Names")
        for row, partner in enumerate(objs):
            sheet.write(row, 0, partner.name)


def cells(content):
    """(value, type) of the first column's cells of the first sheet, header left out."""
    sheet = openpyxl.load_workbook(io.BytesIO(content)).worksheets[0]
    return [(cell.value, cell.data_type) for cell in sheet["A"]]


@tagged("post_install", "-at_install")
class TestSafeExport(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        add_to_registry(cls.registry, NamesXlsx)
        cls.registry._setup_models__(cls.env.cr, [NamesXlsx._name])
        cls.addClassCleanup(cls.registry.__delitem__, NamesXlsx._name)
        cls.exporter = new_test_user(
            cls.env,
            login="safe_exporter",
            password="safe_exporter_pw",
            groups="base.group_user,base.group_allow_export",
        )
        cls.partners = cls.env["res.partner"].create([{"name": name} for name in FORMULAS])

    def _export(self, **params):
        self.authenticate("safe_exporter", "safe_exporter_pw")
        data = {
            "model": "res.partner",
            "fields": [{"name": "name", "label": "Name"}],
            "ids": self.partners.ids,
            "domain": [],
            "groupby": [],
            "import_compat": False,
            "context": {},
            **params,
        }
        response = self.url_open(
            "/web/export/xlsx",
            data={"data": json.dumps(data), "csrf_token": http.Request.csrf_token(self)},
        )
        self.assertEqual(response.status_code, 200, response.text[:500])
        return response.content

    def test_list_export_writes_formulas_as_text(self):
        self.assertEqual(cells(self._export())[1:], [(name, "s") for name in FORMULAS])

    def test_grouped_list_export_writes_group_names_as_text(self):
        content = self._export(
            domain=[("id", "in", self.partners.ids)], groupby=["name"], ids=False
        )
        rows = cells(content)[1:]  # each group's header, then its record
        self.assertEqual(len(rows), 2 * len(FORMULAS))
        for value, data_type in rows:
            self.assertEqual(data_type, "s")
            self.assertTrue(value.startswith(FORMULAS), value)

    def test_report_xlsx_writes_formulas_as_text(self):
        content, _kind = (
            self.env[NamesXlsx._name]
            .with_user(self.exporter)
            .with_context(active_model="res.partner")
            .create_xlsx_report(self.partners.ids, {})
        )
        self.assertEqual(cells(content), [(name, "s") for name in FORMULAS])
