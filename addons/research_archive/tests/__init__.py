from . import test_research_dossier
