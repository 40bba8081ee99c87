from . import input_guard, res_partner
