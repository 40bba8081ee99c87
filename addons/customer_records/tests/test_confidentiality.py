import base64
from datetime import date, timedelta

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import freeze_time, tagged
from odoo.tools import mute_logger

from odoo.addons.base_record_guard.tests.test_read_audit import (
    audit_cleanup,
    audit_mark,
    audit_new_request,
    audit_rows,
)

from .common import CustomerRecordsCommon


@tagged("post_install", "-at_install")
class TestConfidentiality(CustomerRecordsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.file = cls._create_file(cls.customer, credit_description="Secret credit story")
        cls.other_file = cls._create_file(cls.customer2, keeper=cls.keeper2)
        cls.Files = cls.env["customer.file"]

    def _grant(self, user, partners, date_from=None, date_to=None, approve=True):
        today = date.today()
        grant = (
            self.env["customer.access.grant"]
            .with_user(user)
            .create(
                {
                    "partner_ids": [(6, 0, partners.ids)],
                    "purpose": "Prepare the contract negotiation",
                    "date_from": date_from or today,
                    "date_to": date_to or today + timedelta(days=7),
                }
            )
        )
        grant.action_request()
        self.assertEqual(grant.file_count, len(partners))
        if approve:
            grant.with_user(self.gm).action_approve()
        return grant

    # ------------------------------------------------------------------
    # Who sees a file by default
    # ------------------------------------------------------------------
    def test_keeper_director_gm_see_file_others_do_not(self):
        for user in (self.keeper, self.director, self.gm):
            self.assertIn(self.file, self.Files.with_user(user).search([]), user.login)
        for user in (self.keeper2, self.office, self.outsider):
            self.assertNotIn(self.file, self.Files.with_user(user).search([]), user.login)

    def test_outsider_no_leak_paths(self):
        files = self.Files.with_user(self.outsider)
        self.assertFalse(files.search([]))
        self.assertFalse(files.search_count([]))
        self.assertFalse(files.name_search("Huadong"))
        self.assertEqual(files._read_group([], aggregates=["__count"]), [(0,)])
        self.assertFalse(files.web_search_read([], {"credit_description": {}})["records"])
        with self.assertRaises(AccessError):
            self.file.with_user(self.outsider).read(["credit_description"])
        with self.assertRaises(AccessError):
            self.file.with_user(self.outsider).web_read({"credit_description": {}})
        with self.assertRaises(AccessError):
            self.file.with_user(self.outsider).export_data(["credit_description"])
        with self.assertRaises(AccessError):
            self.file.with_user(self.outsider).credit_description  # noqa: B018
        # child records
        self.env["customer.transaction"].create(
            {"file_id": self.file.id, "name": "Deal", "amount": 10.0}
        )
        self.assertFalse(self.env["customer.transaction"].with_user(self.outsider).search([]))
        self.assertFalse(self.env["customer.transaction"].with_user(self.keeper2).search([]))

    def test_keeper_does_not_see_colleague_file(self):
        with self.assertRaises(AccessError):
            self.other_file.with_user(self.keeper).read(["credit_limit"])
        with self.assertRaises(AccessError):
            self.other_file.with_user(self.keeper).write({"keeper_note": "x"})

    def test_partner_exposes_nothing_of_the_file(self):
        partner_fields = self.env["res.partner"]._fields.values()
        self.assertFalse([f.name for f in partner_fields if f.comodel_name == "customer.file"])
        self.assertFalse(
            [f.name for f in partner_fields if (f.related or "").startswith("customer_file")]
        )

    def test_attachment_by_id_is_refused(self):
        attachment = self.env["ir.attachment"].create(
            {
                "name": "contract.pdf",
                "datas": base64.b64encode(b"secret"),
                "res_model": "customer.file",
                "res_id": self.file.id,
            }
        )
        with self.assertRaises(AccessError):
            attachment.with_user(self.outsider).read(["datas"])
        self.assertFalse(
            self.env["ir.attachment"]
            .with_user(self.outsider)
            .search([("res_model", "=", "customer.file")])
        )
        # the keeper can read it
        self.assertEqual(attachment.with_user(self.keeper).raw, b"secret")

    def test_chatter_and_followers_do_not_leak(self):
        message = self.file.message_post(body="Credit limit discussed with the bank")
        with self.assertRaises(AccessError):
            message.with_user(self.outsider).read(["body"])
        self.assertFalse(
            self.env["mail.message"]
            .with_user(self.outsider)
            .search([("model", "=", "customer.file"), ("res_id", "=", self.file.id)])
        )
        self.assertFalse(
            self.env["mail.message"].with_user(self.outsider).search([("body", "ilike", "bank")])
        )
        self.assertFalse(
            self.file.with_user(self.outsider).message_subscribe(
                partner_ids=self.outsider.partner_id.ids
            )
        )
        # the keeper cannot make an outsider follow the file (and receive its messages)
        self.file.with_user(self.keeper).message_subscribe(
            partner_ids=(self.outsider | self.director).partner_id.ids
        )
        followers = self.file.message_partner_ids
        self.assertNotIn(self.outsider.partner_id, followers)
        self.assertIn(self.director.partner_id, followers)
        self.assertFalse(
            self.env["mail.followers"]
            .with_user(self.outsider)
            .search([("res_model", "=", "customer.file")])
        )
        # nor send it a message
        with self.assertRaises(UserError):
            self.file.with_user(self.keeper).message_post(
                body="Credit notes", partner_ids=self.outsider.partner_id.ids
            )
        # a grant holder reads the file but does not follow it (the grant expires)
        self._grant(self.outsider, self.customer)
        self.file.with_user(self.outsider).message_subscribe(
            partner_ids=self.outsider.partner_id.ids
        )
        self.assertNotIn(self.outsider.partner_id, self.file.message_partner_ids)

    def test_office_records_visit_without_opening_the_file(self):
        visit = (
            self.env["customer.visit"]
            .with_user(self.office)
            .create({"name": "Spring Festival visit", "partner_id": self.customer.id})
        )
        self.assertEqual(visit.sudo().file_id, self.file)
        # the keeper sees it in his file, a colleague does not
        self.assertIn(visit, self.file.with_user(self.keeper).visit_ids)
        self.assertFalse(self.env["customer.visit"].with_user(self.keeper2).search([]))
        with self.assertRaises(AccessError):
            self.file.with_user(self.office).read(["credit_description"])
        # through the visit, the office gets the file's name, never its content
        as_office = visit.with_user(self.office)
        self.assertEqual(as_office.read(["file_id"])[0]["file_id"][1], "Huadong Textile Co.")
        with self.assertRaises(AccessError):
            as_office.web_read({"file_id": {"fields": {"credit_description": {}}}})

    # ------------------------------------------------------------------
    # Access grants
    # ------------------------------------------------------------------
    def test_grant_gives_read_access_in_period_only(self):
        self.env["customer.transaction"].create(
            {"file_id": self.file.id, "name": "Deal", "amount": 10.0}
        )
        grant = self._grant(self.outsider, self.customer)
        self.assertEqual(grant.state, "approved")
        as_outsider = self.Files.with_user(self.outsider)
        self.assertEqual(as_outsider.search([]), self.file)
        self.assertEqual(
            self.file.with_user(self.outsider).read(["credit_description"])[0][
                "credit_description"
            ],
            "Secret credit story",
        )
        self.assertEqual(
            len(self.env["customer.transaction"].with_user(self.outsider).search([])), 1
        )
        # read only
        with self.assertRaises(AccessError):
            self.file.with_user(self.outsider).write({"keeper_note": "changed"})
        # the grant ends by itself: after the end date, nothing is visible
        with freeze_time(date.today() + timedelta(days=8)):
            self.assertFalse(self.Files.with_user(self.outsider).search([]))
            with self.assertRaises(AccessError):
                self.file.with_user(self.outsider).read(["credit_description"])
            self.env["customer.access.grant"]._cron_expire_grants()
        self.assertEqual(grant.state, "expired")

    def test_future_grant_gives_nothing_yet(self):
        today = date.today()
        self._grant(
            self.outsider,
            self.customer,
            date_from=today + timedelta(days=3),
            date_to=today + timedelta(days=10),
        )
        self.assertFalse(self.Files.with_user(self.outsider).search([]))
        with freeze_time(today + timedelta(days=4)):
            self.assertEqual(self.Files.with_user(self.outsider).search([]), self.file)

    def test_grant_for_another_file_does_not_open_this_one(self):
        self._grant(self.outsider, self.customer2)
        visible = self.Files.with_user(self.outsider).search([])
        self.assertEqual(visible, self.other_file)
        with self.assertRaises(AccessError):
            self.file.with_user(self.outsider).read(["credit_description"])

    def test_requested_or_refused_grant_gives_nothing(self):
        grant = self._grant(self.outsider, self.customer, approve=False)
        self.assertFalse(self.Files.with_user(self.outsider).search([]))
        grant.with_user(self.gm).action_refuse()
        self.assertEqual(grant.state, "refused")
        self.assertFalse(self.Files.with_user(self.outsider).search([]))

    def test_revoked_grant_closes_access(self):
        grant = self._grant(self.outsider, self.customer)
        self.assertTrue(self.Files.with_user(self.outsider).search([]))
        grant.with_user(self.gm).action_revoke()
        self.assertFalse(self.Files.with_user(self.outsider).search([]))

    def test_only_general_manager_approves(self):
        grant = self._grant(self.outsider, self.customer, approve=False)
        self.assertIn(self.gm, grant.activity_ids.user_id)
        self.assertIn(self.gm2, grant.activity_ids.user_id)
        for user in (self.outsider, self.keeper, self.director):
            with self.assertRaises(UserError):
                grant.with_user(user).action_approve()
        with self.assertRaisesRegex(UserError, "Only the workflow sets State"):
            grant.with_user(self.outsider).write({"state": "approved"})
        with self.assertRaises(UserError):
            grant.with_user(self.outsider).write(
                {"approver_id": self.gm.id, "decision_date": "2026-01-01 00:00:00"}
            )
        self.assertEqual(grant.state, "requested")

    def test_general_manager_cannot_approve_own_request(self):
        grant = self._grant(self.gm, self.customer2, approve=False)
        with self.assertRaises(UserError):
            grant.with_user(self.gm).action_approve()
        with self.assertRaisesRegex(UserError, "Only the workflow sets State"):
            grant.with_user(self.gm).write({"state": "approved"})
        self.assertNotIn(self.gm, grant.activity_ids.user_id)
        grant.with_user(self.gm2).action_approve()
        self.assertEqual(grant.state, "approved")
        self.assertFalse(grant.activity_ids)

    def test_requester_cannot_edit_approved_grant(self):
        grant = self._grant(self.outsider, self.customer)
        with self.assertRaises(UserError):
            grant.with_user(self.outsider).write({"date_to": date.today() + timedelta(days=365)})
        with self.assertRaises(UserError):
            grant.with_user(self.outsider).write({"partner_ids": [(4, self.customer2.id)]})
        with self.assertRaises(UserError):
            grant.with_user(self.outsider).unlink()
        self.assertEqual(grant.sudo().line_ids.file_id, self.file)
        # the conversation on the request goes on
        attachment = self.env["ir.attachment"].create(
            {"name": "note.txt", "raw": b"x", "res_model": grant._name, "res_id": grant.id}
        )
        grant.with_user(self.outsider).message_post(body="Thank you", attachment_ids=attachment.ids)
        self.assertIn(attachment, grant.message_ids.attachment_ids)

    def test_grant_bad_input(self):
        Grant = self.env["customer.access.grant"].with_user(self.outsider)
        today = date.today()
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.cr.savepoint():
            Grant.create(
                {
                    "partner_ids": [(6, 0, self.customer.ids)],
                    "purpose": "x",
                    "date_from": today,
                    "date_to": today - timedelta(days=1),
                }
            )
        with self.assertRaises(UserError):
            Grant.create(
                {
                    "partner_ids": [(6, 0, self.customer.ids)],
                    "purpose": "x",
                    "date_from": today,
                    "date_to": today,
                    "state": "approved",
                }
            )
        draft = Grant.create(
            {
                "partner_ids": [(6, 0, self.customer.ids)],
                "purpose": "x",
                "date_from": today,
                "date_to": today,
            }
        )
        with self.assertRaises(ValidationError):
            draft.write({"date_to": today - timedelta(days=1)})
        with self.assertRaises(UserError):
            draft.write({"requester_id": self.keeper.id})
        draft.unlink()
        no_file = Grant.create(
            {
                "partner_ids": [(6, 0, self.customer3.ids)],
                "purpose": "x",
                "date_from": today,
                "date_to": today,
            }
        )
        with self.assertRaises(UserError):
            no_file.action_request()
        # a grant for someone else cannot be created by a plain user
        with self.assertRaises(AccessError):
            Grant.create(
                {
                    "partner_ids": [(6, 0, self.customer.ids)],
                    "purpose": "x",
                    "date_from": today,
                    "date_to": today,
                    "requester_id": self.keeper.id,
                }
            )
        # requests of others are invisible
        self._grant(self.keeper2, self.customer, approve=False)
        self.assertEqual(Grant.search([]), no_file)

    def test_grant_for_a_past_period_is_refused(self):
        yesterday = date.today() - timedelta(days=1)
        grant = (
            self.env["customer.access.grant"]
            .with_user(self.outsider)
            .create(
                {
                    "partner_ids": [(6, 0, self.customer.ids)],
                    "purpose": "Too late",
                    "date_from": yesterday - timedelta(days=5),
                    "date_to": yesterday,
                }
            )
        )
        with self.assertRaises(UserError):
            grant.action_request()
        self.assertEqual(grant.state, "draft")
        # a request whose period ends before the decision cannot be approved either
        pending = self._grant(self.outsider, self.customer, approve=False)
        with freeze_time(date.today() + timedelta(days=8)):
            with self.assertRaises(UserError):
                pending.with_user(self.gm).action_approve()
        self.assertEqual(pending.state, "requested")

    def test_expiry_cannot_be_forced_early(self):
        grant = self._grant(self.outsider, self.customer)
        with self.assertRaises(UserError):
            grant.with_user(self.outsider).write({"state": "expired"})

    # ------------------------------------------------------------------
    # Access log
    # ------------------------------------------------------------------
    def _logs(self, mark, operation=None):
        return [
            (row["user_ref"], row["operation"], row["grant_ref"])
            for row in audit_rows(self.env, mark, "customer.file")
            if row["res_id"] == self.file.id and operation in (None, row["operation"])
        ]

    def _mark(self):
        mark = audit_mark(self.env)
        self.addCleanup(audit_cleanup, self.env, mark)
        return mark

    def test_openings_by_others_are_logged_with_grant(self):
        mark = self._mark()
        grant = self._grant(self.outsider, self.customer)
        grant_ref = f"customer.access.grant,{grant.id}"
        self.file.with_user(self.keeper).read(["credit_description"])
        self.assertFalse(self._logs(mark), "keeper reads are not logged")
        self.file.with_user(self.outsider).web_read({"credit_description": {}})
        self.file.with_user(self.outsider).export_data(["credit_description"])
        self.file.with_user(self.director).read(["credit_limit"])
        audit_new_request(self.env)
        self.Files.with_user(self.outsider).search_read(
            [("id", "=", self.file.id)], ["credit_limit"]
        )
        self.assertEqual(
            self._logs(mark),
            [
                (self.outsider.id, "read", grant_ref),
                (self.outsider.id, "export", grant_ref),
                (self.director.id, "read", None),
                (self.outsider.id, "read", grant_ref),
            ],
        )
        # the log is not readable nor writable by the users it watches
        Log = self.env["read.audit.log"]
        log = Log.create({"res_model": "customer.file", "res_id": self.file.id})
        with self.assertRaises(AccessError):
            Log.with_user(self.outsider).search([])
        with self.assertRaises(AccessError):
            log.with_user(self.director).write({"user_ref": self.director.id})
        with self.assertRaises(AccessError):
            Log.with_user(self.outsider).create({"res_model": "customer.file"})
        self.assertEqual(Log.with_user(self.gm).search([("res_id", "=", self.file.id)]), log)

    def test_totals_of_files_are_logged_counts_are_not(self):
        mark = self._mark()
        grant = self._grant(self.outsider, self.customer)
        Files = self.Files.with_user(self.outsider)
        groups = Files.formatted_read_group([], ["department_id"], ["__count"])
        self.assertEqual([group["__count"] for group in groups], [1])
        self.assertFalse(self._logs(mark))
        groups = Files.formatted_read_group([], ["department_id"], ["credit_limit:sum"])
        self.assertEqual([group["credit_limit:sum"] for group in groups], [1000.0])
        expected = [(self.outsider.id, "group", f"customer.access.grant,{grant.id}")]
        self.assertEqual(self._logs(mark), expected)
        # the keeper's own totals are not openings
        self.Files.with_user(self.keeper).formatted_read_group([], [], ["credit_limit:sum"])
        self.assertEqual(self._logs(mark), expected)

    def test_attachment_download_is_logged(self):
        # kept in the database: streamed without the filestore of an HTTP request
        self.env["ir.config_parameter"].set_param("ir_attachment.location", "db")
        attachment = self.env["ir.attachment"].create(
            {
                "name": "credit.pdf",
                "datas": base64.b64encode(b"secret"),
                "res_model": "customer.file",
                "res_id": self.file.id,
            }
        )
        mark = self._mark()
        grant = self._grant(self.outsider, self.customer)
        binary = self.env["ir.binary"].with_user(self.outsider)
        binary._get_stream_from(binary._find_record(res_id=attachment.id))
        self.assertEqual(
            self._logs(mark),
            [(self.outsider.id, "download", f"customer.access.grant,{grant.id}")],
        )

    def test_attachment_download_without_grant_is_refused(self):
        attachment = self.env["ir.attachment"].create(
            {
                "name": "credit.pdf",
                "datas": base64.b64encode(b"secret"),
                "res_model": "customer.file",
                "res_id": self.file.id,
            }
        )
        with mute_logger("odoo.addons.base.models.ir_binary"), self.assertRaises(AccessError):
            self.env["ir.binary"].with_user(self.outsider)._find_record(res_id=attachment.id)

    # ------------------------------------------------------------------
    # Query counts: the rules filter on indexed columns, flat as data grows
    # ------------------------------------------------------------------
    def _list_queries(self, user):
        """Queries of a file list once the caches are warm (a first call fills
        the registry caches, e.g. the rule domains, which other steps may reset)."""
        spec = {"partner_id": {"fields": {"display_name": {}}}, "state": {}}
        self.Files.with_user(user).web_search_read([], spec)
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        self.Files.with_user(user).web_search_read([], spec)
        return self.env.cr.sql_log_count - before

    def test_file_list_query_count_flat(self):
        """Listing files costs the same number of queries with 2 or 22 files,
        for a keeper, a grant holder and a user without grant."""
        grantee = self.outsider
        self._grant(grantee, self.customer | self.customer2)
        users = (self.keeper, grantee, self.keeper2)
        before = {user: self._list_queries(user) for user in users}
        partners = self.env["res.partner"].create([{"name": f"Client {i}"} for i in range(20)])
        self.env["customer.file"].create(
            [{"partner_id": p.id, "keeper_id": self.keeper.id} for p in partners]
        )
        self._grant(grantee, partners)
        for user in users:
            self.assertEqual(self._list_queries(user), before[user], user.login)
        self.Files.with_user(self.keeper).web_search_read([], {"state": {}})
        self.env.invalidate_all()
        with self.assertQueryCount(before[self.keeper]):
            self.Files.with_user(self.keeper).web_search_read(
                [], {"partner_id": {"fields": {"display_name": {}}}, "state": {}}
            )

    def test_grant_rule_uses_indexed_line_columns(self):
        rule = self.env.ref("customer_records.rule_customer_file_grant")
        self.assertIn("access_line_ids", rule.domain_force)
        line_fields = self.env["customer.access.grant.line"]._fields
        for name in ("user_id", "file_id", "grant_id"):
            self.assertTrue(line_fields[name].index, name)
        for name in ("user_id", "state", "date_from", "date_to"):
            self.assertTrue(line_fields[name].store, name)

    # ------------------------------------------------------------------
    # Reviews, activities, messages and followers of a file
    # ------------------------------------------------------------------
    def _reviewed_file(self):
        self.file.with_user(self.keeper).request_validation()
        review = self.file.review_ids
        review.sudo().comment = "Credit limit too high for this customer"
        return review

    def test_reviews_of_a_file_are_hidden_from_outsiders(self):
        review = self._reviewed_file()
        Review = self.env["tier.review"].with_user(self.outsider)
        domain = [("model", "=", "customer.file")]
        self.assertFalse(Review.search(domain))
        self.assertFalse(Review.search_count([("res_id", "=", self.file.id)]))
        self.assertFalse(Review.search_read(domain, ["res_id", "comment"]))
        self.assertEqual(Review._read_group(domain, aggregates=["__count"]), [(0,)])
        with self.assertRaises(AccessError):
            review.with_user(self.outsider).read(["res_id", "requested_by", "comment"])
        with self.assertRaises(AccessError):
            review.with_user(self.outsider).write({"comment": "Looks fine"})
        # a colleague keeper and the office are outsiders to this file too
        for user in (self.keeper2, self.office):
            self.assertFalse(self.env["tier.review"].with_user(user).search(domain), user.login)

    def test_reviews_of_a_file_follow_its_readers(self):
        review = self._reviewed_file()
        spec = {"review_ids": {"fields": {"comment": {}, "status": {}}}}
        domain = [("model", "=", "customer.file"), ("res_id", "=", self.file.id)]
        for user in (self.keeper, self.director, self.gm):
            self.assertEqual(
                self.env["tier.review"].with_user(user).search(domain),
                review,
                user.login,
            )
            self.assertEqual(
                self.file.with_user(user).web_read(spec)[0]["review_ids"][0]["comment"],
                "Credit limit too high for this customer",
            )
        # a grant holder sees the review widget of the file while the grant is in force
        grant = self._grant(self.outsider, self.customer)
        self.assertEqual(
            self.file.with_user(self.outsider).web_read(spec)[0]["review_ids"][0]["comment"],
            "Credit limit too high for this customer",
        )
        self.assertEqual(self.env["tier.review"].with_user(self.outsider).search(domain), review)
        grant.with_user(self.gm).action_revoke()
        self.assertFalse(self.env["tier.review"].with_user(self.outsider).search(domain))
        # the director still approves through the widget
        self.file.with_user(self.director).validate_tier()
        self.assertEqual(self.file.state, "approved")

    def test_reviews_of_a_complaint_are_hidden_from_outsiders(self):
        complaint = (
            self.env["customer.complaint"]
            .with_user(self.keeper)
            .create(
                {
                    "subject": "Late delivery",
                    "partner_id": self.customer.id,
                    "department_id": self.sales_dept.id,
                    "description": "Arrived five days late",
                }
            )
        )
        complaint.action_start_handling()
        complaint.write({"result": "Carrier changed", "reply_text": "We apologise"})
        complaint.request_validation()
        self.assertTrue(complaint.review_ids)
        Review = self.env["tier.review"].with_user(self.outsider)
        self.assertFalse(Review.search([("model", "=", "customer.complaint")]))
        with self.assertRaises(AccessError):
            complaint.review_ids.with_user(self.outsider).read(["res_id"])
        self.assertEqual(
            self.env["tier.review"]
            .with_user(self.keeper)
            .search([("model", "=", "customer.complaint"), ("res_id", "=", complaint.id)]),
            complaint.review_ids,
        )
        complaint.with_user(self.gm).validate_tier()
        self.assertEqual(complaint.review_ids.status, "approved")

    def test_activities_messages_followers_of_a_file_are_hidden(self):
        self.file.message_post(body="Credit limit discussed with the bank")
        activity = self.file.activity_schedule(
            "mail.mail_activity_data_todo", summary="Call the bank", user_id=self.keeper.id
        )
        domain = [("res_model", "=", "customer.file")]
        for model, model_domain in (
            ("mail.activity", domain),
            ("mail.followers", domain),
            ("mail.message", [("model", "=", "customer.file")]),
        ):
            records = self.env[model].with_user(self.outsider)
            self.assertFalse(records.search(model_domain), model)
            self.assertFalse(records.search_count(model_domain), model)
            self.assertEqual(
                records._read_group(model_domain, aggregates=["__count"]), [(0,)], model
            )
        with self.assertRaises(AccessError):
            activity.with_user(self.outsider).read(["summary", "res_name"])
        with self.assertRaises(AccessError):
            self.file.message_follower_ids.with_user(self.outsider).read(["partner_id"])
        self.assertEqual(self.env["mail.activity"].with_user(self.keeper).search(domain), activity)

    def test_activity_on_a_file_only_for_its_readers(self):
        as_keeper = self.file.with_user(self.keeper)
        with self.assertRaises(UserError):
            as_keeper.activity_schedule(
                "mail.mail_activity_data_todo", summary="Check", user_id=self.outsider.id
            )
        activity = as_keeper.activity_schedule(
            "mail.mail_activity_data_todo", summary="Check", user_id=self.director.id
        )
        with self.assertRaises(UserError):
            activity.with_user(self.keeper).write({"user_id": self.keeper2.id})
        self.assertFalse(
            self.env["mail.activity"].with_user(self.outsider).search([("summary", "=", "Check")])
        )
        # with a grant in force, the holder may be asked to act on the file
        self._grant(self.outsider, self.customer)
        activity.with_user(self.keeper).write({"user_id": self.outsider.id})
        self.assertEqual(activity.with_user(self.outsider).res_name, "Huadong Textile Co.")

    def test_files_in_cache_are_still_checked_against_grants(self):
        self._grant(self.outsider, self.customer2)
        both = self.file | self.other_file
        # the superuser's read fills the cache the outsider's read then finds
        both.mapped("credit_description")
        with self.assertRaises(AccessError):
            both.with_user(self.outsider).read(["credit_description"])
        with self.assertRaises(AccessError):
            self.file.with_user(self.outsider).read(["credit_description"])
        self.assertEqual(
            self.other_file.with_user(self.outsider)._filtered_access("read"), self.other_file
        )
        self.assertEqual(both.with_user(self.outsider)._filtered_access("read"), self.other_file)
