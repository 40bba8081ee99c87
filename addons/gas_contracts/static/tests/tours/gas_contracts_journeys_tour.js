import { formatDate } from "@web/core/l10n/dates";
import { download } from "@web/core/network/download";
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";
import { screenshot } from "@base_input_guard/../tests/tour_screenshot";

const { DateTime } = luxon;

// These tours are run by users who read Simplified Chinese (tests/test_tour_journeys.py):
// the few texts they look for are the zh_CN labels a user sees and types.
const INSTALMENT = "Tour instalment installation";

function contractsListed() {
    return {
        trigger: ".o_list_view th[data-name=title]",
        content: "The contracts are listed",
    };
}

function pickRecord(field, typed, shown) {
    return [
        {
            trigger: `.o_field_widget[name=${field}] input`,
            content: `Choose ${shown}`,
            run: `edit ${typed}`,
        },
        {
            trigger: `.o-autocomplete--dropdown-item:contains('${shown}')`,
            run: "click",
        },
    ];
}

function isState(state) {
    return {
        trigger: `.o_statusbar_status button.o_arrow_button_current[data-value=${state}]`,
        content: `The record is now ${state}`,
    };
}

function addInstalment(months, amount, step) {
    const row = ".o_field_widget[name=instalment_ids] .o_data_row.o_selected_row";
    return [
        {
            trigger: ".o_field_widget[name=instalment_ids] .o_field_x2many_list_row_add a",
            content: "Add an instalment",
            run: "click",
        },
        {
            trigger: `${row} .o_field_widget[name=deadline] input`,
            content: "Its payment deadline",
            run: `edit ${formatDate(DateTime.now().plus({ months }))}`,
        },
        {
            trigger: `${row} .o_field_widget[name=amount] input`,
            content: "Its amount",
            run: `edit ${amount}`,
        },
        {
            trigger: `${row} .o_field_widget[name=installation_step] textarea`,
            content: "The installation step it pays for",
            run: `edit ${step}`,
        },
    ];
}

registry.category("web_tour.tours").add("gas_contracts_staff_drafts_instalment_contract", {
    url: "/odoo/gas-contracts",
    steps: () => [
        contractsListed(),
        {
            trigger: ".o_list_button_add",
            content: "Draft a contract",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=title] input",
            content: "Name it",
            run: `edit ${INSTALMENT}`,
        },
        ...pickRecord("type_id", "工程安装", "天然气用户工程安装"),
        ...pickRecord("partner_id", "Tour Household Qian", "Tour Household Qian"),
        {
            trigger: ".o_notebook a[name=fees]",
            content: "Open the fees",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=charged_amount] input",
            content: "Charge the standard fee",
            run: "edit 2800",
        },
        {
            trigger: ".o_field_widget[name=payment_mode] .o_select_menu_toggler",
            content: "Paid in instalments",
            run: "click",
        },
        {
            trigger: ".o_select_menu_menu .o_select_menu_item:contains(分批付款)",
            run: "click",
        },
        ...addInstalment(1, 1400, "Pipes laid to the kitchen"),
        ...addInstalment(2, 1400, "Meter set and gas let in"),
        ...stepUtils.saveForm(),
        {
            trigger: ".o_form_view button[name=action_submit]",
            content: "Submit the contract",
            run: "click",
        },
        isState("to_approve"),
        {
            trigger: ".o_form_view .alert-warning .o_field_widget[name=next_review]",
            content: "It waits for the next review",
        },
        ...screenshot("gas_contracts_instalment_submitted"),
    ],
});

registry.category("web_tour.tours").add("gas_contracts_vp_approves_instalment_contract", {
    url: "/odoo/action-gas_contracts.gas_contract_action_to_review",
    steps: () => [
        contractsListed(),
        {
            trigger: `.o_data_row td[name=title]:contains(${INSTALMENT})`,
            content: "Open the instalment contract",
            run: "click",
        },
        {
            trigger: ".o_notebook a[name=fees]",
            content: "Look at the instalments",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=instalment_ids] .o_data_row:eq(1)",
            content: "Two instalments are planned",
        },
        {
            trigger: ".o_form_view button[name=validate_tier]",
            content: "Approve it",
            run: "click",
        },
        isState("approved"),
        ...screenshot("gas_contracts_instalment_approved"),
    ],
});

