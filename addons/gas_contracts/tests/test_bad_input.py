import io
import json
from datetime import date, datetime, timedelta

import openpyxl

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import GasCommon

TEN_MB = "x" * (10 * 1024 * 1024)
FORMULAS = (
    '=HYPERLINK("http://evil.example","x")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|'/C calc'!A0",
)


@tagged("post_install", "-at_install")
class TestBadInputOrm(GasCommon):
    """[X-2] business staff send values no form would: a clear error, nothing written."""

    def _assert_refused(self, vals, message):
        contracts = self.env["gas.contract"].search_count([])
        with self.assertRaisesRegex(ValidationError, message):
            self._draft(**vals)
        self.assertEqual(self.env["gas.contract"].search_count([]), contracts)

    def test_not_a_number(self):
        for field in ("charged_amount", "annual_quantity", "daily_quantity", "min_take_share"):
            for value in (float("nan"), float("inf"), float("-inf"), 1e300):
                with self.subTest(field=field, value=value):
                    self._assert_refused({field: value}, "not a plausible number")
        self._assert_refused({"quantity": 2**40}, "not a plausible number")
        self._assert_refused({"charged_amount": "2800 yuan"}, "must be a number")

    def test_nan_cannot_be_written_later(self):
        contract = self._draft()
        with self.assertRaisesRegex(ValidationError, "not a plausible number"):
            contract.write({"annual_quantity": float("nan")})
        self.assertEqual(contract.annual_quantity, 0.0)

    def test_wrong_types_and_sizes(self):
        self._assert_refused({"title": {"text": "a dict"}}, "must be text")
        self._assert_refused({"title": TEN_MB}, "too long")
        self._assert_refused({"note": TEN_MB}, "too long")

    def test_dates_and_choices(self):
        self._assert_refused({"contract_date": "2026-13-01"}, "not a valid date")
        self._assert_refused({"contract_date": "2026-02-30"}, "not a valid date")
        self._assert_refused({"user_category": "martian"}, "not one of the allowed values")

    def test_huge_command_list(self):
        lines = [
            Command.create(
                {"deadline": date(2026, 4, 1), "amount": 1.0, "installation_step": "pipe"}
            )
            for i in range(10_001)
        ]
        self._assert_refused({"payment_mode": "instalment", "instalment_ids": lines}, "Too many")

    def test_meter_reading_and_tariff(self):
        with self.assertRaisesRegex(ValidationError, "not a plausible number"):
            self.env["gas.tariff"].with_user(self.admin_gas).create(
                {
                    "name": "NaN fee",
                    "type_id": self.t_install.id,
                    "amount": float("nan"),
                    "date_from": date(2030, 1, 1),
                }
            )
        self.assertFalse(self.env["gas.tariff"].search([("name", "=", "NaN fee")]))

    def test_formulas_in_names_are_exported_as_text(self):
        contracts = self.env["gas.contract"]
        for formula in FORMULAS:
            contracts |= self._draft(title=formula)
        report = self.env.ref("gas_contracts.action_report_contract_register_xlsx")
        content, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.staff)
            ._render_xlsx(report.report_name, contracts.ids, {})
        )
        sheet = openpyxl.load_workbook(io.BytesIO(content)).worksheets[0]
        cells = {row[3].value: row[3] for row in sheet.iter_rows(min_row=2)}
        for formula in FORMULAS:
            self.assertEqual(cells[formula].data_type, "s", formula)


@tagged("post_install", "-at_install")
class TestBadInputJson2(GasCommon, HttpCase):
    """[X-2, X-3] the same values over the JSON-2 API: refused with the message, nothing
    written; private methods and domains sent as strings are refused."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.key = (
            cls.staff.with_user(cls.staff)
            .env["res.users.apikeys"]
            ._generate(
                scope="rpc", name="bad input", expiration_date=datetime.now() + timedelta(days=1)
            )
        )

    def _call(self, model, method, body):
        with mute_logger("odoo.http"):
            return self.url_open(
                f"/json/2/{model}/{method}",
                data=body,
                headers={"Content-Type": "application/json", "Authorization": f"Bearer {self.key}"},
            )

    def test_nan_and_infinity_over_the_wire(self):
        before = self.env["gas.contract"].search_count([])
        for value in ("NaN", "Infinity", "-Infinity", "1e400"):
            vals = json.dumps(self._contract_vals(), default=str)
            vals = vals.replace('"charged_amount": 2800.0', f'"charged_amount": {value}')
            body = f'{{"vals_list": [{vals}]}}'
            response = self._call("gas.contract", "create", body)
            self.assertEqual(response.status_code, 422, response.text)
            self.assertIn("not a plausible number", response.json()["message"])
        self.assertEqual(self.env["gas.contract"].search_count([]), before)

    def test_private_methods_are_refused(self):
        contract = self._draft()
        for method in ("_check_input", "_do_approve", "_serialize_decisions", "_get_drafters"):
            response = self._call("gas.contract", method, json.dumps({"ids": contract.ids}))
            self.assertEqual(response.status_code, 403, f"{method}: {response.text}")
        self.assertEqual(contract.state, "draft")

    def test_domain_as_a_string_is_refused(self):
        response = self._call("gas.contract", "search", json.dumps({"domain": "[('id', '>', 0)]"}))
        self.assertNotEqual(response.status_code, 200, response.text)
