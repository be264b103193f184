#!/usr/bin/env python3
"""Generate the sample district submissions under Inputs/submissions/.

Why this exists: the importer, the aggregation and the reports must be shown working on inputs that look like what
nine district clerks really send: per-village rows beside district-wide ones, seasonal values, Thai Excel's
Windows-874 files, a resubmission, a missed month and a handful of bad rows. Writing those by hand is error-prone and
unrepeatable, so this script makes them from a fixed seed. Run it from anywhere:

    python3 Inputs/generate_samples.py            # rewrite every sample file and set its modification time
    python3 Inputs/generate_samples.py --touch    # only reset modification times (after a git checkout)
    python3 Inputs/check_samples.py               # re-read the files and verify the flaws are exactly as listed
    python3 Inputs/generate_samples.py --indicator-table   # print the Markdown indicator table for the docs

Python 3 standard library only. Rerunning reproduces byte-identical files.

Coverage: FY2565 (October 2564 to September 2565 BE) for all nine districts, plus July to September 2564 (the last
quarter of FY2564) so the first quarter of FY2565 has a previous quarter. One folder per district
(`5601-mueang-phayao/`), one file per month named `YYYY-MM.csv` in Buddhist Era.

Every deliberate flaw and variant, with its exact file and physical line, is written by this script to
`Inputs/submissions/README.md` (for people) and `Inputs/submissions/expected-flaws.json` (for tests). In short:

Flaws (rows that must be rejected):
  - period with month 13, a negative value, an unknown indicator id, a ratio indicator submitted, a district code
    of another province (5701, Chiang Rai), a value `n/a`, and one key written twice in one file (both rows).
Files that need care but are valid:
  - เชียงคำ 5603: every file in Windows-874 (cp874) with CRLF and Thai header names, as Thai Excel's
    "CSV (Comma delimited)" saves it; values with thousands separators; one note with curly quotes (bytes 0x93/0x94,
    which exist in Windows-874 but not in TIS-620).
  - ปง 5606: every file in UTF-8 with a BOM and CRLF, as Excel's "CSV UTF-8" saves it.
  - ภูกามยาว 5609: columns in another order plus an extra column `indicator_name` (to be ignored).
  - เมืองพะเยา 5601: `2565-03_resubmit.csv` corrects a few values of `2565-03.csv`; it sorts after the original in
    byte order and its modification time is later.
  - ภูซาง 5608: no file and no rows for 2565-02 (a missed month).
  - เชียงม่วน 5604: `2565-05.csv` writes its period in Christian Era (`2022-05`).
  - แม่ใจ 5607: `2565-07.csv` writes its period with a one-digit month (`2565-7`).
  - A value in Thai digits (`๑๒๓`), a note that looks like a formula (`=HYPERLINK(...)`), a note with a comma,
    doubled quotes and a line break, some empty values (not reported), a few files sent late, and one outlier
    (a bedridden-care count typed ten times too large).

Modification times: git does not keep them, but timeliness (a file modified no later than 10 days after the month
ends is on time) needs them. Each file gets a deterministic "sent" time in Bangkok time (UTC+7), most 3 to 8 days
after the month ends; `--touch` re-applies them without rewriting content.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import random
import sys
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

SEED = "phayao-agenda-samples-v1"
INPUTS = Path(__file__).resolve().parent
REFERENCE = INPUTS / "reference"
SUBMISSIONS = INPUTS / "submissions"
BANGKOK = timezone(timedelta(hours=7))
BE_OFFSET = 543

# (year BE, month) from July 2564 to September 2565: FY2564 Q4 and all of FY2565.
MONTHS = [(2564, m) for m in range(7, 13)] + [(2565, m) for m in range(1, 10)]

HEADER = ["district_code", "period", "indicator_id", "area", "value", "note"]
HEADER_TH = ["รหัสอำเภอ", "งวด", "รหัสตัวชี้วัด", "พื้นที่", "ค่า", "หมายเหตุ"]
# ภูกามยาว's own column order, with an extra column the importer must ignore.
HEADER_5609 = ["period", "district_code", "indicator_id", "indicator_name", "area", "value", "note"]
THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


@dataclass(frozen=True)
class District:
    code: str
    slug: str
    tambons: tuple[str, ...]
    villages_total: int  # administrative villages in the district (for fire-break plans)
    size: float  # rough population scale, Mueang = 1.0
    fire: float  # hotspot intensity: forested mountain districts burn more
    stateless: int  # monthly status applications where hill communities live, else 0


DISTRICTS = [
    District("5601", "mueang-phayao", ("เวียง", "แม่ต๋ำ", "แม่นาเรือ", "บ้านตุ่น", "บ้านต๊ำ", "บ้านต๋อม", "แม่ปืม", "แม่กา",
             "บ้านใหม่", "จำป่าหวาย", "ท่าวังทอง", "แม่ใส", "บ้านสาง", "ท่าจำปี", "สันป่าม่วง"), 150, 1.0, 0.8, 1),
    District("5602", "chun", ("ห้วยข้าวก่ำ", "จุน", "ลอ", "หงส์หิน", "ทุ่งรวงทอง", "ห้วยยางขาม", "พระธาตุขิงแกง"),
             80, 0.45, 0.9, 2),
    District("5603", "chiang-kham", ("หย่วน", "น้ำแวน", "เวียง", "ฝายกวาง", "เจดีย์คำ", "ร่มเย็น", "เชียงบาน", "แม่ลาว",
             "อ่างทอง", "ทุ่งผาสุข"), 130, 0.8, 1.2, 14),
    District("5604", "chiang-muan", ("เชียงม่วน", "บ้านมาง", "สระ"), 50, 0.3, 1.4, 9),
    District("5605", "dok-khamtai", ("ดอกคำใต้", "ดอนศรีชุม", "บ้านถ้ำ", "บ้านปิน", "ห้วยลาน", "สันโค้ง", "ป่าซาง",
             "หนองหล่ม", "ดงสุวรรณ", "บุญเกิด", "สว่างอารมณ์", "คือเวียง"), 130, 0.75, 0.9, 1),
    District("5606", "pong", ("ปง", "ควร", "ออย", "งิม", "ผาช้างน้อย", "นาปรัง", "ขุนควร"), 90, 0.5, 1.6, 18),
    District("5607", "mae-chai", ("แม่ใจ", "ศรีถ้อย", "แม่สุก", "ป่าแฝก", "บ้านเหล่า", "เจริญราษฎร์"), 70, 0.4, 1.0, 1),
    District("5608", "phu-sang", ("ภูซาง", "ป่าสัก", "ทุ่งกล้วย", "เชียงแรง", "สบบง"), 50, 0.3, 1.3, 11),
    District("5609", "phu-kamyao", ("ห้วยแก้ว", "ดงเจน", "แม่อิง"), 45, 0.25, 1.1, 0),
]

VILLAGE_STEMS = (
    "สันป่าม่วง ร่องห้า ดอนไชย ป่าตึง ทุ่งกล้วย หนองบัว ห้วยทราย ปางป้อม ต้นผึ้ง ปางงุ้น ห้วยบง แม่พริก สบสา ท่าฟ้า "
    "สันติสุข ร่องคำ ดงอินตา ป่าแดง แม่ต๋ำ ห้วยเคียน ทุ่งมอก สันหลวง ดอนมูล ม่อนทรายคำ ปางค่า ห้วยก้างปลา ร่มเย็น "
    "แม่ลาว ป่าคา สบบง ห้วยขุ่น นาอ้อม ปงสนุก ทุ่งหล่ม หนองเล็งทราย ดอนตัน ศรีบุญเรือง ใหม่พัฒนา ป่าสักงาม ห้วยลึก "
    "แม่อิง ร่องไผ่ สันเวียงใหม่ โป่งเกลือ ผาลาด ขุนกำลัง ป่าฝาง ห้วยหม้อ หัวทุ่ง ท่าวังทอง ไร่อ้อย สันมะเค็ด บุญยืน "
    "ดอกบัว ต๊ำม่อน ต๋อมดง ปางถ้ำ ห้วยไคร้ น้ำจุน แม่สุก"
).split()

# Indicators reported per village or per sub-district; every other indicator is district-wide (empty area).
PER_VILLAGE_FOREST = "community_forest_rai"
PER_VILLAGE_SPARSE = "rural_housing_households"
PER_TAMBON = ("forest_fire_hotspots", "elderly_home_visits", "welfare_fund_members", "welfare_fund_balance")

# Seasonal shapes by calendar month.
HOTSPOT_SEASON = {1: 0.12, 2: 0.55, 3: 1.0, 4: 0.7, 5: 0.08, 12: 0.02}
PM25_SEASON = {1: 38, 2: 58, 3: 92, 4: 66, 5: 31, 6: 16, 7: 12, 8: 11, 9: 13, 10: 17, 11: 24, 12: 31}
TREES_SEASON = {6: 0.6, 7: 1.0, 8: 0.8, 9: 0.3}
HOUSING_SEASON = {1: 1.0, 2: 1.2, 3: 1.3, 4: 1.2, 5: 1.0, 6: 0.9, 7: 0.8, 8: 0.6, 9: 0.3, 10: 0.0, 11: 0.1, 12: 0.4}

NOTES = ("ข้อมูลจาก อบต.", "รอยืนยันจากสำนักงานเกษตรอำเภอ", "ตรวจสอบแล้ว", "ข้อมูลจาก รพ.สต.", "รวมข้อมูลจากเทศบาลตำบล")
NOT_REPORTED_NOTE = "ยังไม่ได้รับรายงาน"


def period_label(y: int, m: int) -> str:
    return f"{y}-{m:02d}"


def month_end_ce(y_be: int, m: int) -> date:
    y = y_be - BE_OFFSET
    first_next = date(y + (m == 12), m % 12 + 1, 1)
    return first_next - timedelta(days=1)


def read_indicators() -> list[dict[str, str]]:
    with open(REFERENCE / "indicators.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@dataclass
class Row:
    district: str
    period: str
    indicator: str
    area: str
    value: float | None  # None = not reported (empty cell)
    decimals: int
    note: str = ""
    raw_value: str | None = None  # overrides formatting (flaws, Thai digits)


@dataclass
class SampleFile:
    district: District
    month: tuple[int, int]
    name: str
    rows: list[Row] = field(default_factory=list)
    sent_days_after: int = 5  # days after month end


@dataclass
class Flaw:
    file: str
    row_index: int  # index into SampleFile.rows; line resolved when written
    column: str
    text: str
    kind: str
    valid: bool
    description: str
    line: int = 0


def rng_for(*parts: object) -> random.Random:
    return random.Random("|".join([SEED, *map(str, parts)]))


class Series:
    """Deterministic, seasonal values for one district: one state per (indicator, area) carried across months."""

    def __init__(self, d: District):
        self.d = d
        r = rng_for("layout", d.code)
        n_villages = min(len(VILLAGE_STEMS), int(20 + 16 * d.size) + r.randint(0, 6))
        stems = r.sample(VILLAGE_STEMS, n_villages)
        # Village numbers (หมู่) are unique within a tambon, not a district; a label may repeat a number.
        self.villages = [f"บ้าน{stem} หมู่ {r.randint(1, 18)}" for stem in stems]
        self.forest_villages = sorted(r.sample(self.villages, max(6, int(len(self.villages) * 0.35))))
        self.forest_rai = {v: r.randint(120, 2400) for v in self.forest_villages}
        self.fund_members = {t: int(r.randint(250, 900) * (0.6 + d.size)) for t in d.tambons}
        self.fund_balance = {t: r.randint(300_000, 2_800_000) + r.randint(0, 99) / 100 for t in d.tambons}
        self.firebreak = int(d.villages_total * r.uniform(0.35, 0.55))
        self.farmers = int(r.randint(120, 260) * (0.5 + d.size))
        self.farm_rai = self.farmers * r.uniform(5.5, 9.0)
        self.bedridden = int(r.randint(35, 60) * (0.4 + d.size))
        self.pending = d.stateless * r.randint(18, 30) + r.randint(0, 5)
        self.pm_factor = r.uniform(0.85, 1.2) * (1.0 + 0.15 * (d.fire - 1.0))

    def month_rows(self, y: int, m: int) -> list[Row]:
        d, r = self.d, rng_for("values", self.d.code, y, m)
        p = period_label(y, m)
        rows: list[Row] = []

        def add(ind: str, area: str, value: float, decimals: int = 0) -> None:
            rows.append(Row(d.code, p, ind, area, round(value, decimals) if decimals else int(round(value)), decimals))

        # Natural resources.
        for v in self.forest_villages:
            if m == 10 and r.random() < 0.3:  # new fiscal year: some villages register more forest
                self.forest_rai[v] += r.randint(20, 150)
            add("community_forest_rai", v, self.forest_rai[v])
        for t in d.tambons:
            w = HOTSPOT_SEASON.get(m, 0.0)
            add("forest_fire_hotspots", t, w * 30 * d.fire * r.uniform(0.4, 1.6) * (0.5 + d.size / 2))
        if m in (11, 12, 1):
            self.firebreak = min(d.villages_total, self.firebreak + r.randint(3, 9))
        add("firebreak_villages", "", self.firebreak)
        add("pm25_mean", "", PM25_SEASON[m] * self.pm_factor * r.uniform(0.9, 1.1), 1)
        add("trees_planted", "", TREES_SEASON.get(m, 0.02) * 9000 * (0.4 + d.size) * r.uniform(0.7, 1.3))
        # Safe agriculture.
        if m in (10, 1, 4, 7):
            self.farmers += r.randint(5, 25)
            self.farm_rai += r.uniform(40, 180)
        add("safe_farmers_certified", "", self.farmers)
        add("safe_farm_area_rai", "", self.farm_rai)
        add("farmers_trained", "", r.choice((0, 0, 20, 30, 45, 60)) * (0.5 + d.size))
        add("safe_produce_sales", "", r.uniform(60_000, 160_000) * (0.4 + d.size))
        # Quality of life.
        k = HOUSING_SEASON[m] * (0.5 + d.size) * 7 * r.uniform(0.7, 1.3)
        for v in sorted(r.sample(self.villages, min(len(self.villages), int(round(k / 3))))):
            add("rural_housing_households", v, r.randint(2, 4))
        for t in d.tambons:
            add("elderly_home_visits", t, r.randint(25, 90))
        self.bedridden += r.randint(-2, 3)
        add("bedridden_cared", "", self.bedridden)
        # Community welfare.
        paid_total = 0.0
        for t in d.tambons:
            self.fund_members[t] += r.randint(0, 12)
            paid = r.randint(8_000, 30_000) + r.randint(0, 99) / 100
            self.fund_balance[t] += self.fund_members[t] * 30 * 0.8 - paid  # 30 baht a month, 80% pay on time
            paid_total += paid
            add("welfare_fund_members", t, self.fund_members[t])
            add("welfare_fund_balance", t, self.fund_balance[t], 2)
        add("welfare_benefits_paid", "", paid_total, 2)
        # Legal status.
        filed = max(0, int(round(d.stateless * r.uniform(0.5, 1.5)))) if d.stateless else r.choice((0, 0, 0, 1))
        granted = min(filed + self.pending // 10, int(round(filed * r.uniform(0.4, 0.9)))) if filed else 0
        self.pending = max(0, self.pending + filed - granted)
        add("status_filed", "", filed)
        add("status_granted", "", granted)
        add("status_pending", "", self.pending)
        return rows


def format_value(row: Row, thousands: bool) -> str:
    if row.raw_value is not None:
        return row.raw_value
    if row.value is None:
        return ""
    text = f"{row.value:,.{row.decimals}f}" if thousands else f"{row.value:.{row.decimals}f}"
    return text


def build() -> tuple[list[SampleFile], list[Flaw]]:
    indicators = read_indicators()
    known = {i["id"] for i in indicators}
    files: list[SampleFile] = []
    by_key: dict[tuple[str, str], SampleFile] = {}
    for d in DISTRICTS:
        series = Series(d)
        for (y, m) in MONTHS:
            rows = series.month_rows(y, m)  # always advance the state, even for a missed month
            if d.code == "5608" and (y, m) == (2565, 2):
                continue  # ภูซาง missed February 2565 entirely
            tr = rng_for("sent", d.code, y, m)
            late = tr.random() < 0.06
            f = SampleFile(d, (y, m), f"{period_label(y, m)}.csv", rows,
                           tr.randint(12, 24) if late else tr.randint(3, 8))
            # A few values not reported (empty cell), sometimes with a note saying so.
            er = rng_for("empty", d.code, y, m)
            for row in rows:
                if er.random() < 0.006:
                    row.value = None
                    row.note = NOT_REPORTED_NOTE if er.random() < 0.5 else ""
                elif er.random() < 0.01:
                    row.note = er.choice(NOTES)
            files.append(f)
            by_key[(d.code, period_label(y, m))] = f
    assert all(r.indicator in known for f in files for r in f.rows)

    flaws: list[Flaw] = []

    def sample_file(code: str, period: str) -> SampleFile:
        return by_key[(code, period)]

    def rel(f: SampleFile) -> str:
        return f"{f.district.code}-{f.district.slug}/{f.name}"

    def find(f: SampleFile, indicator: str, area: str | None = None) -> int:
        for i, row in enumerate(f.rows):
            if row.indicator == indicator and (area is None or row.area == area) and row.value is not None:
                return i
        raise LookupError(f"{rel(f)} has no reported {indicator} {area or ''}")

    def flaw(f: SampleFile, i: int, column: str, text: str, kind: str, valid: bool, why: str) -> None:
        flaws.append(Flaw(rel(f), i, column, text, kind, valid, why))

    # --- Rows that must be rejected -------------------------------------------------------------------------------
    f = sample_file("5602", "2565-06")
    i = find(f, "trees_planted")
    f.rows[i].period = "2565-13"
    flaw(f, i, "period", "2565-13", "month_out_of_range", False, "month 13 does not exist")

    f = sample_file("5604", "2565-01")
    i = find(f, "farmers_trained")
    f.rows[i].raw_value = "-45"
    flaw(f, i, "value", "-45", "negative_value", False, "a count cannot be negative")

    f = sample_file("5607", "2565-03")
    i = find(f, "forest_fire_hotspots")
    f.rows[i].indicator = "forest_fire_hotspot"
    flaw(f, i, "indicator_id", "forest_fire_hotspot", "unknown_indicator", False, "typo: the id ends in -s")

    f = sample_file("5608", "2565-04")
    f.rows.append(Row("5608", "2565-04", "status_grant_rate", "", None, 1, "คำนวณเอง", raw_value="62.5"))
    flaw(f, len(f.rows) - 1, "indicator_id", "status_grant_rate", "ratio_submitted", False,
         "a ratio is computed from its parts, never submitted")

    f = sample_file("5601", "2565-08")
    i = find(f, "bedridden_cared")
    f.rows[i].district = "5701"
    flaw(f, i, "district_code", "5701", "unknown_district", False, "5701 is Mueang Chiang Rai, not a Phayao district")

    f = sample_file("5609", "2565-01")
    i = find(f, "pm25_mean")
    f.rows[i].raw_value = "n/a"
    flaw(f, i, "value", "n/a", "not_a_number", False, "the station was down; the clerk should leave the cell empty")

    f = sample_file("5605", "2565-02")
    i = find(f, "forest_fire_hotspots", DISTRICTS[4].tambons[1])
    original = f.rows[i]
    copy = Row(original.district, original.period, original.indicator, original.area,
               int(original.value) + 7, 0)  # type: ignore[arg-type]
    f.rows.insert(i + 1, copy)
    flaw(f, i, "indicator_id", original.indicator, "duplicate_key", False, "same key twice in one file (first row)")
    flaw(f, i + 1, "indicator_id", original.indicator, "duplicate_key", False,
         "same key twice in one file (second row)")

    # --- Valid rows that look odd -----------------------------------------------------------------------------------
    f = sample_file("5602", "2565-04")
    i = find(f, "elderly_home_visits")
    f.rows[i].value, f.rows[i].raw_value = 123, "๑๒๓"
    flaw(f, i, "value", "๑๒๓", "thai_digits", True, "Thai digits are accepted: 123")

    f = sample_file("5601", "2565-01")
    i = find(f, "elderly_home_visits")
    f.rows[i].note = '=HYPERLINK("http://example.com","x")'
    flaw(f, i, "note", f.rows[i].note, "formula_like_note", True, "must stay text in the workbook")

    f = sample_file("5602", "2565-01")
    i = find(f, "status_filed")
    f.rows[i].note = 'ยื่นที่ อบต.ห้วยยางขาม, ส่งต่ออำเภอ "ด่วน"\nรอผลตรวจ DNA 2 ราย'
    flaw(f, i, "note", f.rows[i].note, "quoted_multiline_note", True, "comma, doubled quotes and a line break")

    f = sample_file("5603", "2565-02")
    i = find(f, "status_granted")
    f.rows[i].note = "ตามหนังสือ “ด่วนที่สุด” ของอำเภอ"
    flaw(f, i, "note", f.rows[i].note, "windows874_curly_quotes", True,
         "bytes 0x93/0x94: Windows-874 only, not TIS-620")

    f = sample_file("5605", "2565-05")
    i = find(f, "bedridden_cared")
    f.rows[i].value = int(f.rows[i].value) * 10  # type: ignore[arg-type]
    flaw(f, i, "value", str(f.rows[i].value), "outlier", True, "typed ten times too large; flag, never drop")

    f = sample_file("5604", "2565-05")
    for row in f.rows:
        row.period = "2022-05"
    flaw(f, 0, "period", "2022-05", "christian_era_period", True, "every row of the file: May 2022 CE = 2565-05")

    f = sample_file("5607", "2565-07")
    for row in f.rows:
        row.period = "2565-7"
    flaw(f, 0, "period", "2565-7", "one_digit_month", True, "every row of the file")

    # --- The resubmission: a later file with a few corrected values --------------------------------------------------
    orig = sample_file("5601", "2565-03")
    resub = SampleFile(orig.district, orig.month, "2565-03_resubmit.csv", [], orig.sent_days_after + 19)
    for ind, area in (("forest_fire_hotspots", DISTRICTS[0].tambons[2]), ("pm25_mean", ""),
                      ("trees_planted", ""), ("rural_housing_households", None)):
        j = find(orig, ind, area)
        o = orig.rows[j]
        new_value = round(o.value * 1.1 + 1, o.decimals) if o.decimals else int(o.value * 1.1) + 1  # type: ignore
        resub.rows.append(Row(o.district, o.period, o.indicator, o.area, new_value, o.decimals, "แก้ไขตัวเลข"))
        flaw(resub, len(resub.rows) - 1, "value", format_value(resub.rows[-1], False), "resubmission", True,
             f"supersedes {rel(orig)} ({format_value(o, False)})")
    files.insert(files.index(orig) + 1, resub)
    flaw(orig, -1, "", "", "superseded_file_original", True,
         f"the original; 4 of its values are superseded by {rel(resub)}")
    return files, flaws


def encoding_of(d: District) -> tuple[str, str, list[str]]:
    """(codec, line terminator, header) as each district's Excel saves the file."""
    if d.code == "5603":
        return "cp874", "\r\n", HEADER_TH
    if d.code == "5606":
        return "utf-8-sig", "\r\n", HEADER
    if d.code == "5609":
        return "utf-8", "\n", HEADER_5609
    return "utf-8", "\n", HEADER