function addLine(tab, list, fields) {
    const row = `.o_field_widget[name=${list}] .o_data_row.o_selected_row`;
    return [
        {
            trigger: `.o_notebook a[name=${tab}]`,
            content: `Open the ${tab} tab`,
            run: "click",
        },
        {
            trigger: `.o_field_widget[name=${list}] .o_field_x2many_list_row_add a`,
            content: `Add a line to the ${tab}`,
            run: "click",
        },
        ...Object.entries(fields).map(([name, value]) => ({
            trigger: `${row} .o_field_widget[name=${name}] input`,
            content: `Fill in ${name}`,
            run: `edit ${value}`,
        })),
    ];
}

registry.category("web_tour.tours").add("gas_contracts_staff_opens_account", {
    url: "/odoo/gas-contracts",
    steps: () => [
        {
            trigger: ".o_data_row td[name=partner_id]:contains(Tour Household Zhao)",
            content: "Open the signed supply contract",
            run: "click",
        },
        isState("signed"),
        {
            trigger: ".o_form_view button[name=action_open_account]",
            content: "Open the gas account",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=contract_id]",
            content: "The new account of the contract is shown",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=building] input",
            content: "Building",
            run: "edit 3",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=room] input",
            content: "Room",
            run: "edit 1201",
        },
        ...addLine("meters", "meter_ids", {
            name: "TOUR-M-0001",
            model: "G2.5",
            install_date: formatDate(DateTime.now()),
        }),
        ...addLine("appliances", "appliance_ids", { brand: "Rinnai", model: "JZT-2E" }),
        ...stepUtils.saveForm(),
        {
            trigger: ".o_form_view .o_field_widget[name=info_complete] input:checked",
            content: "The user file is complete",
        },
        {
            trigger: ".o_notebook a[name=meters]",
            content: "Show the meter",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=meter_ids] .o_data_row",
            content: "Every column header of the meters is shown in full",
            run() {
                const labels = document.querySelectorAll(
                    ".o_field_widget[name=meter_ids] thead th span.text-truncate"
                );
                const cut = [...labels].filter((el) => el.scrollWidth > el.clientWidth);
                if (!labels.length || cut.length) {
                    const texts = cut.map((el) => el.textContent);
                    throw new Error(`Cut-off meter column headers: ${texts.join(", ")}`);
                }
            },
        },
        ...screenshot("gas_contracts_account_opened"),
    ],
});

registry.category("web_tour.tours").add("gas_contracts_finance_settles_take_or_pay", {
    url: "/odoo/gas-contracts",
    steps: () => [
        {
            trigger:
                ".o_data_row:has(td[name=title]:contains(Tour kiln take-or-pay)) .o_list_record_selector input",
            content: "Select the take-or-pay contract",
            run: "click",
        },
        {
            trigger: ".o_cp_action_menus .dropdown-toggle:has(.fa-cog)",
            content: "Open the actions menu",
            run: "click",
        },
        {
            trigger: ".o-dropdown--menu .o-dropdown-item:contains(照付不议年度结算)",
            content: "Settle the take-or-pay year",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=contract_ids] .o_tag",
            content: "The selected contract is to be settled",
        },
        {
            trigger: ".modal .o_field_widget[name=year] input",
            content: "for last year",
            run: `edit ${DateTime.now().year - 1}`,
        },
        {
            trigger: ".modal button[name=action_settle]",
            content: "Settle",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal)) .o_list_view .o_data_row td[name=contract_id]",
            content: "Open the settlement",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=shortfall_volume]",
            content: "The shortfall is computed",
        },
        ...screenshot("gas_contracts_top_settlement"),
        {
            trigger: ".o_form_view",
            content: "Watch for the statement download",
            run() {
                const realDownload = download._download;
                download._download = async (options) => {
                    download._download = realDownload;
                    const [url, type] = JSON.parse(options.data.data);
                    const filename = await realDownload(options);
                    document.body.dataset.tourDownload = `${type} ${url.split("?")[0]}`;
                    return filename;
                };
            },
        },
        {
            trigger: ".o_cp_action_menus .dropdown-toggle",
            content: "Open the actions menu",
            run: "click",
        },
        {
            trigger: ".o-dropdown--menu .o-dropdown-item:contains(照付不议结算表)",
            content: "Export the statement",
            run: "click",
        },
        {
            trigger: "body[data-tour-download^='xlsx /report/xlsx/gas_contracts.top_statement_xlsx/']",
            content: "The statement was downloaded",
        },
    ],
});
