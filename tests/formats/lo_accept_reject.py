"""Accept or reject all tracked changes in LibreOffice itself; print what remains.

Run with a Python that has LibreOffice's ``uno`` module (Debian: python3-uno), not the
project venv:

    /usr/bin/python3 tests/formats/lo_accept_reject.py a.docx b.docx > result.json

Starts one headless LibreOffice, opens each file twice (accept all, reject all) and prints
JSON ``{file: {"accept": [paragraphs], "reject": [paragraphs]}}`` (non-empty paragraphs,
each with its list number, as LibreOffice shows it, before its text).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]
from com.sun.star.connection import NoConnectException  # type: ignore[import-not-found]

PORT = 2099
COMMANDS = {"accept": ".uno:AcceptAllTrackedChanges", "reject": ".uno:RejectAllTrackedChanges"}


def _prop(name: str, value: object) -> PropertyValue:
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def _connect() -> object:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    url = f"uno:socket,host=localhost,port={PORT};urp;StarOffice.ComponentContext"
    for _ in range(120):
        try:
            return resolver.resolve(url)
        except NoConnectException:
            time.sleep(0.25)
    raise SystemExit("LibreOffice did not start")


def _paragraphs(ctx: object, path: str, mode: str) -> list[str]:
    smgr = ctx.ServiceManager  # type: ignore[attr-defined]
    desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    url = uno.systemPathToFileUrl(os.path.abspath(path))
    doc = desktop.loadComponentFromURL(url, "_blank", 0, (_prop("Hidden", True),))
    try:
        helper = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
        helper.executeDispatch(doc.getCurrentController().getFrame(), COMMANDS[mode], "", 0, ())
        out = []
        paragraphs = doc.getText().createEnumeration()
        while paragraphs.hasMoreElements():
            para = paragraphs.nextElement()
            if not para.supportsService("com.sun.star.text.Paragraph"):
                continue
            label = para.getPropertyValue("ListLabelString")
            text = f"{label} {para.getString()}" if label else para.getString()
            if text.strip():
                out.append(" ".join(text.split()))
        return out
    finally:
        doc.close(True)


def main() -> None:
    with tempfile.TemporaryDirectory() as profile:
        office = subprocess.Popen(
            [
                "soffice",
                "--headless",
                "--invisible",
                "--norestore",
                f"--accept=socket,host=localhost,port={PORT};urp;",
                f"-env:UserInstallation=file://{profile}",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            ctx = _connect()
            result = {
                path: {mode: _paragraphs(ctx, path, mode) for mode in COMMANDS}
                for path in sys.argv[1:]
            }
        finally:
            office.terminate()
            office.wait(timeout=30)
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
