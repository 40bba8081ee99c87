from . import gas_user_info, gas_xlsx
