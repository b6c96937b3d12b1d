"""Fixtures for the browser tests (make test-browser).

The server under test is the release binary (PEERPATH_BIN), started on a copy of pathways/ in a
temporary folder, so that what-if and save never touch the repository. The browser is Debian's
headless Chromium driven by Debian's chromedriver through Selenium; nothing is downloaded.
"""

import hashlib
import os
import re
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.chrome.service import Service

REPO = Path(__file__).resolve().parents[2]
BIN = Path(os.environ.get("PEERPATH_BIN", REPO / ".build/release/peerpath"))
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
SCREENSHOTS = Path(os.environ.get("SCREENSHOTS", REPO / "out/screenshots"))

# The hostile copy of a shipped pathway: its first role's title and first own duty carry markup,
# both kinds of quote and a right-to-left override.
HOSTILE_PATHWAY = "hostile-copy"
HOSTILE_ROLE = "peer-mentor"
HOSTILE_TITLE = "<script>alert(1)</script> \"Peer\" 'Mentor' \u202eroivaheb"
HOSTILE_DUTY = "<img src=x onerror=alert(2)> Meet people \"one to one\" & 'listen' \u202eoot"

# Installed in every document before its own scripts run: records any dialog a page opens.
DIALOG_TRAP = """
window.__dialogs = [];
for (const name of ['alert', 'confirm', 'prompt', 'print']) {
  const original = window[name];
  window[name] = function (...args) { window.__dialogs.push([name, String(args[0])]); };
}
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def sha256(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def yaml_scalar(text):
    """A YAML double-quoted scalar for text (escapes backslash, quote and the RTL override)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\u202e", "\\u202E") + '"'


def write_hostile_copy(folder):
    """pathways/community-peer-support.yaml with a new id, a hostile first role title and duty."""
    source = (REPO / "pathways/community-peer-support.yaml").read_text(encoding="utf-8")
    text = source.replace("  id: community-peer-support\n", f"  id: {HOSTILE_PATHWAY}\n", 1)
    text = text.replace("    title: Peer Mentor\n", f"    title: {yaml_scalar(HOSTILE_TITLE)}\n", 1)
    first_duty = re.search(r"(      - area: Working alongside people\n        text: )>\n(?:          .*\n)+", text)
    assert first_duty, "the shipped pathway's first duty has moved; update write_hostile_copy"
    text = text[: first_duty.start()] + first_duty.group(1) + yaml_scalar(HOSTILE_DUTY) + "\n" + text[first_duty.end():]
    assert text.count(HOSTILE_PATHWAY) >= 1 and yaml_scalar(HOSTILE_TITLE) in text and yaml_scalar(HOSTILE_DUTY) in text
    (folder / f"{HOSTILE_PATHWAY}.yaml").write_text(text, encoding="utf-8")


class Server:
    """`peerpath serve FOLDER --port N` in the background; its address from what it prints."""

    def __init__(self, folder):
        self.folder = folder
        self.port = free_port()
        self.lines = []
        self.process = subprocess.Popen(
            [str(BIN), "serve", str(folder), "--port", str(self.port)],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1,
        )
        self.address = None
        found = threading.Event()

        def read():
            for line in self.process.stdout:
                self.lines.append(line.rstrip("\n"))
                match = re.search(r"https?://[0-9A-Za-z.\[\]:]+:\d+", line)
                if match and not found.is_set():
                    self.address = match.group(0).rstrip("/")
                    found.set()
            found.set()

        threading.Thread(target=read, daemon=True).start()
        if not found.wait(60) or self.address is None:
            self.stop()
            raise RuntimeError("peerpath serve printed no address within 60 s; it printed:\n" + "\n".join(self.lines))

    def url(self, path):
        return self.address + path

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@pytest.fixture(scope="session")
def served():
    """A temporary copy of pathways/ plus the hostile copy, and the server started on it."""
    if not BIN.exists():
        pytest.exit(f"no peerpath binary at {BIN} (make test-browser builds it)", returncode=2)
    work = Path(tempfile.mkdtemp(prefix="peerpath-browser-"))
    folder = work / "pathways"
    shutil.copytree(REPO / "pathways", folder)
    write_hostile_copy(folder)
    server = Server(folder)
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)


