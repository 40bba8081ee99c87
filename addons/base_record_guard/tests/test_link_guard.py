from odoo import fields, models
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from odoo.addons.base.tests.common import BaseCommon

from .common import register_test_models


class SecretTarget(models.Model):
    _name = "test.link.secret"
    _description = "Test record read only by its owner"
    _module = None

    name = fields.Char()
    owner_id = fields.Many2one("res.users")


class LinkingRecord(models.Model):
    _name = "test.link.holder"
    _description = "Test record linking to secret records"
    _inherit = ["link.guard.mixin"]
    _module = None

    name = fields.Char()
    secret_id = fields.Many2one("test.link.secret")
    other_secret_id = fields.Many2one("test.link.secret")
    partner_id = fields.Many2one("res.partner")


class NarrowLinkingRecord(models.Model):
    _name = "test.link.narrow"
    _description = "Test record guarding one of its links"
    _inherit = ["link.guard.mixin"]
    _module = None
    _link_guard_fields = ("secret_id",)

    secret_id = fields.Many2one("test.link.secret")
    free_secret_id = fields.Many2one("test.link.secret")


MODELS = (SecretTarget, LinkingRecord, NarrowLinkingRecord)


@tagged("post_install", "-at_install")
class TestLinkGuard(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        register_test_models(cls, MODELS, perms="rwc")
        cls.env["ir.rule"].create(
            {
                "name": "secrets: their owner only",
                "model_id": cls.env["ir.model"]._get_id(SecretTarget._name),
                "domain_force": "[('owner_id', '=', user.id)]",
            }
        )
        cls.user = new_test_user(cls.env, login="link_user", groups="base.group_user")
        cls.owner = new_test_user(cls.env, login="link_owner", groups="base.group_user")
        Secret = cls.env[SecretTarget._name]
        cls.mine = Secret.create({"name": "Mine", "owner_id": cls.user.id})
        cls.hidden = Secret.create({"name": "Operation Nightfall", "owner_id": cls.owner.id})
        cls.hidden2 = Secret.create({"name": "Operation Daybreak", "owner_id": cls.owner.id})
        cls.Holder = cls.env[LinkingRecord._name].with_user(cls.user)

    def assertRefused(self, call, *field_labels):
        with self.assertRaises(AccessError) as caught:
            call()
        message = str(caught.exception)
        for label in field_labels:
            self.assertIn(label, message)
        self.assertNotIn("Operation", message)  # no name of a hidden record
        return message

    def test_create_with_a_hidden_target_is_refused(self):
        self.assertRefused(
            lambda: self.Holder.create({"name": "x", "secret_id": self.hidden.id}), "Secret"
        )
        self.assertRefused(
            lambda: self.Holder.create(
                [
                    {"name": "a", "secret_id": self.mine.id},
                    {"name": "b", "other_secret_id": self.hidden2.id},
                ]
            ),
            "Other Secret",
        )

    def test_write_and_import_with_a_hidden_target_are_refused(self):
        holder = self.Holder.create({"name": "x", "secret_id": self.mine.id})
        self.assertRefused(lambda: holder.write({"secret_id": self.hidden.id}), "Secret")
        self.assertEqual(holder.secret_id, self.mine)
        result = self.Holder.load(["name", "secret_id/.id"], [["y", str(self.hidden.id)]])
        self.assertFalse(result["ids"])
        self.assertIn("not allowed to read", result["messages"][0]["message"])

    def test_readable_targets_and_empty_links_pass(self):
        holder = self.Holder.create(
            {"name": "x", "secret_id": self.mine.id, "partner_id": self.user.partner_id.id}
        )
        holder.write({"secret_id": False, "other_secret_id": self.mine.id})
        self.assertEqual(holder.other_secret_id, self.mine)

    def test_one_check_per_target_model(self):
        vals_list = [{"name": str(n), "secret_id": self.mine.id} for n in range(20)]
        self.Holder.create(vals_list[:1])
        self.env.invalidate_all()
        with self.assertQueryCount(1):
            self.Holder._check_links(vals_list)

    def test_declared_fields_only(self):
        Narrow = self.env[NarrowLinkingRecord._name].with_user(self.user)
        Narrow.create({"free_secret_id": self.hidden.id})
        self.assertRefused(lambda: Narrow.create({"secret_id": self.hidden.id}), "Secret")

    def test_superuser_code_passes(self):
        holder = self.Holder.sudo().create({"name": "x", "secret_id": self.hidden.id})
        self.assertEqual(holder.secret_id, self.hidden)
