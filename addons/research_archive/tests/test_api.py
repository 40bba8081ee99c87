import json
from datetime import datetime, timedelta

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import ResearchArchiveCommon


@tagged("post_install", "-at_install")
class TestJson2Api(HttpCase, ResearchArchiveCommon):
    """[RA-8] [RA-11] the same rules hold through the JSON-2 API."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._file_all_mandatory(cls.dossier, with_files=False)
        cls._archive(cls.dossier)

    def _call(self, user, model, method, **params):
        key = (
            self.env["res.users.apikeys"]
            .with_user(user)
            ._generate(scope="rpc", name="test", expiration_date=datetime.now() + timedelta(days=1))
        )
        # refused calls are logged by odoo.http as warnings: expected here
        with mute_logger("odoo.http"):
            response = self.url_open(
                f"/json/2/{model}/{method}",
                data=json.dumps(params),
                headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"},
            )
        return response.status_code, response.json()

    def test_archived_dossier_cannot_be_written_through_the_api(self):
        for user in (self.researcher, self.manager):
            status, body = self._call(
                user,
                "research.dossier",
                "write",
                ids=self.dossier.ids,
                vals={"name": "Rewritten through the API"},
                context={"base_record_guard_workflow": True},
            )
            self.assertNotEqual(status, 200)
            self.assertIn("is locked", body["message"])
        status, body = self._call(
            self.manager,
            "research.dossier",
            "message_post",
            ids=self.dossier.ids,
            body="posted through the API",
        )
        self.assertNotEqual(status, 200)
        self.assertNotEqual(self.dossier.name, "Rewritten through the API")

    def test_researcher_sees_only_own_dossiers_through_the_api(self):
        status, ids = self._call(self.researcher, "research.dossier", "search", domain=[])
        self.assertEqual(status, 200)
        self.assertIn(self.dossier.id, ids)
        self.assertNotIn(self.other_dossier.id, ids)
        status, body = self._call(
            self.researcher, "research.dossier", "read", ids=self.other_dossier.ids, fields=["name"]
        )
        self.assertEqual(status, 403)
        status, body = self._call(
            self.researcher, "research.dossier", "_do_reopen", ids=self.dossier.ids, reason="x"
        )
        self.assertNotEqual(status, 200)
        self.assertEqual(self.dossier.state, "archived")

    def test_manager_reopens_through_the_api(self):
        status, body = self._call(
            self.room, "research.dossier", "action_reopen", ids=self.dossier.ids, reason="why"
        )
        self.assertEqual(status, 403)
        status, body = self._call(
            self.manager, "research.dossier", "action_reopen", ids=self.dossier.ids, reason=""
        )
        self.assertNotEqual(status, 200)
        self.assertEqual(self.dossier.state, "archived")
        status, body = self._call(
            self.manager,
            "research.dossier",
            "action_reopen",
            ids=self.dossier.ids,
            reason="Late award certificate",
        )
        self.assertEqual(status, 200)
        self.assertEqual(self.dossier.state, "submitted")
        self.assertIn("Late award certificate", "".join(self.dossier.message_ids.mapped("body")))

    def test_room_archives_through_the_api(self):
        """The tracking of the archiving itself is logged although the dossier is sealed."""
        dossier = self._create_project("Archived over HTTP", self.researcher).dossier_id
        self._file_all_mandatory(dossier)
        status, __ = self._call(
            self.researcher, "research.dossier", "action_submit", ids=dossier.ids
        )
        self.assertEqual(status, 200)
        status, body = self._call(
            self.room, "research.dossier", "action_accept_archive", ids=dossier.ids
        )
        self.assertEqual(status, 200, body)
        self.assertEqual(dossier.state, "archived")
        self.assertTrue(dossier.archive_number)
        tracked = dossier.message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "state"
        )
        self.assertTrue(tracked, "the state change is in the history")
        status, body = self._call(
            self.room, "research.dossier", "write", ids=dossier.ids, vals={"remarks": "late"}
        )
        self.assertNotEqual(status, 200)
