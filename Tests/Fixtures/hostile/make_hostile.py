#!/usr/bin/env python3
"""Writes the small hostile submission files in this folder (HostileInputsTests); the large ones (thousands of
columns, a 200,000-byte field, a key repeated 2,000 times, a FIFO) are made by the test itself.

Every file is district 5601's; the test puts a good 5609 file beside it. Row counts the test relies on are
noted per file.
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
H = "district_code,period,indicator_id,area,value,note"


def put(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())


def rows(*lines, end="\n"):
    return end.join((H,) + lines) + end


put("binary-png-named.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"
    + bytes(range(256)) + b"\x00\x00\x00\x00IEND\xaeB`\x82")
put("utf16le-bom.csv", b"\xff\xfe" + rows("5601,2565-01,forest_fire_hotspots,,12,ทดสอบ").encode("utf-16-le"))
put("only-header.csv", H + "\n")
put("only-bom.csv", b"\xef\xbb\xbf")
put("empty.csv", b"")
# 4 data rows: CRLF, a lone CR, CRLF, LF.
put("crlf-and-lone-cr.csv", H + "\r\n5601,2565-01,forest_fire_hotspots,,1,\r5601,2565-02,forest_fire_hotspots,,2,\r\n"
    "5601,2565-03,forest_fire_hotspots,,3,\r\n5601,2565-04,forest_fire_hotspots,,4,\n")
put("unclosed-quote-midfile.csv", rows("5601,2565-01,forest_fire_hotspots,,1,ok",
                                       '5601,2565-02,forest_fire_hotspots,,2,"never closed',
                                       "5601,2565-03,forest_fire_hotspots,,3,after",
                                       "5601,2565-04,forest_fire_hotspots,,4,after"))
put("nul-bytes.csv", rows("5601,2565-01,forest_fire_hotspots,,1,a\x00b", "5601,2565-02,forest_fire_hotspots,,2\x003,",
                          "\x00\x00\x00\x00", "5601,2565-03,forest_fire_hotspots,\x00,3,"))
# 2 rows, both acceptable: the forbidden characters are in free text.
put("u-fffe-in-note.csv", rows("5601,2565-01,forest_fire_hotspots,บ้าน\ufffeหมู่ 1,7,หมายเหตุ\uffff\x01จบ",
                               "5601,2565-02,forest_fire_hotspots,\uffff,8,\ufffe"))
# 5 rows, all acceptable as values; the text must stay text.
put("formula-injection.csv", rows('5601,2565-01,forest_fire_hotspots,"=HYPERLINK(""http://example.invalid/"",""click"")",1,=1+1',
                                  "5601,2565-02,forest_fire_hotspots,+cmd|' /C calc'!A0,2,+cmd",
                                  "5601,2565-03,forest_fire_hotspots,@SUM(1+1),3,@SUM(A1:A9)",
                                  "5601,2565-04,forest_fire_hotspots,-2+3,4,-2+3",
                                  "5601,2565-05,forest_fire_hotspots,\tTAB,5,\r"))
# 2 rows, Thai digits in every field: district ๕๖๐๑, period ๒๕๖๕-๐๑, value ๑๒ and ๑,๒๓๔.๕.
put("thai-digits-everywhere.csv", rows("๕๖๐๑,๒๕๖๕-๐๑,forest_fire_hotspots,หมู่ ๕,๑๒,หมายเหตุ ๑",
                                       '๕๖๐๑,๒๕๖๕-๐๒,forest_fire_hotspots,หมู่ ๕,"๑,๒๓๔.๕",'))
# Windows-874 Thai whose every byte pair is also valid UTF-8 (ร ก = C3 A1 = "á"): undetectable by decoding.
put("windows874-with-utf8-lookalike-pairs.csv", rows("5601,2565-01,forest_fire_hotspots,รก รข,1,รก").encode("cp874"))
# 2 rows: one in UTF-8 Thai, one in Windows-874 Thai.
put("mixed-utf8-and-windows874.csv", (H + "\n" + "5601,2565-01,forest_fire_hotspots,บ้านดอนมูล,1,\n").encode()
    + "5601,2565-02,forest_fire_hotspots,บ้านดอนมูล,2,\n".encode("cp874"))
# 6 rows: only 10^15 (and the ordinary 5) may be accepted.
put("huge-values.csv", rows("5601,2565-01,forest_fire_hotspots,a,1000000000000000,",
                            "5601,2565-01,forest_fire_hotspots,b,1000000000000001,",
                            "5601,2565-01,forest_fire_hotspots,c,99999999999999999999999,",
                            "5601,2565-01,forest_fire_hotspots,d," + "9" * 309 + ",",
                            "5601,2565-01,forest_fire_hotspots,e,1" + "0" * 400 + ",",
                            "5601,2565-01,forest_fire_hotspots,f,5,"))
# 6 rows: only 2565-01 is plausible (as-of in 2565); the others are before BE 2500 or years ahead.
put("implausible-periods.csv", rows("5601,2400-01,forest_fire_hotspots,,1,", "5601,2499-12,forest_fire_hotspots,,2,",
                                    "5601,1900-01,forest_fire_hotspots,,3,", "5601,2600-01,forest_fire_hotspots,,4,",
                                    "5601,2570-01,forest_fire_hotspots,,5,", "5601,2565-01,forest_fire_hotspots,,6,"))
# 29 rows, one per C0 control other than tab, LF and CR, in area and note.
controls = [c for c in range(32) if c not in (9, 10, 13)]
put("control-chars-in-area.csv", rows(*[f"5601,2565-01,forest_fire_hotspots,a{chr(c)}b{c},{c},n{chr(c)}" for c in controls]))
