from . import customer_file_report, customer_records_xlsx
