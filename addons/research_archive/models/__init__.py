from . import (
    research_archive_numbering,
    research_archive_round,
    research_document,
    research_document_type,
    research_dossier,
    research_dossier_category,
    research_dossier_waiver,
    research_file_checksum,
    research_handover,
    research_project,
)
