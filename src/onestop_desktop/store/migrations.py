"""The schema, only ever built by these migrations.

A released migration is never edited: add a new one. ``tests/fixtures/schema/`` keeps a database
from every released schema and a test migrates each forward.
"""

from __future__ import annotations

import sqlite_utils

MIGRATIONS = sqlite_utils.Migrations("onestop")


@MIGRATIONS()
def m001_foundation(db: sqlite_utils.Database) -> None:
    """Settings, staff accounts, the event log, the dossier projection and its search index."""
    db.executescript(
        """
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );

        CREATE TABLE users (
            username TEXT PRIMARY KEY,
            full_name TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('clerk', 'officer', 'leader', 'admin')),
            password_hash TEXT NOT NULL,
            active INTEGER NOT NULL DEFAULT 1,
            failed_attempts INTEGER NOT NULL DEFAULT 0,
            locked_until TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );

        -- Events are the truth: append-only, keyed (station_id, seq), hash-chained per station.
        -- A rowid table, not WITHOUT ROWID: rows of ~500 bytes would bloat a clustered b-tree.
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            station_id INTEGER NOT NULL,
            seq INTEGER NOT NULL,
            dossier_id TEXT,
            kind TEXT NOT NULL,
            actor TEXT NOT NULL,
            at TEXT NOT NULL,
            payload TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL,
            UNIQUE (station_id, seq)
        );
        CREATE INDEX events_dossier ON events(dossier_id) WHERE dossier_id IS NOT NULL;
        CREATE TRIGGER events_no_update BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
        CREATE TRIGGER events_no_delete BEFORE DELETE ON events
        BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

        -- The projection. rid orders by receipt time (local only, never synced) so the worklist
        -- and search read newest-first straight from the b-tree / FTS doclists.
        CREATE TABLE dossiers (
            rid INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            code TEXT NOT NULL UNIQUE,
            station_id INTEGER NOT NULL,
            unit_code TEXT NOT NULL,
            procedure_code TEXT NOT NULL,
            procedure_version INTEGER,
            procedure_name TEXT NOT NULL,
            field TEXT NOT NULL DEFAULT '',
            channel TEXT NOT NULL DEFAULT 'in_person',
            sets_count INTEGER NOT NULL DEFAULT 1,
            applicant_name TEXT NOT NULL,
            applicant_id_number TEXT,
            applicant_birth_date TEXT,
            applicant_phone TEXT,
            applicant_address TEXT,
            applicant_email TEXT,
            received_at TEXT NOT NULL,
            due_at TEXT,
            status INTEGER NOT NULL,
            assignee TEXT,
            finished_at TEXT,
            returned_at TEXT,
            returned_to TEXT,
            refusal_reason TEXT,
            duplicate_of TEXT,
            supplement_count INTEGER NOT NULL DEFAULT 0,
            paused_since TEXT,
            reschedule_count INTEGER NOT NULL DEFAULT 0,
            note TEXT,
            documents TEXT NOT NULL DEFAULT '[]',
            history TEXT NOT NULL DEFAULT '[]',
            due_history TEXT NOT NULL DEFAULT '[]',
            last_station INTEGER NOT NULL,
            last_seq INTEGER NOT NULL,
            updated_at TEXT NOT NULL,
            search_text TEXT NOT NULL
        );
        CREATE INDEX dossiers_status ON dossiers(status, rid);
        CREATE INDEX dossiers_applicant ON dossiers(applicant_id_number, procedure_code)
            WHERE applicant_id_number IS NOT NULL;
        CREATE INDEX dossiers_received ON dossiers(received_at);

        CREATE VIRTUAL TABLE dossier_fts USING fts5(
            search_text, content='dossiers', content_rowid='rid',
            tokenize='unicode61 remove_diacritics 2', prefix='1 2 3'
        );
        CREATE TRIGGER dossiers_fts_ai AFTER INSERT ON dossiers BEGIN
            INSERT INTO dossier_fts(rowid, search_text) VALUES (new.rid, new.search_text);
        END;
        CREATE TRIGGER dossiers_fts_ad AFTER DELETE ON dossiers BEGIN
            INSERT INTO dossier_fts(dossier_fts, rowid, search_text)
            VALUES ('delete', old.rid, old.search_text);
        END;
        CREATE TRIGGER dossiers_fts_au AFTER UPDATE OF search_text ON dossiers BEGIN
            INSERT INTO dossier_fts(dossier_fts, rowid, search_text)
            VALUES ('delete', old.rid, old.search_text);
            INSERT INTO dossier_fts(rowid, search_text) VALUES (new.rid, new.search_text);
        END;

        -- Daily code counters per station (a cache of what the events say; rebuilt with them).
        CREATE TABLE code_counters (
            day TEXT NOT NULL,
            station INTEGER NOT NULL,
            last INTEGER NOT NULL,
            PRIMARY KEY (day, station)
        ) WITHOUT ROWID;
        """
    )


