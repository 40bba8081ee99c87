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
        {
            trigger: ".o_notebook .nav-link[name=credit]",
            content: "Open the credit status",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=credit_rating] .o_select_menu_toggler",
            content: "Rate the customer's credit",
            run: "click",
        },
        {
            trigger: ".o_select_menu_menu .o_select_menu_item:contains('B - Good')",
            run: "click",
        },
        ...stepUtils.saveForm(),
        {
            trigger: ".o_form_view button[name=request_validation]",
            content: "Ask the sales director to approve the file",
            run: "click",
        },
        {
            trigger: ".o_form_view .alert-warning:contains('Pending validation')",
            content: "The file now waits for the sales director",
        },
    ],
});

registry.category("web_tour.tours").add("customer_records_grantee_reads_file", {
    url: "/odoo/customer-files",
    steps: () => [
        {
            trigger: ".o_list_view .o_data_row td[name=partner_id]:contains('Granted Customer Ltd')",
            content: "The granted file is the only one listed",
            run: "click",
        },
        {
            trigger: ".o_notebook .nav-link[name=credit]",
            content: "Open the credit status",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=credit_description]:contains('Pays in 30 days')",
            content: "The credit status is readable during the grant",
        },
    ],
});
