from . import (
    test_approval,
    test_bad_input,
    test_complaint,
    test_confidentiality,
    test_customer_file,
    test_dashboard,
    test_escalation,
    test_json2_api,
    test_survey,
    test_tour,
    test_visit,
    test_xlsx,
)
