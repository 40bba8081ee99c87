from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon

USER = "customer_records.group_customer_records_user"
OFFICE = "customer_records.group_customer_records_office"
DIRECTOR = "customer_records.group_customer_records_director"
MANAGER = "customer_records.group_customer_records_manager"


class CustomerRecordsCommon(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.keeper = new_test_user(cls.env, login="cr_keeper", groups=USER)
        cls.keeper2 = new_test_user(cls.env, login="cr_keeper2", groups=USER)
        cls.office = new_test_user(cls.env, login="cr_office", groups=OFFICE)
        cls.director = new_test_user(cls.env, login="cr_director", groups=DIRECTOR)
        cls.director2 = new_test_user(cls.env, login="cr_director2", groups=DIRECTOR)
        cls.gm = new_test_user(cls.env, login="cr_gm", groups=MANAGER)
        cls.gm2 = new_test_user(cls.env, login="cr_gm2", groups=MANAGER)
        cls.outsider = new_test_user(
            cls.env, login="cr_outsider", groups="base.group_user,base.group_allow_export"
        )
        cls.sales_dept = cls.env["customer.department"].create(
            {"name": "Test Sales Department", "kind": "sales"}
        )
        cls.production_dept = cls.env["customer.department"].create(
            {"name": "Test Production Department", "kind": "production", "sequence": 1}
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Huadong Textile Co.", "phone": "+86 21 1234", "is_company": True}
        )
        cls.customer2 = cls.env["res.partner"].create({"name": "Jinling Foods", "is_company": True})
        cls.customer3 = cls.env["res.partner"].create({"name": "Xinhe Hotel", "is_company": True})

    @classmethod
    def _create_file(cls, partner, keeper=None, **vals):
        keeper = keeper or cls.keeper
        return (
            cls.env["customer.file"]
            .with_user(keeper)
            .create(
                dict(
                    {
                        "partner_id": partner.id,
                        "department_id": cls.sales_dept.id,
                        "credit_rating": "b",
                        "credit_limit": 1000.0,
                    },
                    **vals,
                )
            )
            .with_user(cls.env.user)
        )
