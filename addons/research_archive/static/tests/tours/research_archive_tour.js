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
            trigger: ".o_data_cell:contains('Tour reading project')",
            content: "Open the project dossier",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=missing_early_ids] .o_tag",
            content: "Missing early-phase documents are listed",
        },
        {
            trigger: ".o_notebook .nav-link:contains('Remarks')",
            content: "Open the remarks tab",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=remarks] textarea",
            content: "Write a remark for the remarks sheet",
            run: "edit Filed by the tour",
        },
        ...stepUtils.saveForm(),
        {
            trigger: ".o_form_view button[name=action_submit]",
            content: "Hand the dossier in",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Submitted')",
            content: "The dossier is handed in",
        },
    ],
});
