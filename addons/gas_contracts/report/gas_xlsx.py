from odoo import models
from odoo.tools import split_every

# Rows are read and written this many records at a time, so that a 100,000-row
# register never holds all its records in the ORM cache at once.
CHUNK = 1000


class GasXlsxMixin(models.AbstractModel):
    _name = "report.gas_contracts.xlsx_mixin"
    _inherit = "report.report_xlsx.abstract"
    _description = "Gas Contracts Excel Helpers"

    def get_workbook_options(self):
        # bounded memory for large registers (text stays text through base_record_guard)
        return dict(super().get_workbook_options(), constant_memory=True)

    def _write_header(self, workbook, sheet, headers):
        bold = workbook.add_format({"bold": True, "bg_color": "#D9E1F2"})
        for col, header in enumerate(headers):
            sheet.write_string(0, col, header, bold)
            sheet.set_column(col, col, max(12, len(header) + 2))

    def _write_row(self, sheet, row, values, date_format=None):
        for col, value in enumerate(values):
            if value is None or value is False:
                sheet.write_blank(row, col, None)
            elif isinstance(value, bool):
                sheet.write_boolean(row, col, value)
            elif isinstance(value, int | float):
                sheet.write_number(row, col, value)
            elif hasattr(value, "isoformat"):
                sheet.write_datetime(row, col, value, date_format)
            else:
                sheet.write_string(row, col, str(value))

    def _in_chunks(self, records, order):
        """Yield ``records`` one by one in ``order``, read CHUNK at a time, cache dropped between.

        Rendered by a register export run (``gas_export_run_id`` in the context), each
        chunk written counts as the run's progress.
        """
        ordered_ids = records.search([("id", "in", records.ids)], order=order).ids
        run = self.env["gas.export.run"].browse(self.env.context.get("gas_export_run_id"))
        done = 0
        for chunk_ids in split_every(CHUNK, ordered_ids):
            yield from records.browse(chunk_ids)
            done += len(chunk_ids)
            if run:
                run._write_progress(done)
            records.env.invalidate_all()

    def _selection_labels(self, model, fname):
        field = self.env[model]._fields[fname]
        return dict(field._description_selection(self.env))


class GasContractRegisterXlsx(models.AbstractModel):
    _name = "report.gas_contracts.contract_register_xlsx"
    _inherit = "report.gas_contracts.xlsx_mixin"
    _description = "Gas Contract Register (Excel)"

    def generate_xlsx_report(self, workbook, data, objs):
        date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
        states = self._selection_labels("gas.contract", "state")
        categories = self._selection_labels("gas.contract", "user_category")
        sheet = workbook.add_worksheet(self.env._("Contract Register"))
        self._write_header(
            workbook,
            sheet,
            [
                self.env._("Contract Type"),
                self.env._("Status"),
                self.env._("Contract Number"),
                self.env._("Contract Title"),
                self.env._("Gas User"),
                self.env._("User Category"),
                self.env._("Contract Date"),
                self.env._("Standard Amount"),
                self.env._("Budget Amount"),
                self.env._("Charged Amount"),
                self.env._("Annual Contract Quantity (m³)"),
                self.env._("Drafted by"),
                self.env._("Archive Number"),
            ],
        )
        for row, contract in enumerate(self._in_chunks(objs, "type_id, state, name"), start=1):
            self._write_row(
                sheet,
                row,
                [
                    contract.type_id.name,
                    states.get(contract.state),
                    contract.name,
                    contract.title,
                    contract.partner_id.display_name,
                    categories.get(contract.user_category),
                    contract.contract_date,
                    contract.standard_amount,
                    contract.budget_amount,
                    contract.charged_amount,
                    contract.annual_quantity,
                    contract.user_id.name,
                    contract.archive_number,
                ],
                date_format,
            )
        # summary: one row per type, one column per state, counted by the database
        summary = workbook.add_worksheet(self.env._("By Type and Status"))
        state_keys = list(states)
        self._write_header(workbook, summary, [self.env._("Contract Type"), *states.values()])
        counts = {}
        for ctype, state, count in self.env["gas.contract"]._read_group(
            [("id", "in", objs.ids)], ["type_id", "state"], ["__count"]
        ):
            counts.setdefault(ctype, dict.fromkeys(state_keys, 0))[state] = count
        for row, ctype in enumerate(sorted(counts, key=lambda t: (t.sequence, t.id)), 1):
            self._write_row(summary, row, [ctype.name] + [counts[ctype][s] for s in state_keys])


