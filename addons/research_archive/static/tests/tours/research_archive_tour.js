import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

registry.category("web_tour.tours").add("research_archive_open_dossier", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            trigger: ".o_app[data-menu-xmlid='research_archive.menu_research_archive_root']",
            content: "Open the Research Archive app",
            run: "click",
        },
        {
            trigger: ".o_list_button_add",
            content: "Create a dossier",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=name] input",
            content: "Name it",
            run: "edit Tour dossier",
        },
        ...stepUtils.saveForm(),
    ],
});
