import base64

from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon

GROUP = "research_archive.group_research_archive_"


class ResearchArchiveCommon(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.researcher = new_test_user(cls.env, login="ra_t_researcher", groups=GROUP + "user")
        cls.member = new_test_user(cls.env, login="ra_t_member", groups=GROUP + "user")
        cls.other_researcher = new_test_user(cls.env, login="ra_t_other", groups=GROUP + "user")
        cls.office = new_test_user(cls.env, login="ra_t_office", groups=GROUP + "office")
        cls.room = new_test_user(cls.env, login="ra_t_room", groups=GROUP + "room")
        cls.manager = new_test_user(cls.env, login="ra_t_manager", groups=GROUP + "manager")
        cls.outsider = new_test_user(cls.env, login="ra_t_outsider", groups="base.group_user")

        cls.category_project = cls.env.ref("research_archive.dossier_category_project")
        cls.category_general = cls.env.ref("research_archive.dossier_category_general")
        cls.mandatory_types = cls.env["research.document.type"].search(
            [("mandatory", "=", True), ("category_id", "=", cls.category_project.id)]
        )
        cls.type_opening = cls.env.ref("research_archive.document_type_opening")
        cls.type_minutes = cls.env.ref("research_archive.document_type_minutes")
        cls.type_regulation = cls.env.ref("research_archive.document_type_regulation")

        cls.project = cls._create_project("Reading habits", cls.researcher, cls.member)
        cls.dossier = cls.project.dossier_id
        cls.other_project = cls._create_project("Science lessons", cls.other_researcher)
        cls.other_dossier = cls.other_project.dossier_id

    @classmethod
    def _create_project(cls, name, lead, *members, **vals):
        return (
            cls.env["research.project"]
            .with_user(lead)
            .create(
                {
                    "name": name,
                    "lead_id": lead.id,
                    "member_ids": [(6, 0, [m.id for m in members])],
                    "date_start": "2025-09-01",
                    **vals,
                }
            )
            .with_user(cls.env.user)
        )

    @classmethod
    def _file_all_mandatory(cls, dossier, user=None, with_files=True):
        env = dossier.env if user is None else dossier.with_user(user).env
        documents = env["research.document"].create(
            [
                {
                    "dossier_id": dossier.id,
                    "type_id": doc_type.id,
                    "name": doc_type.name,
                    "date": "2025-10-01",
                    "responsible": "Li Ming",
                    "page_count": 3,
                }
                for doc_type in cls.mandatory_types
            ]
        )
        if with_files:
            env["ir.attachment"].create(
                [
                    {
                        "name": f"{doc.name}-{doc.id}.txt",
                        "res_model": "research.document",
                        "res_id": doc.id,
                        "datas": base64.b64encode(f"content of {doc.id} {dossier.id}".encode()),
                    }
                    for doc in documents
                ]
            )
        return documents

    @classmethod
    def _archive(cls, dossier):
        if dossier.state == "draft":
            dossier.with_user(cls.room).action_submit()
        dossier.with_user(cls.room).action_accept_archive()
        return dossier
