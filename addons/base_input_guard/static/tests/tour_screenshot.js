/**
 * The tour side of ScreenshotTourCase (base_input_guard/tests/common.py), shared by the tours
 * of the add-ons: ask the test that runs the tour to save a screenshot of the screen as it is
 * now, and wait until it has been saved.
 */
export function screenshot(name) {
    return [
        {
            trigger: "body:not(:has(.o_loading_indicator, .o_blockUI, .o_form_dirty))",
            content: `Screenshot ${name}`,
            run() {
                // show the top of the record, where its state and actions are
                document.querySelector(".o_content")?.scrollTo(0, 0);
                console.log(`tour screenshot: ${name}`);
            },
        },
        {
            trigger: `body[data-tour-screenshot='${name}']`,
            content: `Screenshot ${name} saved`,
        },
    ];
}
