from . import gas_contract
