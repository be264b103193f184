#!/usr/bin/env python3
"""Writes the seed corpus for the AgendaFuzz harness (Sources/AgendaFuzz) into this folder.

The harness reads the FIRST BYTE of each input as its mode: below 0x80 the rest is one submission file; from
0x80 up the rest is split into two files at (byte & 0x7F)/127 of its length, the second modified later, so
its rows supersede the first's. Seeds starting 0x00 are single files, 0xC0 splits near the middle.
(With PHAYAO_FUZZ_MODE=reference, an even first byte makes the rest indicators.csv, an odd one targets.csv;
the ref-*.bin seeds are for that mode.)
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
HEADER = "district_code,period,indicator_id,area,value,note\n"
ROWS = [
    "5601,2565-01,forest_fire_hotspots,,12,\n",
    "5601,2565-01,rural_housing_households,บ้านสันป่าม่วง หมู่ 5,3,สร้างเสร็จ 3 หลัง\n",
    "5601,2565-01,welfare_fund_balance,,\"1,254,300.50\",\n",
    "5602,2022-02,pm25_mean,,35.5,ค่าเฉลี่ย\n",
]
SINGLE, SPLIT = b"\x00", b"\xc0"


def seed(name, data, mode=SINGLE):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(mode + data)


sample = HEADER + "".join(ROWS)
seed("sample-utf8.csv", sample.encode())
seed("sample-utf8-bom.csv", b"\xef\xbb\xbf" + sample.encode())
seed("sample-windows874.csv", sample.encode("cp874"))
seed("sample-crlf.csv", sample.replace("\n", "\r\n").encode())
seed("quoted-commas-newlines.csv", (HEADER + '5601,2565-01,forest_fire_hotspots,"บ้าน, หมู่ 1",7,"หมายเหตุ\nสองบรรทัด ""อ้าง"""\n').encode())
seed("blank-rows.csv", (HEADER + ",,,,,\n\n" + ROWS[0] + "\n,,,,,\n").encode())
seed("duplicates-in-one-file.csv", (HEADER + ROWS[0] + ROWS[0] + ROWS[1]).encode())
seed("resubmission-split.csv", (sample + HEADER + ROWS[0].replace(",12,", ",13,")).encode(), SPLIT)
seed("thai-digits.csv", (HEADER + "๕๖๐๑,๒๕๖๕-๐๑,forest_fire_hotspots,,๑๒,\n").encode())
seed("thai-headers.csv", ("รหัสอำเภอ,งวด,รหัสตัวชี้วัด,พื้นที่,ค่า,หมายเหตุ\n" + ROWS[0]).encode())
seed("bad-values.csv", (HEADER + "5601,2565-01,forest_fire_hotspots,,-1,\n5601,2565-13,pm25_mean,,abc,\n"
                        "9999,2565-01,nope,,1e400,\n5601,2499-01,pm25_mean,,99999999999999999999,\n").encode())
seed("only-header.csv", HEADER.encode())
seed("ref-indicators.bin", open(os.path.join(HERE, "../../../Inputs/reference/indicators.csv"), "rb").read()[:4000], b"\x00")
seed("ref-targets.bin", open(os.path.join(HERE, "../../../Inputs/reference/targets.csv"), "rb").read()[:1500], b"\x01")
