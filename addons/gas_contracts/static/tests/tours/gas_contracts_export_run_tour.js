import { registry } from "@web/core/registry";

// Run by a contracts staff user on a list of more contracts than fit a page
// (tests/test_export_run.py): every contract is selected, then the register printed.
registry.category("web_tour.tours").add("gas_contracts_register_export_run", {
    steps: () => [
        {
            trigger: ".o_list_view thead .o_list_record_selector input",
            content: "Select the contracts of the page",
            run: "click",
        },
        {
            trigger: ".o_select_domain",
            content: "Select all the contracts of the list, beyond the page",
            run: "click",
        },
        {
            trigger: ".o_cp_action_menus button:has(.fa-print)",
            content: "Open the Print menu",
            run: "click",
        },
        {
            trigger: ".o-dropdown-item:contains(Contract Register (Excel))",
            content: "Print the contract register",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current[data-value=queued]",
            content: "The large register is queued: its export opens",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=contract_done] .o_progress[aria-valuenow='0']",
            content: "and shows its progress",
        },
    ],
});
