"""``onestop demo``: a realistic commune, for the Quick start, the screenshots and the benchmarks.

Dossiers are generated day by day over the past months (years for large N) and every step goes
through the same event log and projection as real work: events are sealed into the hash chain in
time order (a heap holds each open dossier's future steps), so ``verify`` and ``rebuild`` hold on
demo data too. Only the writing is batched, so a million dossiers finish in minutes.
"""

from __future__ import annotations

import heapq
import random
import sys
import time as _time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from onestop_desktop.domain import clock
from onestop_desktop.domain import payloads as pl
from onestop_desktop.domain import projection as proj
from onestop_desktop.domain.calendar import WorkCalendar, due
from onestop_desktop.domain.catalog import Procedure
from onestop_desktop.domain.codes import dossier_code
from onestop_desktop.domain.events import Event
from onestop_desktop.domain.formats import fmt_duration, fmt_int
from onestop_desktop.domain.identity import PROVINCES
from onestop_desktop.domain.roles import Role
from onestop_desktop.domain.status import Status
from onestop_desktop.errors import Conflict
from onestop_desktop.paths import DataDir
from onestop_desktop.services import calendar as calendar_service
from onestop_desktop.services import catalog as catalog_service
from onestop_desktop.services.context import Session
from onestop_desktop.services.dossiers import procedure_snapshot
from onestop_desktop.services.station import initialise
from onestop_desktop.services.users import create_user
from onestop_desktop.store import counters, dossiers, events
from onestop_desktop.store.db import Store, translated_errors

DEMO_UNIT = "000.00.12.H29"
DEMO_UNIT_NAME = "UBND xã Hòa Bình (dữ liệu mẫu)"
DEMO_PASSWORD = "onestop2025"
DEMO_ACCOUNTS = (
    ("admin", Role.ADMIN, "Trần Quốc Bảo"),
    ("tiepnhan", Role.CLERK, "Nguyễn Thị Lan"),
    ("tiepnhan2", Role.CLERK, "Lê Văn Hùng"),
    ("chuyenvien", Role.OFFICER, "Phạm Minh Đức"),
    ("chuyenvien2", Role.OFFICER, "Hoàng Thu Hà"),
    ("lanhdao", Role.LEADER, "Đặng Quang Vinh"),
)

