from datetime import date, timedelta

from lxml import etree

from odoo.tests import tagged

from .common import CustomerRecordsCommon


@tagged("post_install", "-at_install")
class TestGrantNotice(CustomerRecordsCommon):
    """A reader under an access grant sees a read-only file that says so."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.file = cls._create_file(cls.customer)
        grant = (
            cls.env["customer.access.grant"]
            .with_user(cls.keeper2)
            .create(
                {
                    "partner_ids": [(6, 0, cls.customer.ids)],
                    "purpose": "Prepare the contract negotiation",
                    "date_from": date.today(),
                    "date_to": date.today() + timedelta(days=7),
                }
            )
        )
        grant.action_request()
        grant.with_user(cls.gm).action_approve()
        cls.grant = grant

    def test_grant_reader_reads_the_notice(self):
        notice = self.file.with_user(self.keeper2).grant_notice
        self.assertIn(self.grant.name, notice)
        self.assertIn(str((date.today() + timedelta(days=7)).year), notice)
        for user in (self.keeper, self.director, self.gm):
            self.assertFalse(self.file.with_user(user).grant_notice, user.login)

    def test_the_approval_buttons_are_not_offered_under_a_grant(self):
        self.assertTrue(self.file.with_user(self.keeper2).hide_reviews)
        self.assertFalse(self.file.with_user(self.keeper).hide_reviews, "the keeper submits it")

    def test_the_form_is_read_only_under_a_grant(self):
        arch = self.env["customer.file"].with_user(self.keeper2).get_views([(False, "form")])
        form = etree.fromstring(arch["views"]["form"]["arch"])
        fields = self.env["customer.file"]._fields

        def read_only(node):
            # tier validation adds its own condition: "(grant_notice) or (validation_status ...)"
            expression = node.get("readonly", "")
            return expression in ("1", "True") or expression.startswith(
                ("grant_notice", "(grant_notice)", "(1)", "(True)")
            )

        editable = {
            node.get("name")
            for node in form.iterfind(".//sheet//field")
            if not node.xpath("ancestor::field")
            and not read_only(node)
            and not fields[node.get("name")].readonly
        }
        self.assertEqual(editable, set(), "fields a grant reader could edit")
        button = form.find(".//header/button[@name='action_mark_reviewed']")
        self.assertEqual(button.get("invisible"), "grant_notice")
