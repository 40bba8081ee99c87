from . import (
    test_access,
    test_api,
    test_completeness,
    test_dossier,
    test_reports,
    test_rounds,
    test_seal,
    test_tour,
)
