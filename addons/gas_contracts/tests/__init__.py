from . import test_gas_contract
