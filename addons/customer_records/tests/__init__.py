from . import (
    test_approval,
    test_complaint,
    test_confidentiality,
    test_customer_file,
    test_json2_api,
    test_survey,
    test_visit,
    test_xlsx,
)
