"""Test tools that Research Archive, Customer Records and Gas Contracts share.

They live here because this is the one add-on the three depend on; this add-on does not use
them itself.
"""

import base64
import json
import logging
from pathlib import Path
from unittest.mock import patch

from odoo.tests import HttpCase
from odoo.tests.common import ChromeBrowser, get_db_name
from odoo.tools import config

_logger = logging.getLogger(__name__)

LANG = "zh_CN"
SCREENSHOT_SIGNAL = "tour screenshot: "
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


class ScreenshotTourCase(HttpCase):
    """Tours run by users who read Simplified Chinese. A tour step that logs
    ``tour screenshot: NAME`` has the screen saved as NAME.png in the test
    screenshots folder (``--screenshots``, outside the repository); the step after it
    waits until the picture is saved.

    Each subclass names in ``term_modules`` the modules whose zh_CN terms its tours show.
    """

    term_modules = ()

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        assert cls.term_modules, f"{cls.__name__} must set term_modules"
        cls.env["res.lang"]._activate_lang(LANG)
        cls.env["ir.module.module"]._load_module_terms(list(cls.term_modules), [LANG])
        cls.screenshot_dir = Path(config["screenshots"], get_db_name(), "screenshots", LANG)

    def setUp(self):
        super().setUp()
        # names saved by this test: a picture left by an earlier run proves nothing
        self.screenshots_saved = set()

    def start_tour(self, url_path, tour_name, step_delay=None, **kwargs):
        handle_console = ChromeBrowser._handle_console
        test = self

        def _handle_console(browser, **params):
            message = (params.get("args") or [{}])[0].get("value")
            if (
                params.get("type") == "log"
                and isinstance(message, str)
                and message.startswith(SCREENSHOT_SIGNAL)
            ):
                test._save_screenshot(browser, message.removeprefix(SCREENSHOT_SIGNAL))
            return handle_console(browser, **params)

        with patch.object(ChromeBrowser, "_handle_console", _handle_console):
            return super().start_tour(url_path, tour_name, step_delay, **kwargs)

    def _save_screenshot(self, browser, name):
        path = self.screenshot_dir / f"{name}.png"
        path.unlink(missing_ok=True)

        def save(future):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(base64.b64decode(future.result()["data"]))
            _logger.info("Screenshot %s saved in %s", name, path)
            self.screenshots_saved.add(name)
            self._screenshot_saved(name)
            # tell the waiting tour step that the picture is taken
            browser._websocket_send(
                "Runtime.evaluate",
                params={"expression": f"document.body.dataset.tourScreenshot = {json.dumps(name)}"},
            )

        future = browser._websocket_send(
            "Page.captureScreenshot", params={"format": "png"}, with_future=True
        )
        if future:  # None once the browser is gone: the waiting tour step then times out
            future.add_done_callback(save)

    def _screenshot_saved(self, name):
        """Hook called once the screen ``name`` is saved, before the tour goes on: a test
        may change what the server holds while the user looks at that screen."""

    def assertScreenshot(self, name):
        path = self.screenshot_dir / f"{name}.png"
        self.assertIn(name, self.screenshots_saved, f"the tour should have saved {path}")
        self.assertTrue(path.is_file(), f"the tour should have saved {path}")
        self.assertTrue(path.read_bytes().startswith(PNG_MAGIC))
