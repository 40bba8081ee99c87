from . import test_role_overview
