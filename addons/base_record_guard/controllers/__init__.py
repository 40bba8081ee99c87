from . import export, report_xlsx
