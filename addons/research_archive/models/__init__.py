from . import research_dossier