def make_driver(download_dir):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1280,1000", "--force-device-scale-factor=1", "--lang=en-GB",
                     "--no-first-run", "--disable-background-networking", "--disable-component-update"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {
        "download.default_directory": str(download_dir),
        "download.prompt_for_download": False,
    })
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": DIALOG_TRAP})
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(download_dir)})
    driver.set_script_timeout(30)
    return driver


@pytest.fixture(scope="session")
def downloads():
    folder = Path(tempfile.mkdtemp(prefix="peerpath-downloads-"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def driver(downloads):
    driver = make_driver(downloads)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def browser(driver, served):
    """The session's browser at a normal size, with no dialog open and none recorded."""
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    driver.set_window_size(1280, 1000)
    yield driver
    try:
        alert = driver.switch_to.alert
        text = alert.text
        alert.dismiss()
        pytest.fail(f"a dialog was left open: {text!r}")
    except NoAlertPresentException:
        pass


def dialogs(driver):
    """Dialogs the current page tried to open (alert, confirm, prompt, print)."""
    return driver.execute_script("return window.__dialogs || []")


def token(driver):
    return driver.find_element("css selector", 'meta[name="peerpath-token"]').get_attribute("content")


def fetch_json(driver, method, path, body=None, with_token=True):
    """fetch() from the page, so that it goes through the browser like the page's own requests."""
    return driver.execute_async_script(
        """
        const [method, path, body, withToken, done] = arguments;
        const headers = {'Content-Type': 'application/json'};
        if (withToken) headers['X-PeerPath-Token'] = document.querySelector('meta[name="peerpath-token"]').content;
        fetch(path, {method, headers, body: body === null ? undefined : JSON.stringify(body)})
          .then(async r => done({status: r.status, text: await r.text()}))
          .catch(e => done({status: 0, text: String(e)}));
        """,
        method, path, body, with_token,
    )


def screenshot(driver, name, height=1800):
    """The top of the current page, up to height CSS pixels, as SCREENSHOTS/name.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    height = min(driver.execute_script("return document.documentElement.scrollHeight"), height)
    width = driver.execute_script("return window.innerWidth")
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": max(height, 600), "deviceScaleFactor": 1, "mobile": False})
    try:
        driver.execute_script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)")
        time.sleep(0.2)
        driver.save_screenshot(str(SCREENSHOTS / f"{name}.png"))
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def wait_until(condition, timeout=10, message="condition"):
    """Poll condition() until it returns something truthy; that value, or a failure naming message."""
    end = time.monotonic() + timeout
    last = None
    while time.monotonic() < end:
        try:
            last = condition()
        except Exception as error:  # the page may be re-rendering
            last = error
        if last and not isinstance(last, Exception):
            return last
        time.sleep(0.05)
    pytest.fail(f"timed out after {timeout} s waiting for {message} (last: {last!r})")


def text_of(driver, selector):
    return driver.find_element("css selector", selector).text.strip()


def role_state(driver):
    """What the role page shows: points, band, margins, the factors' selected levels, the duties in the
    role (a duty of the file that is removed stays listed, marked `removed`, with a button to restore
    it) and the count of criteria."""
    return driver.execute_script("""
        const text = s => (document.querySelector(s) || {textContent: null}).textContent.trim();
        const levels = {};
        for (const row of document.querySelectorAll('#factors tr[data-factor]')) {
          const select = row.querySelector('select');
          if (select) levels[row.dataset.factor] = select.value;
        }
        return {points: text('#points'), band: text('#band'), margins: text('#margins'), levels,
                duties: [...document.querySelectorAll('#duties > li:not(.removed)')].map(li => li.dataset.duty),
                removed: [...document.querySelectorAll('#duties > li.removed')].map(li => li.dataset.duty),
                criteria: document.querySelectorAll('#criteria > li:not(.removed)').length};
    """)
