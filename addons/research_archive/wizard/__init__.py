from . import research_dossier_reopen_wizard
