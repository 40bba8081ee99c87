from . import (
    test_account,
    test_archive,
    test_contract,
    test_json2_api,
    test_routing,
    test_take_or_pay,
    test_tier_attacks,
    test_tour,
    test_views,
    test_xlsx,
)
