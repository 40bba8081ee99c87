import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

// the general manager works in zh_CN: "Access Requests to Decide"
const TILE = ".o_role_overview_kanban .o_kanban_record:contains('待决定的查阅申请')";

registry.category("web_tour.tours").add("customer_records_overview", {
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            trigger: ".o_app[data-menu-xmlid='customer_records.menu_customer_records_root']",
            content: "Open the Customer Records app",
            run: "click",
        },
        {
            trigger: `${TILE} .text-warning`,
            content: "The app opens on its overview: an access request waits for a decision",
        },
        {
            trigger: ".o_control_panel:not(:has(.o-kanban-button-new))",
            content: "An overview creates nothing",
        },
        {
            trigger: TILE,
            content: "Follow the tile",
            run: "click",
        },
        {
            trigger: ".o_breadcrumb .active:contains('待决定的查阅申请')",
            content: "The list is named after the tile",
        },
        {
            trigger: ".o_list_view .o_data_row:contains('Overview tour purpose')",
            content: "and lists the request",
        },
    ],
});
