"""What a screen reader sees of IRO Desktop over AT-SPI (Linux): the accessible tree of each
of its windows (role, name, description, "labelled by", focusable) and the announcements it
sends. Run by ``atspi_dump.sh`` with the system's Python, which has ``pyatspi``
(``apt-get install python3-pyatspi``); not part of the app or its tests.

    python3 packaging/accessibility/atspi_dump.py OUT_FILE [SECONDS]
"""

from __future__ import annotations

import sys
import threading
import time

import pyatspi

APP_NAMES = ("IRO Desktop", "atspi_app.py", "python", "python3")
NAMED_ROLES = {
    "push button",
    "check box",
    "radio button",
    "combo box",
    "text",
    "entry",
    "spin button",
    "table",
    "tree table",
    "tree",
    "list",
    "page tab",
    "page tab list",
    "menu item",
    "menu",
    "password text",
    "toggle button",
    "slider",
    "date editor",
}


def find_app():
    desktop = pyatspi.Registry.getDesktop(0)
    for index in range(desktop.childCount):
        app = desktop.getChildAtIndex(index)
        if app is not None and app.name in APP_NAMES:
            return app
    return None


def labelled_by(node) -> str:
    try:
        for relation in node.getRelationSet():
            if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY:
                target = relation.getTarget(0)
                return target.name if target is not None else ""
    except Exception:
        return ""
    return ""


def walk(node, depth, lines, problems, limit=4000):
    if node is None or len(lines) > limit:
        return
    role = node.getRoleName()
    states = node.getState()
    if not states.contains(pyatspi.STATE_SHOWING) and depth > 1:
        return
    name, description, label = node.name or "", node.description or "", labelled_by(node)
    line = f"{'  ' * depth}[{role}] {name!r}"
    if label:
        line += f" labelled-by={label!r}"
    if description:
        line += f" desc={description!r}"
    if states.contains(pyatspi.STATE_FOCUSABLE):
        line += " focusable"
    lines.append(line)
    value_only = role == "combo box" and not label
    if role in NAMED_ROLES and ((not name.strip() and not label) or value_only):
        problems.append(line.strip())
    if role in ("table", "tree table", "tree", "list"):
        count = node.childCount
        headers = [node.getChildAtIndex(i) for i in range(min(count, 12))]
        names = [h.name for h in headers if h is not None and "header" in h.getRoleName()]
        lines.append(f"{'  ' * (depth + 1)}(column headers: {names}; {count} children)")
        return
    for index in range(node.childCount):
        walk(node.getChildAtIndex(index), depth + 1, lines, problems, limit)


def main(out_file: str, seconds: float = 20.0) -> int:
    heard: list[str] = []

    def on_event(event) -> None:
        text = str(event.any_data or "")
        heard.append(f"{event.type}: {text!r} (from {event.source.getRoleName()})")

    for kind in ("object:announcement", "object:property-change:accessible-name"):
        pyatspi.Registry.registerEventListener(on_event, kind)
    loop = threading.Thread(target=pyatspi.Registry.start, daemon=True)
    loop.start()

    app = None
    end = time.monotonic() + seconds
    while app is None and time.monotonic() < end:
        app = find_app()
        time.sleep(0.5)
    if app is None:
        print("IRO Desktop never appeared on the accessibility bus", file=sys.stderr)
        return 1
    time.sleep(max(0.0, end - time.monotonic() - 6))  # the form is open by then
    lines: list[str] = []
    problems: list[str] = []
    walk(app, 0, lines, problems)
    time.sleep(3)  # announcements after the problems appear
    pyatspi.Registry.stop()
    with open(out_file, "w", encoding="utf-8") as out:
        out.write("\n".join(lines))
        out.write("\n\n== announcements and name changes heard ==\n")
        out.write("\n".join(heard[-40:]))
        out.write("\n\n== controls without a name or label ==\n")
        out.write("\n".join(problems) or "(none)")
        out.write("\n")
    print(f"{len(lines)} nodes, {len(problems)} unnamed, {len(heard)} events; see {out_file}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], float(sys.argv[2]) if len(sys.argv) > 2 else 20.0))
