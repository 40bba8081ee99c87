from odoo.tests import tagged

from odoo.addons.base_record_guard.tests.lock_matrix import LockedRecordsMatrix

from .common import GasCommon


@tagged("post_install", "-at_install")
class TestRecordLock(GasCommon, LockedRecordsMatrix):
    """[GC-7] every locked gas model x {write, unlink, attachment, message}, as every role."""

    def test_archived_contract_and_account_matrix(self):
        contract = self._draft(type_id=self.t_alarm.id, charged_amount=300.0).with_user(self.staff)
        paper = self._attach(contract, "letter")
        contract.action_submit()
        contract.action_sign()
        contract.action_start()
        contract.action_done()
        contract.with_user(self.archivist).action_archive_papers()
        # an instalment of an archived contract, put there the private way for the fixture
        instalment = (
            self.env["gas.contract"]
            ._workflow()
            .env["gas.contract.instalment"]
            .create(
                {
                    "contract_id": contract.id,
                    "deadline": "2026-04-01",
                    "amount": 150.0,
                    "installation_step": "A",
                }
            )
        )

        account = self._open_account()
        meter = (
            self.env["gas.meter"]
            .with_user(self.staff)
            .create({"account_id": account.id, "name": "LOCK-1", "install_date": "2026-03-01"})
        )
        reading = (
            self.env["gas.meter.reading"]
            .with_user(self.staff)
            .create({"meter_id": meter.id, "date": "2026-04-01", "reading": 5.0})
        )
        appliance = (
            self.env["gas.appliance"]
            .with_user(self.staff)
            .create({"account_id": account.id, "kind": "cooker"})
        )
        account.with_user(self.staff).action_close()
        account.with_user(self.archivist).action_archive_file()

        self.assert_locked_records(
            "gas_contracts",
            [contract, paper, instalment, account, meter, reading, appliance],
            (
                self.staff,
                self.market,
                self.vp,
                self.gm,
                self.planning,
                self.finance,
                self.budget,
                self.archivist,
                self.admin_gas,
                self.basic,
            ),
        )
