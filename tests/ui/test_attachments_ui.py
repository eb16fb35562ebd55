"""Scanned pages in the GUI (#11): files dropped on the dossier view and on one checklist line
(a real QDropEvent with file URLs), the page viewer's turn / reorder / remove / combine, a refused
file named, and the scanner inbox dock dragged onto the open dossier."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from onestop_desktop.errors import OneStopError
from onestop_desktop.services import attachments as att
from onestop_desktop.services import scanner_watch
from onestop_desktop.services.context import Session
from onestop_desktop.ui.attachments import PagesPanel
from onestop_desktop.ui.dossier_view import DossierView
from onestop_desktop.ui.inbox import InboxDock
from tests.helpers import scans
from tests.ui.test_dossier_view import open_view, receive


def mime_of(paths: list[Path]) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def drop(widget: QWidget, paths: list[Path], at: QPoint | None = None) -> QDropEvent:
    """Send a drag-enter then a drop of ``paths`` onto ``widget`` as Qt would."""
    mime = mime_of(paths)
    pos = at or widget.rect().center()
    enter = QDragEnterEvent(
        pos,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    event = QDropEvent(
        QPointF(pos),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)
    return event


def wait_idle(qtbot: QtBot, panel: PagesPanel) -> None:
    qtbot.waitUntil(lambda: not panel.busy(), timeout=20000)


def test_drop_on_the_view_attaches_in_the_background(
    qtbot: QtBot, session: Session, tmp_path: Path
) -> None:
    view = open_view(qtbot, session, receive(session))
    files = [scans.jpeg(tmp_path / "cccd.jpg", orientation=6), scans.tiff(tmp_path / "so.tif", 3)]
    event = drop(view, files)
    assert event.isAccepted()
    wait_idle(qtbot, view.pages)
    assert [a.name for a in view.pages.items()] == ["cccd.jpg", "so.tif"]
    assert view.pages.list.count() == 2 and not view.pages.list.item(0).icon().isNull()
    assert view.pages.preview.pixmap() is not None and not view.pages.preview.pixmap().isNull()


def test_drop_on_a_checklist_line_names_that_document(
    qtbot: QtBot, session: Session, tmp_path: Path
) -> None:
    view = open_view(qtbot, session, receive(session))
    detail = view.detail()
    assert detail is not None and len(detail.documents) >= 2
    table = view.checklist
    row = 1
    y = table.rowViewportPosition(row) + 2
    drop(table.viewport(), [scans.png(tmp_path / "giay.png")], QPoint(10, y))
    wait_idle(qtbot, view.pages)
    (item,) = view.pages.items()
    assert item.document == detail.documents[row].number


def test_page_viewer_turns_reorders_removes_and_combines(
    qtbot: QtBot, session: Session, tmp_path: Path
) -> None:
    view = open_view(qtbot, session, receive(session))
    key = view.detail().id  # type: ignore[union-attr]
    att.attach(session, key, [scans.png(tmp_path / "a.png"), scans.tiff(tmp_path / "b.tif", 2)])
    panel = view.pages
    panel.refresh()
    panel.list.setCurrentRow(0)
    qtbot.mouseClick(panel.right_button, Qt.MouseButton.LeftButton)
    assert panel.items()[0].rotation == 90
    panel.list.setCurrentRow(1)
    panel.page_box.setValue(2)
    qtbot.mouseClick(panel.left_button, Qt.MouseButton.LeftButton)
    assert panel.items()[1].rotation_of(2) == 270 and panel.items()[1].rotation_of(1) == 0
    panel.zoom.setValue(100)
    wide = panel.preview.pixmap().width()
    panel.zoom.setValue(50)
    assert panel.preview.pixmap().width() < wide
    qtbot.mouseClick(panel.up_button, Qt.MouseButton.LeftButton)
    assert [a.name for a in att.list_for(session, key)] == ["b.tif", "a.png"]
    out = tmp_path / "gop.pdf"
    panel.combine(out)
    wait_idle(qtbot, panel)
    assert len(pypdf.PdfReader(out).pages) == 3
    panel.list.setCurrentRow(1)
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert [a.name for a in att.list_for(session, key)] == ["b.tif"]
    kinds = [
        e["kind"]
        for e in session.store.query("SELECT kind FROM events WHERE kind GLOB 'attachment.*'")
    ]
    assert kinds.count("attachment.rotated") == 2 and "attachment.removed" in kinds


def test_a_refused_file_is_named_and_nothing_changes(
    qtbot: QtBot, session: Session, tmp_path: Path
) -> None:
    view = open_view(qtbot, session, receive(session))
    view.pages.show_errors = False
    failures: list[OneStopError] = []
    view.pages.failed.connect(failures.append)
    bad = scans.truncated(scans.pdf(tmp_path / "x.pdf"), tmp_path / "hong.pdf", 0.7)
    drop(view.pages, [scans.png(tmp_path / "ok.png"), bad])
    wait_idle(qtbot, view.pages)
    assert len(failures) == 1 and "hong.pdf" in failures[0].message
    assert view.pages.items() == []


def test_inbox_dock_lists_the_scanner_folder_and_drags_onto_the_dossier(
    qtbot: QtBot, session: Session, tmp_path: Path
) -> None:
    folder = tmp_path / "scanner"
    folder.mkdir()
    view: DossierView = open_view(qtbot, session, receive(session))
    inbox = scanner_watch.ScannerInbox(folder, stable_polls=1)
    dock = InboxDock(session, inbox, lambda: view.detail().id if view.detail() else None)
    qtbot.addWidget(dock)
    view.pages.assign_hook = dock.take
    scanned = scans.g4_tiff(folder / "scan0001.tif", 2)
    scans.jpeg(folder / "scan0002.jpg")
    for _ in range(3):
        worker = dock.poll()
        if worker is not None:
            qtbot.waitSignal(worker.finished, timeout=10000).wait()
        qtbot.waitUntil(lambda: dock._poller is None, timeout=10000)
    assert dock.list.count() == 2
    dragged = dock.list.mimeData([dock.list.item(0)])
    (url,) = dragged.urls()
    assert Path(url.toLocalFile()) == scanned
    drop(view.pages, [scanned])
    assert [a.name for a in view.pages.items()] == ["scan0001.tif"]
    assert (folder / "processed" / "scan0001.tif").exists() and not scanned.exists()
    assert dock.list.count() == 1
    dock.list.item(0).setSelected(True)
    assert dock.assign_selected()
    assert [a.name for a in view.pages.items()] == ["scan0001.tif"]  # panel not yet refreshed
    view.pages.refresh()
    assert [a.name for a in view.pages.items()] == ["scan0001.tif", "scan0002.jpg"]


def test_files_dropped_on_the_intake_are_checked_then_attached_when_received(
    qtbot: QtBot, session: Session, tmp_path: Path
) -> None:
    from PySide6.QtCore import QSettings

    from onestop_desktop.ui.mainwindow import MainWindow
    from tests.ui.test_intake import fill, open_intake

    w = MainWindow(session, settings=QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.resize(1024, 720)
    w.show()
    qtbot.waitExposed(w)
    dialog = open_intake(qtbot, w)
    bad = scans.truncated(scans.jpeg(tmp_path / "x.jpg"), tmp_path / "hong.jpg")
    drop(dialog, [bad])
    assert "hong.jpg" in dialog.error.text() and dialog.scans == []
    good = scans.pdf(tmp_path / "giay-to.pdf", 2)
    drop(dialog, [good])
    assert dialog.scans == [good] and "giay-to.pdf" in dialog.scans_label.text()
    fill(dialog)
    summary = dialog.save()
    assert summary is not None
    assert [a.name for a in att.list_for(session, summary.code)] == ["giay-to.pdf"]


def test_main_window_docks_the_inbox_and_assigns_to_the_open_dossier(
    qtbot: QtBot, session: Session, tmp_path: Path
) -> None:
    from PySide6.QtCore import QSettings

    from onestop_desktop.domain.roles import Role
    from onestop_desktop.services import settings
    from onestop_desktop.services.context import Actor, Station
    from onestop_desktop.ui.mainwindow import MainWindow

    folder = tmp_path / "scanner"
    folder.mkdir()
    operator = Session(session.store, Station.load(session.store), Actor("op", "op", Role.OPERATOR))
    settings.set_setting(operator, "scanner_folder", str(folder))
    w = MainWindow(session, settings=QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: isinstance(w.scanner_inbox, InboxDock), timeout=5000)
    dock = w.scanner_inbox
    assert isinstance(dock, InboxDock)
    dock.timer.stop()
    dock.inbox._watcher.stable_polls = 1
    scans.png(folder / "scan0001.png")
    for _ in range(3):
        qtbot.waitUntil(lambda: dock._poller is None, timeout=10000)
        dock.poll()
    qtbot.waitUntil(lambda: dock.list.count() == 1, timeout=10000)
    dock.list.item(0).setSelected(True)
    assert not dock.assign_selected()  # no dossier open: it waits in the inbox
    key = receive(session)
    assert w.open_dossier(key)
    assert dock.assign_selected()
    assert [a.name for a in att.list_for(session, key)] == ["scan0001.png"]
    assert (folder / "processed" / "scan0001.png").exists()


def test_dragging_a_thumbnail_to_another_place_records_the_order(
    qtbot: QtBot, session: Session, tmp_path: Path
) -> None:
    from PySide6.QtCore import QModelIndex

    view = open_view(qtbot, session, receive(session))
    key = view.detail().id  # type: ignore[union-attr]
    att.attach(
        session,
        key,
        [
            scans.png(tmp_path / "a.png"),
            scans.tiff(tmp_path / "b.tif"),
            scans.jpeg(tmp_path / "c.jpg"),
        ],
    )
    view.pages.refresh()
    # what an InternalMove drop does to the list's model: move row 0 to the end
    assert view.pages.list.model().moveRow(QModelIndex(), 0, QModelIndex(), 3)
    assert [a.name for a in att.list_for(session, key)] == ["b.tif", "c.jpg", "a.png"]
    assert [a.name for a in view.pages.items()] == ["b.tif", "c.jpg", "a.png"]


def test_inbox_shows_a_file_the_scanner_still_holds_as_waiting(
    qtbot: QtBot, session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file another program holds (Windows: a sharing violation, simulated) is listed as
    waiting with the reason, cannot be dragged, and becomes an ordinary line once readable."""
    folder = tmp_path / "scanner"
    folder.mkdir()
    page = scans.jpeg(folder / "scan0009.jpg")
    real_open = Path.open
    holding = {"on": True}

    def fake_open(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if holding["on"] and self.name == page.name:
            err = PermissionError(13, "being used by another process")
            err.winerror = 32  # type: ignore[attr-defined]
            raise err
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", fake_open)
    inbox = scanner_watch.ScannerInbox(folder, stable_polls=1)
    inbox._watcher.locked_report_polls = 2
    dock = InboxDock(session, inbox, lambda: None)
    qtbot.addWidget(dock)

    def poll_once() -> None:
        worker = dock.poll()
        if worker is not None:
            qtbot.waitSignal(worker.finished, timeout=10000).wait()
        qtbot.waitUntil(lambda: dock._poller is None, timeout=10000)

    for _ in range(4):
        poll_once()
    assert dock.list.count() == 1
    line = dock.list.item(0)
    assert "scan0009.jpg — đang chờ:" in line.text() and "2 lần thử" in line.text()
    assert not line.flags() & Qt.ItemFlag.ItemIsDragEnabled
    holding["on"] = False
    for _ in range(2):
        poll_once()
    assert dock.list.count() == 1 and dock.list.item(0).text() == "scan0009.jpg (1 trang)"
    assert dock.list.item(0).flags() & Qt.ItemFlag.ItemIsDragEnabled
