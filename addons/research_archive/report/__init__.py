from . import research_archive_xlsx
