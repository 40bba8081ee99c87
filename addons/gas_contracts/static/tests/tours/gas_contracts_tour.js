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
            trigger: ".o_list_button_add",
            content: "Draft a contract",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=name] input",
            content: "Name it",
            run: "edit Tour contract",
        },
        ...stepUtils.saveForm(),
    ],
});
