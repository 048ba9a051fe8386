"""The project editor (new or existing), laid out by ``forms/project_dialog.ui``."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from greendesk.domain.roles import Principal
from greendesk.services.records import borrowers, projects
from greendesk.services.records.inputs import ProjectInput
from greendesk.services.records.results import ProjectRecord
from greendesk.store.database import Database
from greendesk.ui.dialogs import emissions_page
from greendesk.ui.dialogs.code_choices import attach_catalogue_button
from greendesk.ui.dialogs.editor import EditorDialog, blank_none
from greendesk.ui.forms import child

EDITS = {
    "name": "nameEdit",
    "location": "locationEdit",
    "region": "regionEdit",
    "catalogue_code": "catalogueEdit",
    "capacity_mw": "capacityEdit",
    "capacity_note": "capacityNoteEdit",
    "total_investment": "investmentEdit",
    "annual_co2e_reduction_t": "co2eEdit",
    "carbon_sink_t": "sinkEdit",
}
OPTIONAL_NUMBERS = ("capacity_mw", "total_investment", "annual_co2e_reduction_t", "carbon_sink_t")


class ProjectDialog(EditorDialog):
    FIELDS: ClassVar[dict[str, str]] = {
        **EDITS,
        "borrower_id": "borrowerCombo",
        "description": "descriptionEdit",
    }

    def __init__(
        self,
        db: Database,
        actor: Principal,
        record: ProjectRecord | None = None,
        borrower_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, "project_dialog")
        self.record = record
        self.borrower = child(self, QComboBox, "borrowerCombo")
        for b in borrowers.list_borrowers(db):
            self.borrower.addItem(f"{b.name} ({b.credit_code})", b.id)
        self.edits = {k: child(self, QLineEdit, v) for k, v in EDITS.items()}
        self.description = child(self, QPlainTextEdit, "descriptionEdit")
        self.choose_catalogue = attach_catalogue_button(self.edits["catalogue_code"])
        start = projects.project_input(record) if record else ProjectInput(borrower_id=borrower_id)
        self._technology = dict(start.technology)
        for key, edit in self.edits.items():
            value = getattr(start, key)
            edit.setText("" if value is None else str(value))
        self.description.setPlainText(start.description)
        if start.borrower_id is not None:
            self.borrower.setCurrentIndex(max(0, self.borrower.findData(start.borrower_id)))
        self.borrower.setEnabled(record is None)  # a project stays with its borrower
        self.setWindowTitle(
            QCoreApplication.translate("ProjectDialog", "New project")
            if record is None
            else QCoreApplication.translate("ProjectDialog", "Project {}").format(record.name)
        )

        def save() -> ProjectRecord:
            data = self.collect()
            if record is None:
                return projects.create_project(db, actor, data)
            return projects.update_project(
                db, actor, record.id, data, expected_version=record.version
            )

        self.set_saver(save)
        self.emissions = emissions_page.install(
            child(self, QWidget, "emissionsTab"), db, actor, "project",
            record.id if record else None,
        )  # fmt: skip

    def collect(self) -> ProjectInput:
        values: dict[str, object] = {}
        for key, edit in self.edits.items():
            text = edit.text()
            values[key] = blank_none(text) if key in OPTIONAL_NUMBERS else text.strip()
        borrower = self.borrower.currentData()
        return ProjectInput(
            borrower_id=int(borrower) if borrower is not None else None,
            description=self.description.toPlainText(),
            technology=self._technology,
            **values,  # type: ignore[arg-type]
        )
