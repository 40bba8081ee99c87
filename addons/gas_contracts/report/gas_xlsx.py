from odoo import models
from odoo.tools import split_every

# Rows are read and written this many records at a time, so that a 100,000-row
# register never holds all its records in the ORM cache at once.
CHUNK = 1000


def _in_chunks(records, order):
    """Yield ``records`` one by one in ``order``, read CHUNK at a time, cache dropped between.

    Rendered by a register export run (``gas_export_run_id`` in the context), each
    chunk written counts as the run's progress.
    """
    ordered_ids = records.search([("id", "in", records.ids)], order=order).ids
    run = records.env["gas.export.run"].browse(records.env.context.get("gas_export_run_id"))
    done = 0
    for chunk_ids in split_every(CHUNK, ordered_ids):
        yield from records.browse(chunk_ids)
        done += len(chunk_ids)
        if run:
            run._write_progress(done)
        records.env.invalidate_all()


def _selection_labels(env, model, fname):
    return dict(env[model]._fields[fname]._description_selection(env))


class GasContractRegisterXlsx(models.AbstractModel):
    _name = "report.gas_contracts.contract_register_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Gas Contract Register (Excel)"
    _xlsx_streamed = True

    def generate_xlsx_report(self, workbook, data, objs):
        states = _selection_labels(self.env, "gas.contract", "state")
        categories = _selection_labels(self.env, "gas.contract", "user_category")
        table = self._xlsx_table(
            workbook,
            self.env._("Contract Register"),
            self.env._("Contract Register"),
            [
                (self.env._("Contract Type"), "text"),
                (self.env._("Status"), "text"),
                (self.env._("Contract Number"), "text"),
                (self.env._("Contract Title"), "text"),
                (self.env._("Gas User"), "text"),
                (self.env._("User Category"), "text"),
                (self.env._("Contract Date"), "date"),
                (self.env._("Standard Amount"), "amount"),
                (self.env._("Budget Amount"), "amount"),
                (self.env._("Charged Amount"), "amount"),
                (self.env._("Annual Contract Quantity (m³)"), "volume"),
                (self.env._("Drafted by"), "text"),
                (self.env._("Archive Number"), "text"),
            ],
        )
        table.write_rows(
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
            ]
            for contract in _in_chunks(objs, "type_id, state, name")
        ).close()
        # summary: one row per type, one column per state, counted by the database
        counts = {}
        for ctype, state, count in self.env["gas.contract"]._read_group(
            [("id", "in", objs.ids)], ["type_id", "state"], ["__count"]
        ):
            counts.setdefault(ctype, dict.fromkeys(states, 0))[state] = count
        summary = self._xlsx_table(
            workbook,
            self.env._("By Type and Status"),
            self.env._("Contracts by Type and Status"),
            [(self.env._("Contract Type"), "text")]
            + [(label, "integer") for label in states.values()],
        )
        summary.write_rows(
            [ctype.name] + list(counts[ctype].values())
            for ctype in sorted(counts, key=lambda t: (t.sequence, t.id))
        ).close()


class GasTopStatementXlsx(models.AbstractModel):
    """The take-or-pay statement: one line per gas user, year and contract, a subtotal for
    each gas user with several lines, the total, and the lines to sign below."""

    _name = "report.gas_contracts.top_statement_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Take-or-Pay Settlement Statement (Excel)"
    _xlsx_streamed = True

    # the columns added up in the totals: quantities, volumes and the amount due
    _summed_columns = (3, 5, 6, 7, 9, 11)

    def _get_period(self, settlements):
        years = ", ".join(str(year) for year in sorted(set(settlements.mapped("year"))))
        period = self.env._("Year: %(years)s", years=years)
        if len(settlements.partner_id) == 1:
            period = "    ".join(
                [self.env._("Gas user: %(user)s", user=settlements.partner_id.name), period]
            )
        return period

    def generate_xlsx_report(self, workbook, data, objs):
        table = self._xlsx_table(
            workbook,
            self.env._("Take-or-Pay Statement"),
            self.env._("Take-or-Pay Statement"),
            [
                (self.env._("Gas User"), "text"),
                (self.env._("Year"), "integer"),
                (self.env._("Contract Number"), "text"),
                (self.env._("Annual Contract Quantity (m³)"), "volume"),
                (self.env._("Minimum Take Share (%)"), "percent"),
                (self.env._("Minimum Take (m³)"), "volume"),
                (self.env._("Taken Volume (m³)"), "volume"),
                (self.env._("Shortfall (m³)"), "volume"),
                (self.env._("Price"), "amount"),
                (self.env._("Amount Due"), "amount"),
                (self.env._("Make-up Gas Brought Forward (m³)"), "volume"),
                (self.env._("Make-up Gas Taken (m³)"), "volume"),
                (self.env._("Make-up Gas Carried Forward (m³)"), "volume"),
            ],
            period=self._get_period(objs),
        )
        groups = {}
        for settlement in objs.sorted(
            lambda s: (s.partner_id.display_name or "", s.year, s.contract_id.name or "")
        ):
            groups.setdefault(settlement.partner_id, []).append(settlement)
        totals = dict.fromkeys(self._summed_columns, 0.0)
        for partner, settlements in groups.items():
            rows = [self._get_row(settlement) for settlement in settlements]
            table.write_rows(rows)
            sums = {col: sum(row[col] for row in rows) for col in self._summed_columns}
            for col, value in sums.items():
                totals[col] += value
            # a gas user with several years or contracts gets his own subtotal
            if len(groups) > 1 and len(rows) > 1:
                table.write_total(self.env._("Subtotal %(user)s", user=partner.display_name), sums)
        table.write_total(self.env._("Total"), totals, whole=True)
        table.write_signatures(
            [
                self.env._("Prepared by:"),
                self.env._("Checked by:"),
                self.env._("Gas user (seal):"),
                self.env._("Date:"),
            ],
            table.close() + 1,
        )

    def _get_row(self, settlement):
        return [
            settlement.partner_id.display_name,
            settlement.year,
            settlement.contract_id.name,
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
        ]


class GasAccountListXlsx(models.AbstractModel):
    _name = "report.gas_contracts.account_list_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Gas Account List (Excel)"
    _xlsx_streamed = True

    def generate_xlsx_report(self, workbook, data, objs):
        technical = self.env.user.has_group("gas_contracts.group_gas_query_technical")
        meter_types = _selection_labels(self.env, "gas.meter", "meter_type")
        kinds = _selection_labels(self.env, "gas.appliance", "kind")
        columns = [
            (self.env._("Account Number"), "text"),
            (self.env._("Gas User"), "text"),
            (self.env._("Address"), "text"),
            (self.env._("Phone"), "text"),
            (self.env._("Identity Number"), "text"),
            (self.env._("Opening Date"), "date"),
        ]
        if technical:
            columns += [(self.env._("Meters"), "text"), (self.env._("Gas Appliances"), "text")]
        table = self._xlsx_table(
            workbook, self.env._("Gas Accounts"), self.env._("Gas Account List"), columns
        )

        def rows():
            for account in _in_chunks(objs, "name"):
                address_parts = [
                    account.city,
                    account.district,
                    account.street,
                    account.building,
                    account.unit,
                    account.room,
                ]
                values = [
                    account.name,
                    account.partner_id.display_name,
                    " ".join(filter(None, address_parts)),
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
                yield values

        table.write_rows(rows()).close()
