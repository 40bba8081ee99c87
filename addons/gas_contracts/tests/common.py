import base64
from datetime import date

from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon

G = "gas_contracts.group_gas_"
PDF_BYTES = base64.b64encode(b"%PDF-1.4 scanned paper")


class GasCommon(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.staff = new_test_user(env, login="gc_staff", groups=G + "contracts_user")
        cls.staff2 = new_test_user(env, login="gc_staff2", groups=G + "contracts_user")
        cls.market = new_test_user(env, login="gc_market", groups=G + "market_manager")
        cls.market2 = new_test_user(env, login="gc_market2", groups=G + "market_manager")
        cls.vp = new_test_user(env, login="gc_vp", groups=G + "operations_vp")
        cls.gm = new_test_user(env, login="gc_gm", groups=G + "general_manager")
        cls.planning = new_test_user(env, login="gc_planning", groups=G + "planning")
        cls.finance = new_test_user(env, login="gc_finance", groups=G + "finance")
        cls.budget = new_test_user(env, login="gc_budget", groups=G + "budget")
        cls.archivist = new_test_user(env, login="gc_archivist", groups=G + "archive_keeper")
        cls.admin_gas = new_test_user(env, login="gc_netadmin", groups=G + "contracts_manager")
        cls.basic = new_test_user(env, login="gc_basic", groups=G + "query_basic")
        cls.outsider = new_test_user(env, login="gc_outsider", groups="base.group_user")

        ref = env.ref
        cls.t_install = ref("gas_contracts.contract_type_installation")
        cls.t_alarm = ref("gas_contracts.contract_type_alarm")
        cls.t_res_supply = ref("gas_contracts.contract_type_residential_supply")
        cls.t_com_supply = ref("gas_contracts.contract_type_commercial_supply")
        cls.t_top = ref("gas_contracts.contract_type_take_or_pay")
        cls.partner = env["res.partner"].create({"name": "Zhang San"})
        cls.big_partner = env["res.partner"].create({"name": "Huaneng Ceramics Plant"})
        # the tests set their own standards, whatever a database already holds
        env["gas.tariff"].search([]).action_archive()
        cls.tariff = env["gas.tariff"].create(
            {
                "name": "Household installation 2026",
                "type_id": cls.t_install.id,
                "amount": 2800.0,
                "date_from": date(2026, 1, 1),
            }
        )
        env["gas.tariff"].create(
            {
                "name": "Alarm installation 2026",
                "type_id": cls.t_alarm.id,
                "amount": 300.0,
                "date_from": date(2026, 1, 1),
            }
        )

    @classmethod
    def _contract_vals(cls, **overrides):
        vals = {
            "title": "Installation, Building 3",
            "type_id": cls.t_install.id,
            "partner_id": cls.partner.id,
            "user_category": "residential",
            "contract_date": date(2026, 3, 1),
            "charged_amount": 2800.0,
        }
        vals.update(overrides)
        return vals

    def _draft(self, user=None, **overrides):
        user = user or self.staff
        return self.env["gas.contract"].with_user(user).create(self._contract_vals(**overrides))

    @classmethod
    def _top_vals(cls, **overrides):
        vals = {
            "title": "Take-or-pay, ceramics kilns",
            "type_id": cls.t_top.id,
            "partner_id": cls.big_partner.id,
            "user_category": "industrial",
            "contract_date": date(2026, 1, 1),
            "annual_quantity": 5_000_000.0,
            "daily_quantity": 20_000.0,
            "min_take_share": 80.0,
            "top_price": 2.5,
            "contract_year": 2025,
        }
        vals.update(overrides)
        return vals

    def _attach(self, contract, kind, user=None):
        return (
            self.env["gas.contract.document"]
            .with_user(user or self.staff)
            .create(
                {
                    "contract_id": contract.id,
                    "kind": kind,
                    "name": kind,
                    "file": PDF_BYTES,
                    "file_name": f"{kind}.pdf",
                }
            )
        )

    def _signed_supply(self, **overrides):
        """A supply contract with fees settled (no approval), signed by staff."""
        vals = self._contract_vals(
            title="Residential supply",
            type_id=self.t_res_supply.id,
            charged_amount=0.0,
            **overrides,
        )
        contract = self.env["gas.contract"].with_user(self.staff).create(vals)
        contract.with_user(self.finance).write({"installation_fee_paid": True})
        contract.with_user(self.staff).action_submit()
        contract.with_user(self.staff).action_sign()
        return contract

    def _open_account(self, contract=None):
        contract = contract or self._signed_supply()
        self._attach(contract, "supply_notice")
        self._attach(contract, "acceptance_drawing")
        action = contract.with_user(self.staff).action_open_account()
        return self.env["gas.account"].browse(action["res_id"])

    @classmethod
    def _make_top(cls, index, **overrides):
        """A signed take-or-pay contract of the big user on a supply account with a meter."""
        supply = cls.env["gas.contract"].create(
            cls._contract_vals(
                title=f"Plant supply {index}",
                type_id=cls.t_com_supply.id,
                partner_id=cls.big_partner.id,
                charged_amount=0.0,
            )
        )
        account = cls.env["gas.account"].create(
            {"contract_id": supply.id, "partner_id": cls.big_partner.id}
        )
        meter = cls.env["gas.meter"].create(
            {
                "account_id": account.id,
                "name": f"TOP-M-{index}",
                "meter_type": "turbine",
                "install_date": date(2024, 12, 1),
            }
        )
        contract = (
            cls.env["gas.contract"]
            .with_user(cls.vp)
            .create(cls._top_vals(**{"top_account_id": account.id, **overrides}))
        )
        contract.with_user(cls.vp).action_submit()
        contract.with_user(cls.gm).validate_tier()
        contract.with_user(cls.gm).action_sign()
        return contract, meter