def uses_thousands(f: SampleFile) -> bool:
    # เชียงคำ always (Excel saves the cells as formatted); ดอกคำใต้ in even months.
    return f.district.code == "5603" or (f.district.code == "5605" and f.month[1] % 2 == 0)


def render(f: SampleFile, names: dict[str, str]) -> tuple[bytes, list[int]]:
    """The file's bytes and the physical line (header = 1) where each row starts."""
    codec, eol, header = encoding_of(f.district)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator=eol)
    w.writerow(header)
    lines: list[int] = []
    thousands = uses_thousands(f)
    for row in f.rows:
        lines.append(buf.getvalue().count("\n") + 1)
        fields = {"district_code": row.district, "period": row.period, "indicator_id": row.indicator,
                  "area": row.area, "value": format_value(row, thousands), "note": row.note,
                  "indicator_name": names.get(row.indicator, "")}
        english = HEADER if header is HEADER_TH else header
        w.writerow([fields[c] for c in english])
    return buf.getvalue().encode(codec), lines


def sent_time(f: SampleFile) -> float:
    """Deterministic 'sent' time: a working hour in Bangkok, some days after the month ended."""
    y, m = f.month
    day = month_end_ce(y, m) + timedelta(days=f.sent_days_after)
    tr = rng_for("clock", f.district.code, f.name)
    moment = datetime(day.year, day.month, day.day, tr.randint(8, 16), tr.randint(0, 59), tr.randint(0, 59),
                      tzinfo=BANGKOK)
    return moment.timestamp()