@MIGRATIONS()
def m002_catalog_calendar(db: sqlite_utils.Database) -> None:
    """The versioned procedure catalogue and the editable working calendar."""
    db.executescript(
        """
        -- Every version of every procedure is kept: a dossier names the version it was received
        -- under, and its receipt event carries a snapshot of it too.
        CREATE TABLE procedures (
            code TEXT NOT NULL,
            version INTEGER NOT NULL,
            name TEXT NOT NULL,
            field TEXT NOT NULL,
            published INTEGER NOT NULL,
            data TEXT NOT NULL,
            search_text TEXT NOT NULL,
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL,
            PRIMARY KEY (code, version)
        ) WITHOUT ROWID;

        -- Exceptions to the Monday–Friday week: days off (holidays, swaps) and make-up workdays.
        CREATE TABLE calendar_days (
            day TEXT PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('day_off', 'workday')),
            note TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT 'manual'
        ) WITHOUT ROWID;
        -- Years whose holidays were seeded from the holidays package (seeded once, then edited).
        CREATE TABLE calendar_years (
            year INTEGER PRIMARY KEY,
            seeded_at TEXT NOT NULL
        );
        """
    )


@MIGRATIONS()
def m003_worklist_filters(db: sqlite_utils.Database) -> None:
    """The worklist's filters without table scans (issue #9): "mine" (assigned to me; a 2.6 s
    scan a keystroke at 500,000 dossiers before), and "due today" / "overdue" (an appointment
    range within a few statuses, answered from the index instead of reading each row)."""
    db.executescript(
        """
        CREATE INDEX dossiers_assignee ON dossiers(assignee, rid) WHERE assignee IS NOT NULL;
        CREATE INDEX dossiers_status_due ON dossiers(status, due_at);
        """
    )


@MIGRATIONS()
def m004_attachment_index(db: sqlite_utils.Database) -> None:
    """Scanned attachments (#11): a dossier's attachment events, and the dossiers that hold a
    file, found through the events themselves (no second table to keep in step with the log,
    rebuilds and imported events)."""
    db.executescript(
        """
        CREATE INDEX events_attachment_dossier ON events(json_extract(payload, '$.dossier'))
            WHERE kind GLOB 'attachment.*';
        CREATE INDEX events_attachment_sha ON events(json_extract(payload, '$.sha256'))
            WHERE kind = 'attachment.added';
        """
    )


