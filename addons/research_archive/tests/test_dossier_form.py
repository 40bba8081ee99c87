from lxml import etree

from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from .common import ResearchArchiveCommon


@tagged("post_install", "-at_install")
class TestDossierForm(ResearchArchiveCommon):
    """The dossier form says what is missing before anyone is refused, and numbers on entry."""

    def test_item_numbers_appear_on_entry(self):
        self._file_all_mandatory(self.dossier, self.researcher, with_files=False)
        last = max(self.dossier.document_ids.mapped("item_number"))
        on_tab = len(self.dossier.document_middle_ids)
        with Form(self.dossier.with_user(self.researcher)) as form:
            with form.document_middle_ids.new() as line:
                line.type_id = self.type_minutes
                line.name = "Group meeting"
                self.assertEqual(line.item_number, last + 1, "numbered as it is entered")
            with form.document_middle_ids.new() as line:
                line.type_id = self.type_minutes
                line.name = "Second meeting"
            # the dossier renumbers a line that took a number already on screen
            with form.document_middle_ids.edit(on_tab + 1) as line:
                self.assertEqual(line.item_number, last + 2)
        numbers = {d.name: d.item_number for d in self.dossier.document_ids}
        self.assertEqual(numbers["Group meeting"], last + 1)
        self.assertEqual(numbers["Second meeting"], last + 2)

    def test_a_number_taken_meanwhile_goes_to_the_end(self):
        """Two users numbered the same new item on their screens: the later one moves."""
        self._file_all_mandatory(self.dossier, self.researcher, with_files=False)
        Documents = self.env["research.document"].with_user(self.researcher)
        vals = {"dossier_id": self.dossier.id, "type_id": self.type_minutes.id, "item_number": 2}
        moved = Documents.create({**vals, "name": "Proposed 2"})
        self.assertEqual(moved.item_number, len(self.mandatory_types) + 1)
        free = Documents.create({**vals, "name": "Proposed 99", "item_number": 99})
        self.assertEqual(free.item_number, 99)

    def test_hand_in_of_an_incomplete_dossier_warns_at_once(self):
        action = self.dossier.with_user(self.researcher).action_submit()
        self.assertEqual(self.dossier.state, "submitted")
        self.assertEqual(action["params"]["type"], "warning")
        for doc_type in self.dossier.missing_type_ids:
            self.assertIn(doc_type.name, action["params"]["message"])
        self._file_all_mandatory(self.other_dossier, self.other_researcher)
        self.assertTrue(self.other_dossier.with_user(self.other_researcher).action_submit())

    def test_the_archive_room_sees_the_gap_instead_of_a_seal_button(self):
        arch = self.env["research.dossier"].with_user(self.room).get_views([(False, "form")])
        form = etree.fromstring(arch["views"]["form"]["arch"])
        seal = form.find(".//header/button[@name='action_accept_archive']")
        self.assertIn("missing_count", seal.get("invisible"))
        banner = form.find(".//sheet/div[@role='alert']")
        self.assertEqual(banner.get("invisible"), "state == 'archived' or not missing_count")
        self.assertIsNotNone(banner.find(".//field[@name='missing_type_ids']"))

    def test_several_types_waived_at_once_and_shown_as_waived(self):
        missing = self.dossier.missing_type_ids
        self.assertGreater(len(missing), 2)
        action = self.dossier.with_user(self.manager).action_open_waiver()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.manager)
            .with_context(**action["context"])
            .create({"reason": "Lost in the 2024 flood"})
        )
        self.assertEqual(wizard.type_ids, missing, "every missing type is proposed")
        wizard.type_ids = missing[:2]
        wizard.action_confirm()
        self.assertEqual(self.dossier.waived_type_ids, missing[:2])
        self.assertEqual(self.dossier.missing_type_ids, missing[2:])
        self.assertEqual(set(self.dossier.waiver_ids.mapped("reason")), {"Lost in the 2024 flood"})

    def test_only_the_archive_manager_waives(self):
        with self.assertRaises(AccessError):
            self.dossier.with_user(self.room).action_open_waiver()
        with self.assertRaises(AccessError):
            self.env["research.dossier.waive.wizard"].with_user(self.room).create(
                {
                    "dossier_id": self.dossier.id,
                    "type_ids": self.dossier.missing_type_ids[:1].ids,
                    "reason": "no",
                }
            )
        self.assertFalse(self.dossier.waiver_ids)
