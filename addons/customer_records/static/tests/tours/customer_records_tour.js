import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

registry.category("web_tour.tours").add("customer_records_open_file", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            trigger: ".o_app[data-menu-xmlid='customer_records.menu_customer_records_root']",
            content: "Open the Customer Records app",
            run: "click",
        },
        {
            trigger: ".o_list_button_add",
            content: "Create a customer file",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=partner_id] input",
            content: "Choose the customer",
            run: "edit Tour Customer",
        },
        {
            trigger: ".ui-autocomplete .dropdown-item:contains('Tour Customer Ltd')",
            run: "click",
        },
        ...stepUtils.saveForm(),
    ],
});
