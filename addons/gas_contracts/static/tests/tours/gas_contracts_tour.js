import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

registry.category("web_tour.tours").add("gas_contracts_draft_contract", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            trigger: ".o_app[data-menu-xmlid='gas_contracts.menu_gas_contracts_root']",
            content: "Open the Gas Contracts app",
            run: "click",
        },
        {
            trigger: ".o_menu_sections [data-menu-xmlid='gas_contracts.menu_gas_contract']",
            content: "Open the contracts",
            run: "click",
        },
        {
            trigger: ".o_list_view th[data-name=title]",
            content: "The contracts are listed",
        },
        {
            trigger: ".o_list_button_add",
            content: "Draft a contract",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=title] input",
            content: "Name it",
            run: "edit Tour alarm contract",
        },
        {
            trigger: ".o_field_widget[name=type_id] input",
            content: "Pick the contract type",
            run: "edit Gas Alarm",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains(Gas Alarm Installation)",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=partner_id] input",
            content: "Pick the gas user",
            run: "edit Tour Gas User",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains(Tour Gas User)",
            run: "click",
        },
        {
            trigger: ".o_notebook a[name=fees]",
            content: "Open the fees",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=charged_amount] input",
            content: "Charge the standard fee",
            run: "edit 300",
        },
        ...stepUtils.saveForm(),
        {
            trigger: ".o_form_view button[name=action_submit]",
            content: "Submit: a scattered residential alarm needs no approval",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status .o_arrow_button_current:contains(Approved)",
            content: "The contract is approved at once",
        },
    ],
});

registry.category("web_tour.tours").add("gas_contracts_review_contract", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            trigger: ".o_app[data-menu-xmlid='gas_contracts.menu_gas_contracts_root']",
            content: "Open the Gas Contracts app",
            run: "click",
        },
        {
            trigger: ".o_menu_sections [data-menu-xmlid='gas_contracts.menu_gas_contract_to_review']",
            content: "Contracts waiting for my review",
            run: "click",
        },
        {
            trigger: ".o_data_row td:contains(Tour kitchen installation)",
            content: "Open the contract",
            run: "click",
        },
        {
            trigger: ".o_form_view button[name=validate_tier]",
            content: "Approve it",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status .o_arrow_button_current:contains(Approved)",
            content: "The contract is approved",
        },
    ],
});
