import json
from datetime import date, datetime, timedelta

from odoo.exceptions import ValidationError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import CustomerRecordsCommon

TEN_MB = "x" * (10 * 1024 * 1024)


@tagged("post_install", "-at_install")
class TestBadInputOrm(CustomerRecordsCommon):
    """[X-2] a keeper sends values no form would: a clear error, nothing written."""

    def _assert_file_refused(self, vals, message):
        files = self.env["customer.file"].search_count([])
        with self.assertRaisesRegex(ValidationError, message):
            self._create_file(self.customer, **vals)
        self.assertEqual(self.env["customer.file"].search_count([]), files)

    def test_amounts(self):
        for value in (float("nan"), float("inf"), float("-inf"), 1e300):
            with self.subTest(value=value):
                self._assert_file_refused({"credit_limit": value}, "not a plausible number")
        self._assert_file_refused({"credit_limit": "a lot"}, "must be a number")
        record = self._create_file(self.customer)
        with self.assertRaisesRegex(ValidationError, "not a plausible number"):
            self.env["customer.transaction"].with_user(self.keeper).create(
                {"file_id": record.id, "name": "Order", "amount": float("nan")}
            )
        self.assertFalse(record.transaction_ids)
        with self.assertRaisesRegex(ValidationError, "not a plausible number"):
            record.with_user(self.keeper).write({"credit_limit": float("inf")})
        self.assertEqual(record.credit_limit, 1000.0)

    def test_text(self):
        self._assert_file_refused({"keeper_note": TEN_MB}, "too long")
        self._assert_file_refused({"website": {"url": "http://x"}}, "must be text")
        self._assert_file_refused({"credit_rating": "z"}, "not one of the allowed values")

    def test_access_request_dates_and_size(self):
        grants = self.env["customer.access.grant"].with_user(self.keeper2)
        count = grants.search_count([])
        base = {"partner_ids": [(6, 0, self.customer.ids)], "purpose": "audit"}
        with self.assertRaisesRegex(ValidationError, "not a valid date"):
            grants.create(dict(base, date_from="2026-13-01", date_to="2026-12-31"))
        with self.assertRaisesRegex(ValidationError, "Too many"):
            grants.create(
                dict(
                    base,
                    partner_ids=[(4, self.customer.id)] * 10_001,
                    date_to=date.today() + timedelta(days=5),
                )
            )
        self.assertEqual(grants.search_count([]), count)

    def test_complaint_and_visit(self):
        complaints = self.env["customer.complaint"].with_user(self.office)
        with self.assertRaisesRegex(ValidationError, "too long"):
            complaints.create(
                {
                    "partner_id": self.customer.id,
                    "subject": "Late delivery",
                    "description": TEN_MB,
                }
            )
        with self.assertRaisesRegex(ValidationError, "not one of the allowed values"):
            complaints.create(
                {
                    "partner_id": self.customer.id,
                    "subject": "Late delivery",
                    "description": "late",
                    "kind": "sabotage",
                }
            )
        self.assertFalse(complaints.search([("partner_id", "=", self.customer.id)]))


@tagged("post_install", "-at_install")
class TestBadInputJson2(CustomerRecordsCommon, HttpCase):
    """[X-2, X-3] over the JSON-2 API: NaN and infinity (valid in Python's JSON),
    private methods and domains sent as strings."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.file = cls._create_file(cls.customer)
        cls.key = (
            cls.keeper.with_user(cls.keeper)
            .env["res.users.apikeys"]
            ._generate(scope="rpc", name="bad", expiration_date=datetime.now() + timedelta(days=1))
        )

    def _call(self, model, method, body):
        with mute_logger("odoo.http", "odoo.sql_db"):
            return self.url_open(
                f"/json/2/{model}/{method}",
                data=body,
                headers={"Content-Type": "application/json", "Authorization": f"Bearer {self.key}"},
            )

    def test_nan_and_infinity_over_the_wire(self):
        for value in ("NaN", "Infinity", "-Infinity"):
            body = f'{{"ids": [{self.file.id}], "vals": {{"credit_limit": {value}}}}}'
            response = self._call("customer.file", "write", body)
            self.assertEqual(response.status_code, 422, response.text)
            self.assertIn("not a plausible number", response.json()["message"])
        self.file.invalidate_recordset()
        self.assertEqual(self.file.credit_limit, 1000.0)

    def test_access_request_ending_before_it_starts(self):
        grants = self.env["customer.access.grant"]
        count = grants.search_count([])
        body = json.dumps(
            {
                "vals_list": [
                    {
                        "partner_ids": [[6, 0, self.customer2.ids]],
                        "purpose": "audit",
                        "date_from": "2026-05-01",
                        "date_to": "2026-04-01",
                    }
                ]
            }
        )
        response = self._call("customer.access.grant", "create", body)
        self.assertEqual(response.status_code, 422, response.text)
        self.assertIn("cannot precede its start", response.json()["message"])
        self.assertEqual(grants.search_count([]), count)

    def test_private_methods_are_refused(self):
        for model, method in (
            ("customer.file", "_check_input"),
            ("customer.file", "_serialize_decisions"),
            ("customer.file", "_cron_flag_overdue_reviews"),
            ("customer.access.grant", "_cron_expire_grants"),
        ):
            response = self._call(model, method, json.dumps({"ids": self.file.ids}))
            self.assertEqual(response.status_code, 403, f"{method}: {response.text}")

    def test_domain_as_a_string_is_refused(self):
        response = self._call("customer.file", "search", json.dumps({"domain": "[(1, '=', 1)]"}))
        self.assertNotEqual(response.status_code, 200, response.text)
