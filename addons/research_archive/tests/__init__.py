from . import (
    test_access,
    test_api,
    test_bad_input,
    test_completeness,
    test_dashboard,
    test_dossier,
    test_escalation,
    test_reports,
    test_rounds,
    test_seal,
    test_tour,
)
