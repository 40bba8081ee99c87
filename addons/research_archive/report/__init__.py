from . import research_archive_xlsx, research_dossier_report