def file_path(f: SampleFile) -> Path:
    return SUBMISSIONS / f"{f.district.code}-{f.district.slug}" / f.name


def write_all() -> None:
    files, flaws = build()
    names = {i["id"]: i["name_th"] for i in read_indicators()}
    for old in sorted(SUBMISSIONS.glob("*/*.csv")):
        old.unlink()
    total = 0
    line_of: dict[tuple[str, int], int] = {}
    for f in files:
        data, lines = render(f, names)
        path = file_path(f)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        total += len(f.rows)
        rel = f"{f.district.code}-{f.district.slug}/{f.name}"
        for i, ln in enumerate(lines):
            line_of[(rel, i)] = ln
    for fl in flaws:
        fl.line = line_of[(fl.file, fl.row_index)] if fl.row_index >= 0 else 0
    write_flaw_docs(files, flaws)
    touched = touch(files)
    print(f"wrote {len(files)} files, {total} rows, {sum(not fl.valid for fl in flaws)} bad rows; set {touched} mtimes")


def touch(files: list[SampleFile] | None = None) -> int:
    if files is None:
        files, _ = build()
    n = 0
    for f in files:
        path = file_path(f)
        if path.exists():
            t = sent_time(f)
            os.utime(path, (t, t))
            n += 1
    return n


