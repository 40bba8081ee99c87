import json
from datetime import date, datetime, timedelta

from odoo.exceptions import ValidationError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import ResearchArchiveCommon

TEN_MB = "x" * (10 * 1024 * 1024)


@tagged("post_install", "-at_install")
class TestBadInputOrm(ResearchArchiveCommon):
    """[X-2] researchers and the office send values no form would: a clear error,
    nothing written."""

    def _document_vals(self, **vals):
        return dict(
            {
                "dossier_id": self.dossier.id,
                "type_id": self.type_minutes.id,
                "name": "Meeting minutes",
                "date": "2025-10-01",
            },
            **vals,
        )

    def test_document_counts_and_dates(self):
        documents = self.env["research.document"].with_user(self.researcher)
        for vals, message in (
            ({"page_count": float("nan")}, "not a plausible number"),
            ({"page_count": float("inf")}, "not a plausible number"),
            ({"page_count": 10**12}, "not a plausible number"),
            ({"page_count": "many"}, "must be a number"),
            ({"date": "2025-13-01"}, "not a valid date"),
            ({"carrier": "papyrus"}, "not one of the allowed values"),
            ({"name": {"zh_CN": "title"}}, "must be text"),
            ({"name": TEN_MB}, "too long"),
        ):
            with self.subTest(vals=vals), self.assertRaisesRegex(ValidationError, message):
                documents.create(self._document_vals(**vals))
        self.assertFalse(self.dossier.document_ids)

    def test_project_text_and_commands(self):
        projects = self.env["research.project"].with_user(self.researcher)
        count = projects.search_count([])
        with self.assertRaisesRegex(ValidationError, "too long"):
            projects.create({"name": "Reading", "description": TEN_MB})
        with self.assertRaisesRegex(ValidationError, "Too many"):
            projects.create({"name": "Reading", "member_ids": [(4, self.member.id)] * 10_001})
        with self.assertRaisesRegex(ValidationError, "not a valid date"):
            projects.create({"name": "Reading", "date_start": "2025-13-01"})
        self.assertEqual(projects.search_count([]), count)

    def test_semester_out_of_range(self):
        rounds = self.env["research.archive.round"].with_user(self.office)
        base = {"academic_year": "2031-2032", "deadline": date(2032, 1, 15)}
        for vals, message in (
            ({"term": "3"}, "not one of the allowed values"),
            ({"term": 2}, "not one of the allowed values"),
            ({"deadline": "2032-13-15"}, "not a valid date"),
            ({"reminder_days": float("nan")}, "not a plausible number"),
        ):
            with self.subTest(vals=vals), self.assertRaisesRegex(ValidationError, message):
                rounds.create(dict(base, **vals))
        self.assertFalse(rounds.search([("academic_year", "=", "2031-2032")]))

    def test_handover_line_quantity(self):
        rnd = (
            self.env["research.archive.round"]
            .with_user(self.office)
            .create(
                {
                    "academic_year": "2031-2032",
                    "deadline": date(2032, 1, 15),
                    "participant_ids": [(6, 0, self.researcher.ids)],
                }
            )
        )
        rnd.action_open()
        handover = rnd.handover_ids.with_user(self.researcher)
        with self.assertRaisesRegex(ValidationError, "not a plausible number"):
            self.env["research.handover.line"].with_user(self.researcher).create(
                {"handover_id": handover.id, "description": "Notes", "quantity": float("inf")}
            )
        self.assertFalse(handover.line_ids)


@tagged("post_install", "-at_install")
class TestBadInputJson2(ResearchArchiveCommon, HttpCase):
    """[X-2, X-3] over the JSON-2 API: NaN (valid in Python's JSON), an end before the
    start, private methods and domains sent as strings."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.key = (
            cls.researcher.with_user(cls.researcher)
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

    def test_nan_over_the_wire(self):
        vals = {
            "dossier_id": self.dossier.id,
            "type_id": self.type_minutes.id,
            "name": "Minutes",
            "page_count": "NAN",
        }
        body = json.dumps({"vals_list": [vals]}).replace('"NAN"', "NaN")
        response = self._call("research.document", "create", body)
        self.assertEqual(response.status_code, 422, response.text)
        self.assertIn("not a plausible number", response.json()["message"])
        self.assertFalse(self.dossier.document_ids)

    def test_project_ending_before_it_starts(self):
        body = json.dumps(
            {
                "ids": self.project.ids,
                "vals": {"date_start": "2026-09-01", "date_end": "2026-01-01"},
            }
        )
        response = self._call("research.project", "write", body)
        self.assertEqual(response.status_code, 422, response.text)
        self.assertIn("cannot be before its start date", response.json()["message"])
        self.project.invalidate_recordset()
        self.assertEqual(str(self.project.date_start), "2025-09-01")

    def test_private_methods_are_refused(self):
        for model, method in (
            ("research.dossier", "_do_archive"),
            ("research.dossier", "_record_checksums"),
            ("research.dossier", "_check_input"),
            ("research.archive.numbering", "_next_number"),
            ("research.archive.round", "_cron_send_reminders"),
        ):
            response = self._call(model, method, json.dumps({"ids": self.dossier.ids}))
            self.assertEqual(response.status_code, 403, f"{model}.{method}: {response.text}")
        self.assertEqual(self.dossier.state, "draft")

    def test_domain_as_a_string_is_refused(self):
        response = self._call(
            "research.dossier", "search", json.dumps({"domain": "[('state', '=', 'archived')]"})
        )
        self.assertNotEqual(response.status_code, 200, response.text)