@MIGRATIONS()
def m005_sync_bundles(db: sqlite_utils.Database) -> None:
    """Sync bundles (#12): the keys this database trusts (stations registered at the district,
    the district's key at a station), the bundles imported, the events of other units'
    stations (keyed by unit as well: station numbers 1-9 repeat in every commune, so they
    cannot share the ``events`` table's (station, seq) key) and the acknowledgements received."""
    db.executescript(
        """
        CREATE TABLE sync_keys (
            unit_code TEXT NOT NULL,
            station_id INTEGER NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('station', 'district')),
            public_key TEXT NOT NULL UNIQUE,
            fingerprint TEXT NOT NULL,
            unit_name TEXT NOT NULL DEFAULT '',
            registered_at TEXT NOT NULL,
            registered_by TEXT NOT NULL,
            PRIMARY KEY (unit_code, station_id, role)
        ) WITHOUT ROWID;
        CREATE TABLE sync_imports (
            id INTEGER PRIMARY KEY,
            manifest_sha256 TEXT NOT NULL UNIQUE,
            unit_code TEXT NOT NULL,
            station_id INTEGER NOT NULL,
            first_seq INTEGER NOT NULL,
            last_seq INTEGER NOT NULL,
            last_hash TEXT NOT NULL,
            created_at TEXT NOT NULL,
            events INTEGER NOT NULL,
            file_name TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            imported_by TEXT NOT NULL
        );
        CREATE INDEX sync_imports_station ON sync_imports(unit_code, station_id, created_at);
        CREATE TABLE sync_events (
            unit_code TEXT NOT NULL,
            station_id INTEGER NOT NULL,
            seq INTEGER NOT NULL,
            dossier_id TEXT,
            kind TEXT NOT NULL,
            actor TEXT NOT NULL,
            at TEXT NOT NULL,
            payload TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL,
            PRIMARY KEY (unit_code, station_id, seq)
        ) WITHOUT ROWID;
        CREATE INDEX sync_events_dossier ON sync_events(dossier_id) WHERE dossier_id IS NOT NULL;
        CREATE TRIGGER sync_events_no_update BEFORE UPDATE ON sync_events
        BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
        CREATE TRIGGER sync_events_no_delete BEFORE DELETE ON sync_events
        BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
        CREATE TABLE sync_acks (
            id INTEGER PRIMARY KEY,
            file_sha256 TEXT NOT NULL UNIQUE,
            station_id INTEGER NOT NULL,
            seq INTEGER NOT NULL,
            hash TEXT NOT NULL,
            by_unit TEXT NOT NULL,
            by_fingerprint TEXT NOT NULL,
            acked_at TEXT NOT NULL,
            imported_at TEXT NOT NULL
        );
        """
    )


@MIGRATIONS()
def m006_moment_indexes(db: sqlite_utils.Database) -> None:
    """Reads by moment without table scans: the public board's "returned today" and the day's
    and month's figures (#13: a 3.3 s scan of the table at 1,000,000 dossiers before), and the
    reports' "changed since the start of the period" (``updated_at``). ``returned_at`` is
    indexed only where set: most dossiers of a working day are not yet returned."""
    db.executescript(
        """
        CREATE INDEX dossiers_updated ON dossiers(updated_at);
        CREATE INDEX dossiers_returned ON dossiers(returned_at) WHERE returned_at IS NOT NULL;
        """
    )


@MIGRATIONS()
def m007_duplicate_by_birth(db: sqlite_utils.Database) -> None:
    """The duplicate check of an applicant without an ID number (a birth registration: the
    folded name and birth date, #9) answered from an index: the dossiers of that birth date and
    procedure are a handful at 1,000,000 dossiers (the folded name is compared on them), where
    before it read every open dossier by status (1,201 at the 1M demo, 2-26 ms a save) or, with
    a backlog, the FTS doclists of the name's common words. Both columns are set at intake and
    never change (the rows of one key stay few whatever the history); only rows with a birth
    date are kept."""
    db.executescript(
        """
        CREATE INDEX dossiers_birth ON dossiers(applicant_birth_date, procedure_code)
            WHERE applicant_birth_date IS NOT NULL;
        """
    )


# Add new migrations above this line; never edit a released one.
SCHEMA_VERSION = len(MIGRATIONS._migrations)