class GasTopStatementXlsx(models.AbstractModel):
    _name = "report.gas_contracts.top_statement_xlsx"
    _inherit = "report.gas_contracts.xlsx_mixin"
    _description = "Take-or-Pay Settlement Statement (Excel)"

    def generate_xlsx_report(self, workbook, data, objs):
        sheet = workbook.add_worksheet(self.env._("Take-or-Pay Statement"))
        self._write_header(
            workbook,
            sheet,
            [
                self.env._("Contract Number"),
                self.env._("Gas User"),
                self.env._("Year"),
                self.env._("Annual Contract Quantity (m³)"),
                self.env._("Minimum Take Share (%)"),
                self.env._("Minimum Take (m³)"),
                self.env._("Taken Volume (m³)"),
                self.env._("Shortfall (m³)"),
                self.env._("Price"),
                self.env._("Amount Due"),
                self.env._("Make-up Gas Brought Forward (m³)"),
                self.env._("Make-up Gas Taken (m³)"),
                self.env._("Make-up Gas Carried Forward (m³)"),
            ],
        )
        for row, settlement in enumerate(objs.sorted(lambda s: (s.year, s.contract_id.name)), 1):
            self._write_row(
                sheet,
                row,
                [
                    settlement.contract_id.name,
                    settlement.partner_id.display_name,
                    settlement.year,
                    settlement.annual_quantity,
                    settlement.min_take_share,
                    settlement.min_take_volume,
                    settlement.taken_volume,
                    settlement.shortfall_volume,
                    settlement.price,
                    settlement.amount_due,
                    settlement.makeup_opening,
                    settlement.makeup_used,
                    settlement.makeup_closing,
                ],
            )


class GasAccountListXlsx(models.AbstractModel):
    _name = "report.gas_contracts.account_list_xlsx"
    _inherit = "report.gas_contracts.xlsx_mixin"
    _description = "Gas Account List (Excel)"

    def generate_xlsx_report(self, workbook, data, objs):
        date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
        technical = self.env.user.has_group("gas_contracts.group_gas_query_technical")
        meter_types = self._selection_labels("gas.meter", "meter_type")
        kinds = self._selection_labels("gas.appliance", "kind")
        sheet = workbook.add_worksheet(self.env._("Gas Accounts"))
        headers = [
            self.env._("Account Number"),
            self.env._("Gas User"),
            self.env._("Address"),
            self.env._("Phone"),
            self.env._("Identity Number"),
            self.env._("Opening Date"),
        ]
        if technical:
            headers += [self.env._("Meters"), self.env._("Gas Appliances")]
        self._write_header(workbook, sheet, headers)
        for row, account in enumerate(self._in_chunks(objs, "name"), start=1):
            address = " ".join(
                filter(
                    None,
                    [
                        account.city,
                        account.district,
                        account.street,
                        account.building,
                        account.unit,
                        account.room,
                    ],
                )
            )
            values = [
                account.name,
                account.partner_id.display_name,
                address,
                # masked below the level that may see the full numbers
                account.phone_display,
                account.id_number_display,
                account.open_date,
            ]
            if technical:
                values += [
                    "; ".join(
                        f"{m.name} ({meter_types.get(m.meter_type)} {m.model or ''})".strip()
                        for m in account.meter_ids
                    ),
                    "; ".join(
                        f"{kinds.get(a.kind)} {a.brand or ''} {a.model or ''} x{a.count}"
                        for a in account.appliance_ids
                    ),
                ]
            self._write_row(sheet, row, values, date_format)