FAMILY = (
    ("Nguyễn", 38),
    ("Trần", 11),
    ("Lê", 9),
    ("Phạm", 7),
    ("Hoàng", 4),
    ("Huỳnh", 2),
    ("Phan", 4),
    ("Vũ", 3),
    ("Võ", 2),
    ("Đặng", 2),
    ("Bùi", 2),
    ("Đỗ", 2),
    ("Hồ", 1),
    ("Ngô", 1),
    ("Dương", 1),
    ("Lý", 1),
    ("Đào", 1),
    ("Đinh", 1),
    ("Trương", 1),
    ("Mai", 1),
)
MIDDLE_M = ("Văn", "Đức", "Minh", "Quang", "Hữu", "Xuân", "Thanh", "Công", "Ngọc", "Gia")
MIDDLE_F = ("Thị", "Ngọc", "Thu", "Hồng", "Thanh", "Minh", "Bảo", "Diệu", "Kim", "Phương")
GIVEN_M = (
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Đức",
    "Giang",
    "Hải",
    "Hiếu",
    "Hùng",
    "Huy",
    "Khánh",
    "Long",
    "Minh",
    "Nam",
    "Phong",
    "Phúc",
    "Quân",
    "Sơn",
    "Thắng",
    "Tiến",
    "Trung",
    "Tuấn",
    "Việt",
    "Đạt",
    "Đông",
    "Khoa",
    "Lộc",
    "Toàn",
    "Vinh",
    "Thịnh",
)
GIVEN_F = (
    "Anh",
    "Hà",
    "Hạnh",
    "Hoa",
    "Hương",
    "Lan",
    "Linh",
    "Mai",
    "Ngân",
    "Nhung",
    "Phương",
    "Quỳnh",
    "Tâm",
    "Thảo",
    "Thủy",
    "Trang",
    "Vân",
    "Yến",
    "Huyền",
    "Loan",
    "Nga",
    "Oanh",
    "Trâm",
    "Uyên",
    "Xuân",
    "Ánh",
    "Diệp",
    "Hằng",
    "Liên",
    "My",
)
HAMLETS = (
    "Thôn Đông",
    "Thôn Tây",
    "Thôn Trung",
    "Thôn Bắc Sơn",
    "Thôn Nam Hà",
    "Xóm Chùa",
    "Xóm Mới",
    "Thôn Đồng Tâm",
    "Thôn Phú Lợi",
    "Thôn Yên Bình",
)
MOBILE_PREFIXES = (
    "032",
    "033",
    "034",
    "035",
    "036",
    "037",
    "038",
    "039",
    "086",
    "096",
    "097",
    "098",
    "081",
    "082",
    "083",
    "084",
    "085",
    "088",
    "091",
    "094",
    "070",
    "076",
    "077",
    "078",
    "079",
    "089",
    "090",
    "093",
    "056",
    "058",
    "059",
)
WEIGHTS = {
    "2.000815": 30,
    "2.000884": 12,
    "1.001193": 10,
    "2.000635": 8,
    "1.000894": 5,
    "1.000656": 4,
    "1.004873": 6,
    "1.004222": 4,
    "1.004194": 4,
    "1.001612": 3,
    "2.001035": 3,
}
REFUSAL_REASONS = (
    "Hồ sơ không thuộc thẩm quyền giải quyết của UBND xã",
    "Người nộp không xuất trình được bản chính để đối chiếu",
    "Yêu cầu chứng thực giấy tờ có nội dung trái pháp luật",
)
SUPPLEMENT_DOCS = (
    "Bản sao Giấy chứng sinh",
    "Giấy xác nhận tình trạng hôn nhân",
    "Văn bản ủy quyền",
    "Bản chính giấy tờ để đối chiếu",
    "Giấy tờ chứng minh chỗ ở hợp pháp",
)
RESCHEDULE_REASONS = (
    "Cần xác minh thêm thông tin tại nơi cư trú trước đây",
    "Cơ quan phối hợp chưa gửi kết quả",
)


@dataclass
class DemoResult:
    """What ``demo`` made, for the Quick start's printout."""

    data_dir: str
    created_station: bool
    dossiers: int
    events: int
    seconds: float
    by_status: dict[str, int] = field(default_factory=dict)
    accounts: list[tuple[str, str, str]] = field(default_factory=list)

    def text(self) -> str:
        lines = [
            f"Đã tạo {fmt_int(self.dossiers)} hồ sơ mẫu ({fmt_int(self.events)} sự kiện) trong "
            f"{fmt_duration(self.seconds)} tại {self.data_dir}"
        ]
        for label, n in self.by_status.items():
            lines.append(f"  {label}: {fmt_int(n)}")
        if self.accounts:
            lines.append("Tài khoản mẫu (tên đăng nhập / mật khẩu / vai trò):")
            lines += [f"  {u} / {p} / {r}" for u, p, r in self.accounts]
        return "\n".join(lines)

    def to_json(self) -> dict[str, Any]:
        return {
            "data_dir": self.data_dir,
            "created_station": self.created_station,
            "dossiers": self.dossiers,
            "events": self.events,
            "seconds": round(self.seconds, 2),
            "by_status": self.by_status,
            "accounts": [{"username": u, "password": p, "role": r} for u, p, r in self.accounts],
        }


