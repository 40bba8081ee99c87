#!/usr/bin/env python3
"""Screenshots of a running Odoo (bin/run) in headless Chromium, in a chosen language.

Usage: python3 tools/screenshots.py [--url http://127.0.0.1:8069] [--db archive_addons]
           [--login admin] [--password admin] [--lang zh_CN] [--out docs/screenshots]
           [NAME=PATH ...]

Each NAME=PATH opens URL+PATH (for example `dossiers=/odoo/research-dossiers`) as the user,
whose interface language is switched to --lang first, waits until the web client has drawn
the view, and saves OUT/NAME.png. In PATH, `{module.record}` stands for the id of the record
with that XML id (a demo record, say): `/odoo/gas-contracts/{gas_contracts.contract_alarm_demo}`.
Without NAME=PATH, the key screens of the three add-ons' main journeys on the demo data are
taken (see KEY_SCREENS); the browser tours (tests/test_tour*.py) save the same journeys, step
by step, while the tests run.
"""

import argparse
import base64
import json
import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

import websocket  # websocket-client, pinned in requirements-dev.txt

# The key screens of each add-on's main journey, on the demo data of `bin/run`.
KEY_SCREENS = {
    "research-overview": "/odoo/research-overview",
    "customer-overview": "/odoo/customer-records-overview",
    "gas-overview": "/odoo/gas-overview",
    "dossier-form": "/odoo/research-dossiers/{research_archive.dossier_general_2015_demo}",
    "research-dossiers": "/odoo/research-dossiers",
    "customer-files": "/odoo/customer-files",
    "access-request": "/odoo/action-customer_records.customer_access_grant_action"
    "/{customer_records.customer_access_grant_demo}",
    "complaint-form": "/odoo/action-customer_records.customer_complaint_action"
    "/{customer_records.customer_complaint_jinling_demo}",
    "gas-contract-form": "/odoo/gas-contracts/{gas_contracts.contract_collective_install_demo}",
    "gas-account-form": "/odoo/action-gas_contracts.gas_account_action"
    "/{gas_contracts.account_huaneng_demo}",
    "take-or-pay-form": "/odoo/gas-contracts/{gas_contracts.contract_take_or_pay_demo}",
}

READY = (
    "!!document.querySelector('.o_main_navbar')"
    " && document.querySelector('.o_action_manager')?.children.length > 0"
    " && !document.querySelector('.o_loading_indicator, .o_blockUI')"
)


def rpc(opener, url, route, params):
    body = json.dumps({"jsonrpc": "2.0", "method": "call", "params": params}).encode()
    request = urllib.request.Request(
        url + route, data=body, headers={"Content-Type": "application/json"}
    )
    with opener.open(request, timeout=60) as response:
        answer = json.load(response)
    if answer.get("error"):
        raise SystemExit(f"{route}: {answer['error']['data']['message']}")
    return answer["result"]


def call_kw(opener, url, model, method, args, kwargs=None):
    return rpc(
        opener,
        url,
        f"/web/dataset/call_kw/{model}/{method}",
        {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
    )


def login(url, db, user, password, lang):
    """Authenticate, switch the user's language, and return the session opener and id."""
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    session = rpc(
        opener, url, "/web/session/authenticate", {"db": db, "login": user, "password": password}
    )
    call_kw(opener, url, "res.users", "write", [[session["uid"]], {"lang": lang}])
    return opener, next(c.value for c in jar if c.name == "session_id")


def resolve(opener, url, path):
    """Replace each `{module.record}` of ``path`` by the id of the record of that XML id."""

    def record_id(match):
        module, _, name = match[1].partition(".")
        found = call_kw(
            opener,
            url,
            "ir.model.data",
            "search_read",
            [[("module", "=", module), ("name", "=", name)]],
            {"fields": ["res_id"], "limit": 1},
        )
        if not found:
            raise SystemExit(f"{match[1]}: no such record (is the demo data installed?)")
        return str(found[0]["res_id"])

    return re.sub(r"\{([\w.]+)\}", record_id, path)


class Browser:
    """Just enough of the Chrome DevTools protocol to load a page and capture it."""

    def __init__(self, width=1440, height=900):
        chromium = next(
            filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome")))
        )
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        self.profile = tempfile.mkdtemp(prefix="screenshots-")
        self.process = subprocess.Popen(
            [
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--remote-debugging-port={port}",
                f"--user-data-dir={self.profile}",
                f"--window-size={width},{height}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/json", timeout=2) as r:
                    page = next(t for t in json.load(r) if t["type"] == "page")
                break
            except (OSError, StopIteration):
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.3)
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=60)
        self.ids = iter(range(1, 1_000_000))

    def send(self, method, **params):
        call_id = next(self.ids)
        self.ws.send(json.dumps({"id": call_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == call_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def shoot(self, url, path, timeout=60):
        self.send("Page.navigate", url=url)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            time.sleep(0.5)
            ready = self.send("Runtime.evaluate", expression=READY, returnByValue=True)
            if ready.get("result", {}).get("value"):
                break
        else:
            raise SystemExit(f"{url} did not finish drawing within {timeout} s")
        time.sleep(1)  # let animations settle
        shot = self.send("Page.captureScreenshot", format="png")
        path.write_bytes(base64.b64decode(shot["data"]))

    def close(self):
        self.ws.close()
        self.process.terminate()
        self.process.wait(timeout=30)
        shutil.rmtree(self.profile, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8069")
    parser.add_argument("--db", default="archive_addons")
    parser.add_argument("--login", default="admin")
    parser.add_argument("--password", default="admin")
    parser.add_argument("--lang", default="zh_CN")
    parser.add_argument("--out", default="docs/screenshots", type=Path)
    parser.add_argument("pages", nargs="*", metavar="NAME=PATH")
    args = parser.parse_args()
    pages = args.pages or [f"{name}={path}" for name, path in KEY_SCREENS.items()]
    opener, session_id = login(args.url, args.db, args.login, args.password, args.lang)
    args.out.mkdir(parents=True, exist_ok=True)
    browser = Browser()
    try:
        host = urllib.parse.urlparse(args.url).hostname
        browser.send("Network.enable")
        browser.send(
            "Network.setCookie", name="session_id", value=session_id, domain=host, path="/"
        )
        for page in pages:
            name, _, path = page.partition("=")
            target = args.out / f"{name}.png"
            path = resolve(opener, args.url, path)
            browser.shoot(args.url + path, target)
            print(f"{target}  <-  {path}")
    finally:
        browser.close()


if __name__ == "__main__":
    main()
