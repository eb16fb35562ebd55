"""The reference for start-up time: a bare PySide6 window shown, painted once, then closed."""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel

app = QApplication(sys.argv)
window = QLabel("OneStop")
window.show()
QTimer.singleShot(0, app.quit)
sys.exit(app.exec())