class _Person:
    __slots__ = ("address", "birth", "id_number", "name", "phone")

    def __init__(self, rng: random.Random, today: date) -> None:
        female = rng.random() < 0.52
        family = rng.choices([f for f, _ in FAMILY], [w for _, w in FAMILY])[0]
        middle = rng.choice(MIDDLE_F if female else MIDDLE_M)
        given = rng.choice(GIVEN_F if female else GIVEN_M)
        self.name = f"{family} {middle} {given}"
        age_days = rng.randint(18 * 365, 80 * 365)
        self.birth = today - timedelta(days=age_days)
        century = (self.birth.year // 100) - 19  # 1900s → 0, 2000s → 1
        sex_digit = century * 2 + (1 if female else 0)
        province = rng.choice(_PROVINCE_CODES)
        self.id_number = (
            f"{province}{sex_digit}{self.birth.year % 100:02d}{rng.randint(0, 999999):06d}"
        )
        self.phone = f"{rng.choice(MOBILE_PREFIXES)}{rng.randint(0, 9_999_999):07d}"
        self.address = f"{rng.choice(HAMLETS)}, xã Hòa Bình"


_PROVINCE_CODES = tuple(sorted(PROVINCES))


def _ensure_station(data: DataDir) -> tuple[Store, bool]:
    with translated_errors(data.root):
        data.ensure()
    store = Store.open(data.database, create=True)
    if store.setting("unit_code") is not None:
        if store.setting("demo") != "1":
            store.close()
            raise Conflict(
                "Thư mục này là dữ liệu thật của một máy trạm; chỉ tạo dữ liệu mẫu trong một thư "
                "mục dữ liệu mới"
            )
        return store, False
    ctx = initialise(
        store,
        data.keys,
        unit_code=DEMO_UNIT,
        unit_name=DEMO_UNIT_NAME,
        station=1,
        admin="admin",
        password=DEMO_PASSWORD,
        admin_full_name=DEMO_ACCOUNTS[0][2],
    )
    with store.atomic():
        from onestop_desktop.services.audit import record

        for username, role, full_name in DEMO_ACCOUNTS[1:]:
            info = create_user(store, username, role, full_name, DEMO_PASSWORD)
            record(ctx, pl.UserAdded.of(info))
        store.set_setting("demo", "1")
    return store, True


def fill(
    data: DataDir,
    count: int,
    *,
    seed: int = 2025,
    progress: bool = False,
    on_progress: Callable[[int, int], None] | None = None,
) -> DemoResult:
    """Create (if needed) a demo station in ``data`` and add ``count`` dossiers to it.

    ``on_progress(done, total)`` is called as days are generated (the GUI's first-run wizard
    shows it); ``progress`` prints the same to stderr (the CLI).
    """
    started = _time.perf_counter()
    store, created = _ensure_station(data)
    try:
        ctx = Session.operator(store)
        if dossiers.count(store) and count:
            raise Conflict(
                "Cơ sở dữ liệu đã có hồ sơ; chỉ tạo dữ liệu mẫu trong một thư mục dữ liệu mới"
            )
        catalog_service.ensure_starter(ctx)
        n_events = _generate(ctx, count, seed, progress, on_progress) if count else 0
        by_status = {
            f"{status}. {Status(status).label}": n
            for status, n in dossiers.count_by_status(store).items()
        }
        accounts = [(u, DEMO_PASSWORD, r.value) for u, r, _ in DEMO_ACCOUNTS] if created else []
        return DemoResult(
            str(data.root),
            created,
            count,
            n_events,
            _time.perf_counter() - started,
            by_status,
            accounts,
        )
    finally:
        store.close()


# ------------------------------------------------------------------------------ generation


@dataclass(order=True)
class _Pending:
    at: datetime
    order: int
    dossier_id: str = field(compare=False)
    actor: str = field(compare=False)
    payload: pl.Payload = field(compare=False)


class _Generator:
    def __init__(
        self,
        ctx: Session,
        count: int,
        seed: int,
        progress: bool,
        on_progress: Callable[[int, int], None] | None = None,
    ) -> None:
        self.ctx = ctx
        self.on_progress = on_progress
        self.store = ctx.store
        self.rng = random.Random(seed)
        self.count = count
        self.progress = progress
        self.now = ctx.now()
        self.today = self.now.date()
        span = int(min(max(count / 150, 120), 3650))
        self.start_day = self.today - timedelta(days=span)
        years = list(range(self.start_day.year, self.today.year + 2))
        self.cal: WorkCalendar = calendar_service.load_calendar(self.store, years=years)
        procs = catalog_service.current_procedures(self.store, published_only=True)
        self.procs: list[Procedure] = procs
        self.weights = [WEIGHTS.get(p.code[:8], 1) for p in procs]
        self.snapshots = {p.code: procedure_snapshot(p) for p in procs}
        self.documents = {
            p.code: tuple(
                pl.SubmittedDocument(name=d.name, form=d.form, count=d.count) for d in p.documents
            )
            for p in procs
        }
        self.full_names = {u: name for u, _, name in DEMO_ACCOUNTS}
        self.station = ctx.station.station_id
        self.unit = ctx.station.unit_code
        self.seq, self.prev = events.head(self.store, self.station)
        self.heap: list[_Pending] = []
        self.order = 0
        self.rows: dict[str, dict[str, Any]] = {}
        self.open_recent: list[tuple[str, str, _Person]] = []  # for duplicate submissions
        self.event_batch: list[Event] = []
        self.row_batch: list[tuple[int, dict[str, Any]]] = []
        self.last_rid = 0
        self.rid_of: dict[str, int] = {}
        self.remaining: dict[str, int] = {}
        self.counters: dict[tuple[str, int], int] = {}
        self.n_events = 0

    def working_days(self) -> list[date]:
        days = []
        d = self.start_day
        opened = self.now >= datetime.combine(self.today, time(7, 30), clock.VN_TZ)
        while d < self.today or (d == self.today and opened):
            if self.cal.is_working_day(d):
                days.append(d)
            d += timedelta(days=1)
        return days

    def run(self) -> int:
        days = self.working_days()
        per_day = self.count / len(days)
        made = 0
        for i, day in enumerate(days):
            target = round(per_day * (i + 1))
            n_today = target - made
            moments = sorted(self._receipt_moment(day) for _ in range(n_today))
            for m in moments:
                self._plan(m)
            made += n_today
            self._drain(datetime.combine(day + timedelta(days=1), time(0), clock.VN_TZ))
            if len(self.event_batch) > 20000:
                self._flush()
            if self.on_progress is not None:
                self.on_progress(made, self.count)
            if self.progress and i % 50 == 0:
                print(
                    f"\r  {fmt_int(made)}/{fmt_int(self.count)} hồ sơ",
                    end="",
                    file=sys.stderr,
                    flush=True,
                )
        self._drain(self.now)
        for dossier_id, row in list(self.rows.items()):
            self._finish(dossier_id, row)
        self._flush()
        with self.store.atomic():
            counters.raise_to(
                self.store,
                [(day, station, last) for (day, station), last in self.counters.items()],
            )
        if self.progress:
            print(file=sys.stderr)
        return self.n_events

    def _receipt_moment(self, day: date) -> datetime:
        moment = self._office_moment(day)
        if moment > self.now:  # today: only what has already been handed in
            opening = datetime.combine(day, time(7, 0), clock.VN_TZ)
            moment = opening + (self.now - opening) * self.rng.random()
            moment = moment.replace(microsecond=0)
        return moment

    def _office_moment(self, day: date) -> datetime:
        rng = self.rng
        if rng.random() < 0.58:
            minutes = rng.randint(0, 269)  # 07:00–11:29
            return datetime.combine(day, time(7, 0), clock.VN_TZ) + timedelta(
                minutes=minutes, seconds=rng.randint(0, 59)
            )
        minutes = rng.randint(0, 209)  # 13:30–16:59
        return datetime.combine(day, time(13, 30), clock.VN_TZ) + timedelta(
            minutes=minutes, seconds=rng.randint(0, 59)
        )

    def _push(self, at: datetime, dossier_id: str, actor: str, payload: pl.Payload) -> None:
        if at > self.now:
            return
        self.order += 1
        self.remaining[dossier_id] = self.remaining.get(dossier_id, 0) + 1
        heapq.heappush(self.heap, _Pending(at, self.order, dossier_id, actor, payload))

    def _later(self, start: datetime, hours: float) -> datetime:
        return self.cal.add_working_hours(start, hours)

    def _plan(self, received: datetime) -> None:
        rng = self.rng
        proc = rng.choices(self.procs, self.weights)[0]
        person: _Person
        duplicate_of = None
        if self.open_recent and rng.random() < 0.02:
            prior_id, prior_code, person = rng.choice(self.open_recent)
            proc = next(p for p in self.procs if p.code == prior_code)
            duplicate_of = prior_id if prior_id in self.rows else None
        else:
            person = _Person(rng, self.today)
        dossier_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        # rid follows receipt order (plans are made in receipt order), whatever order they close.
        rid = max(dossiers.rid_for(clock.iso(received)), self.last_rid + 1)
        self.rid_of[dossier_id] = rid
        self.last_rid = rid
        appointment = due(received, proc.time_limit, self.cal)
        day_key = received.date().isoformat()
        n = self.counters.get((day_key, self.station), 0) + 1
        self.counters[(day_key, self.station)] = n
        clerk = rng.choice(("user:tiepnhan", "user:tiepnhan2"))
        officer, officer_user = rng.choice(
            (("user:chuyenvien", "chuyenvien"), ("user:chuyenvien2", "chuyenvien2"))
        )
        docs = self.documents[proc.code]
        channel_roll = rng.random()
        channel = (
            "online" if channel_roll < 0.08 else "postal" if channel_roll < 0.11 else ("in_person")
        )
        code = dossier_code(self.unit, received.date(), self.station, n)
        applicant = pl.ApplicantData(
            name=person.name,
            id_number=person.id_number,
            birth_date=pl.Day(person.birth.isoformat()),
            phone=person.phone,
            address=person.address,
            email=None,
        )
        if channel == "online":
            # Filed on the portal earlier that day; the clerk accepts it at ``received``.
            day_start = datetime.combine(received.date(), time(0), clock.VN_TZ)
            filed = max(day_start, received - timedelta(minutes=rng.randint(5, 300)))
            online = pl.RegisteredOnline(
                code=code,
                unit_code=self.unit,
                procedure=self.snapshots[proc.code],
                channel="online",
                applicant=applicant,
                received_at=pl.Moment(clock.iso(filed)),
                due_at=None,
                documents=docs,
            )
            self._push(filed, dossier_id, "user:congdan", online)
            accepted = pl.Accepted(due_at=pl.Moment(clock.iso(appointment)))
            self._push(received, dossier_id, clerk, accepted)
        else:
            receipt = pl.Received(
                code=code,
                unit_code=self.unit,
                procedure=self.snapshots[proc.code],
                channel="postal" if channel == "postal" else "in_person",
                applicant=applicant,
                received_at=pl.Moment(clock.iso(received)),
                due_at=pl.Moment(clock.iso(appointment)),
                documents=docs,
            )
            self._push(received, dossier_id, clerk, receipt)
        t = received + timedelta(minutes=rng.randint(2, 8))
        if duplicate_of is not None:
            self._push(
                t,
                dossier_id,
                clerk,
                pl.Refused(
                    reason=f"Trùng hồ sơ {self.rows[duplicate_of]['code']} đang giải quyết",
                    duplicate_of=duplicate_of,
                ),
            )
            return
        roll = rng.random()
        if roll < 0.02:
            self._push(t, dossier_id, clerk, pl.Refused(reason=rng.choice(REFUSAL_REASONS)))
            return
        self.open_recent.append((dossier_id, proc.code, person))
        if len(self.open_recent) > 200:
            self.open_recent.pop(0)
        span_hours = max(
            calendar_service.working_hours_between(self.cal, received, appointment), 1.0
        )
        t = self._later(received, rng.uniform(0.1, min(1.0, span_hours / 4)))
        self._push(
            t,
            dossier_id,
            clerk,
            pl.HandedOver(to=officer_user, to_name=self.full_names[officer_user]),
        )
        current_due = appointment
        if roll < 0.03:
            self._push(
                self._later(t, rng.uniform(1, 6)),
                dossier_id,
                clerk,
                pl.Withdrawn(reason="Công dân có đơn xin rút hồ sơ"),
            )
            return
        if roll < 0.11 and span_hours > 2:
            asked = self._later(t, rng.uniform(0.5, span_hours / 2))
            self._push(
                asked,
                dossier_id,
                officer,
                pl.SupplementRequested(
                    documents=(rng.choice(SUPPLEMENT_DOCS),),
                    reason="Thành phần hồ sơ chưa đầy đủ theo quy định",
                ),
            )
            back = self._later(asked, rng.uniform(4, 40))
            paused = calendar_service.working_hours_between(self.cal, asked, back)
            current_due = self.cal.add_working_hours(current_due, paused)
            self._push(
                back,
                dossier_id,
                clerk,
                pl.SupplementReceived(
                    mode="pause",
                    due_at=pl.Moment(clock.iso(current_due)),
                    paused_since=pl.Moment(clock.iso(asked)),
                ),
            )
            t = back
        if roll > 0.995:
            self._push(
                self._later(t, 2),
                dossier_id,
                "user:lanhdao",
                pl.Stopped(reason="Phát sinh tranh chấp, dừng giải quyết theo quy định"),
            )
            return
        late = roll > 0.93
        remaining = calendar_service.working_hours_between(self.cal, t, current_due)
        if late:
            finish = self._later(current_due, rng.uniform(4, 30))
            if rng.random() < 0.5 and current_due > t:
                apology_at = max(t, current_due - timedelta(hours=2))
                new_due = self._later(finish, 4)
                self._push(
                    apology_at,
                    dossier_id,
                    "user:lanhdao",
                    pl.Rescheduled(
                        new_due_at=pl.Moment(clock.iso(new_due)),
                        old_due_at=pl.Moment(clock.iso(current_due)),
                        reason=rng.choice(RESCHEDULE_REASONS),
                        times=1,
                    ),
                )
        else:
            finish = self._later(t, max(0.05, remaining * rng.uniform(0.3, 1.0)))
            if finish > current_due:
                finish = current_due
        finish = max(finish, t + timedelta(minutes=5))
        self._push(finish, dossier_id, officer, pl.ResultReady())
        if rng.random() < 0.97:
            pickup = self._later(finish, rng.choice((0.5, 1, 2, 4, 8, 16, 40)))
            self._push(
                pickup,
                dossier_id,
                clerk,
                pl.Returned(collected_by=person.name, collected_by_id=person.id_number),
            )

    def _drain(self, until: datetime) -> None:
        while self.heap and self.heap[0].at < until:
            item = heapq.heappop(self.heap)
            self.seq += 1
            ev = Event(
                self.station,
                self.seq,
                item.dossier_id,
                pl.kind_of(item.payload),
                item.actor,
                clock.iso(item.at),
                item.payload.to_dict(),
            ).sealed(self.prev)
            self.prev = ev.hash
            self.event_batch.append(ev)
            self.n_events += 1
            row = proj.apply(self.rows.get(item.dossier_id), ev, item.payload)
            self.rows[item.dossier_id] = row
            self.remaining[item.dossier_id] -= 1
            if self.remaining[item.dossier_id] == 0:
                del self.remaining[item.dossier_id]
                self._finish(item.dossier_id, self.rows.pop(item.dossier_id))

    def _finish(self, dossier_id: str, row: dict[str, Any]) -> None:
        self.row_batch.append((self.rid_of.pop(dossier_id), row))

    def _flush(self) -> None:
        # One transaction per batch keeps the WAL small; the chain stays whole at every commit.
        with self.store.atomic():
            if self.event_batch:
                events.insert(self.store, self.event_batch)
                self.event_batch = []
            if self.row_batch:
                dossiers.insert_rows(self.store, self.row_batch)
                self.row_batch = []


def _generate(
    ctx: Session,
    count: int,
    seed: int,
    progress: bool,
    on_progress: Callable[[int, int], None] | None = None,
) -> int:
    return _Generator(ctx, count, seed, progress, on_progress).run()
