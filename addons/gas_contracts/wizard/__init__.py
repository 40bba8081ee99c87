from . import gas_contract_terminate_wizard, gas_top_settle_wizard
