"""Render the welcome flow and the help pages to PNG files, to look at what a new rep sees.

    .venv/bin/python scripts/render_first_run.py [OUT_DIR]     (default: shots/first_run)

Runs offscreen in a throw-away REP_ASSISTANT_HOME, so it never touches real settings. The policy
page is shown after importing a school document: ../shared/policies' first file when it is
beside the checkout, else a short made-up one.
"""

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_POLICY = """Brookfield Primary School
Code of conduct for class WhatsApp groups

1. Be kind: no insults or personal remarks about staff, pupils or other parents.
2. Do not swear or use offensive language.
3. Do not discuss individual children, their behaviour or their health.
4. Take complaints to the school office, not the group.
5. Do not share anyone's phone number, address or photos of children without consent.
6. Please do not post between 10pm and 7am.
"""


def main(out_dir: Path) -> None:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["REP_ASSISTANT_HOME"] = tempfile.mkdtemp(prefix="rep-shots-")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtWidgets import QApplication

    from rep_assistant.core.settings import Settings
    from rep_assistant.core.store import open_store
    from rep_assistant.ui.help_view import TOPICS, show_help
    from rep_assistant.ui.main_window import MainWindow
    from rep_assistant.ui.welcome import WelcomeWizard

    app = QApplication.instance() or QApplication([])
    out_dir.mkdir(parents=True, exist_ok=True)
    shots: list[Path] = []

    def grab(widget, name: str) -> None:
        app.processEvents()
        path = out_dir / f"{name}.png"
        widget.grab().save(str(path))
        shots.append(path)

    wizard = WelcomeWizard(Settings.load())
    wizard.show()
    grab(wizard, "welcome_1_intro")
    wizard.next()
    wizard.about.rep_name.setText("Sam Taylor")
    wizard.about.school_name.setText("Brookfield Primary School")
    wizard.about.school_email.setText("office@brookfield.example")
    grab(wizard, "welcome_2_about")
    wizard.next()
    grab(wizard, "welcome_3_policy_model")
    shared = sorted((ROOT.parent / "shared" / "policies").glob("*.txt"))
    document = shared[0] if shared else Path(os.environ["REP_ASSISTANT_HOME"]) / "Brookfield code of conduct.txt"
    if not shared:
        document.write_text(SAMPLE_POLICY, encoding="utf-8")
    wizard.policy_page.use_school.setChecked(True)
    wizard.policy_page.load_document(document)
    grab(wizard, "welcome_3_policy_school")
    wizard.next()
    grab(wizard, "welcome_4_quiet_hours")
    wizard.next()
    grab(wizard, "welcome_5_data")
    wizard.close()

    store = open_store(None)
    window = MainWindow(store, Settings.load())  # the help's shortcuts page lists the window's own
    dialog = show_help(window)
    for topic in TOPICS:
        dialog.show_topic(topic.key)
        grab(dialog, f"help_{topic.key}")
    dialog.close()
    window.close()
    store.close()
    for path in shots:
        print(path)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "shots" / "first_run")
