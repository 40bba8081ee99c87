import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

// Run by a market manager reading Chinese (tests/test_batch_approval.py): two contracts
// waiting for his review are approved at once from the list.
const TITLES = ["Tour batch kitchen", "Tour batch bakery"];

registry.category("web_tour.tours").add("gas_contracts_batch_approval", {
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
        ...TITLES.map((title) => ({
            trigger: `.o_data_row:has(td[name=title]:contains(${title})) .o_list_record_selector input`,
            content: `Select ${title}`,
            run: "click",
        })),
        {
            trigger: ".o_selection_container button[name=action_validate_selected]:contains(批准)",
            content: "Approve both at once",
            run: "click",
        },
        {
            trigger: ".o_list_view:not(:has(.o_data_row td[name=title]:contains(Tour batch)))",
            content: "Both leave the list of contracts to review",
        },
        {
            trigger: ".o_menu_sections [data-menu-xmlid='gas_contracts.menu_gas_contract']",
            content: "Open all contracts",
            run: "click",
        },
        ...TITLES.map((title) => ({
            trigger: `.o_data_row:has(td[name=title]:contains(${title})) td[name=state]:contains(已批准)`,
            content: `${title} shows approved`,
        })),
    ],
});