def write_flaw_docs(files: list[SampleFile], flaws: list[Flaw]) -> None:
    late = [f for f in files if f.sent_days_after > 10]
    records = [{"file": fl.file, "line": fl.line, "column": fl.column, "text": fl.text, "kind": fl.kind,
                "valid": fl.valid, "description": fl.description} for fl in flaws]
    expected = {
        "files": len(files),
        "rows": sum(len(f.rows) for f in files),
        "empty_values": sum(r.value is None and r.raw_value is None for f in files for r in f.rows),
        "rejected_rows": sum(not fl.valid for fl in flaws),
        "missing_district_months": [{"district_code": "5608", "period": "2565-02"}],
        "late_files": [{"file": f"{f.district.code}-{f.district.slug}/{f.name}", "days_after_month_end":
                        f.sent_days_after} for f in late],
        "flaws": records,
    }
    (SUBMISSIONS / "expected-flaws.json").write_text(json.dumps(expected, ensure_ascii=False, indent=2) + "\n",
                                                     encoding="utf-8")
    out = ["# Sample submissions", "",
           "Generated by `Inputs/generate_samples.py` (do not edit by hand; rerun it). After a `git checkout`, run",
           "`python3 Inputs/generate_samples.py --touch` to restore the modification times that timeliness needs.",
           "Machine-readable copy of this list: `expected-flaws.json`. Lines are physical lines, header = line 1.", "",
           f"{expected['files']} files, {expected['rows']} data rows, {expected['empty_values']} empty values "
           "(not reported), FY2564 Q4 (2564-07 to 2564-09) and FY2565 (2564-10 to 2565-09).", "",
           "## Rows that must be rejected", "", "| file | line | column | text | kind | why |", "|---|---|---|---|---|---|"]
    for fl in flaws:
        if not fl.valid:
            out.append(f"| `{fl.file}` | {fl.line} | {fl.column} | `{fl.text}` | {fl.kind} | {fl.description} |")
    out += ["", "## Valid rows and files that need care", "", "| file | line | column | text | kind | note |",
            "|---|---|---|---|---|---|"]
    for fl in flaws:
        if fl.valid:
            text = fl.text.replace("\n", "\\n").replace("|", "\\|")
            out.append(f"| `{fl.file}` | {fl.line or ''} | {fl.column} | `{text}` | {fl.kind} | {fl.description} |")
    out += ["", "## Whole-district variants", "",
            "- `5603-chiang-kham/`: Windows-874 (cp874), CRLF, Thai header names "
            "(`รหัสอำเภอ,งวด,รหัสตัวชี้วัด,พื้นที่,ค่า,หมายเหตุ`), thousands separators.",
            "- `5606-pong/`: UTF-8 with BOM, CRLF.",
            "- `5609-phu-kamyao/`: column order `period,district_code,indicator_id,indicator_name,area,value,note`; "
            "`indicator_name` is an extra column to ignore.",
            "- `5605-dok-khamtai/`: thousands separators in even months.",
            "- `5608-phu-sang/`: no `2565-02.csv` (missed month: no rows for February 2565).", "",
            "## Files sent late (more than 10 days after the month ended)", ""]
    for item in expected["late_files"]:
        out.append(f"- `{item['file']}`: {item['days_after_month_end']} days")
    (SUBMISSIONS / "README.md").write_text("\n".join(out) + "\n", encoding="utf-8")


def indicator_table() -> str:
    out = ["| id | workstream | ชื่อตัวชี้วัด | indicator | ชื่อย่อ / short name | หน่วย / unit | aggregation | better |",
           "|---|---|---|---|---|---|---|---|"]
    for i in read_indicators():
        agg = i["aggregation"] + (f" ({i['numerator_id']} / {i['denominator_id']})" if i["aggregation"] == "ratio"
                                  else "")
        short = " / ".join(s for s in (i.get("short_name_th", ""), i.get("short_name_en", "")) if s) or "–"
        out.append(f"| `{i['id']}` | {i['workstream_id']} | {i['name_th']} | {i['name_en']} | {short} | "
                   f"{i['unit_th']} / {i['unit_en']} | {agg} | {i['better']} |")
    return "\n".join(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--touch", action="store_true", help="only set each sample file's modification time")
    mode.add_argument("--indicator-table", action="store_true", help="print the Markdown indicator table")
    args = ap.parse_args()
    if args.touch:
        print(f"set modification times of {touch()} sample files (Bangkok 'sent' times)")
        return 0
    if args.indicator_table:
        print(indicator_table())
        return 0
    write_all()
    return 0


if __name__ == "__main__":
    sys.exit(main())
