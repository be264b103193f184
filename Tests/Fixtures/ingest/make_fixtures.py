#!/usr/bin/env python3
"""Writes the ingest fixtures whose exact bytes matter (encodings, BOM, CRLF). Run from this folder.

Python's cp874 codec is Windows-874 (it maps 0x80 to the euro sign and 0x91-0x97 to curly quotes and dashes),
unlike iso8859_11, which is why it is used here and never in the program.
"""

def write(name, data: bytes):
    with open(name, "wb") as f:
        f.write(data)

# Windows-874 with Thai area labels, curly quotes, an ellipsis, Thai digits and CRLF line ends.
w874 = (
    "district_code,period,indicator_id,value,area,note\r\n"
    "5602,2565-01,NR02,3,บ้านห้วยข้าวก่ำ,“ไฟป่า” ช่วงแล้ง…\r\n"
    "๕๖๐๒,๒๕๖๕-๐๒,NR02,๑๒,บ้านห้วยข้าวก่ำ,\r\n"
    "5602,2565-03,NR01,\"1,500.5\",ตำบลจุน,€\r\n"
)
write("windows874.csv", w874.encode("cp874"))

# UTF-8 with a BOM, Thai header names in another order, an extra column, Thai digits, CRLF.
bom = (
    " รหัสตัวชี้วัด ,งวด/เดือน,รหัสอำเภอ,ค่า/จำนวน,พื้นที่,หมายเหตุ,ผู้กรอก\r\n"
    "NR02,๒๕๖๕-๓,๕๖๐๔,๑๒,หมู่ ๓,,สมศรี\r\n"
    "ST01,2022-03,5604,\" 1,234.50 \",,,สมศรี\r\n"
)
write("utf8_bom_thai_headers.csv", b"\xef\xbb\xbf" + bom.encode("utf-8"))

# Invalid in both: a Windows-874 Thai byte (0xA1) on line 2 breaks UTF-8; 0xFF on line 3 is undefined in
# Windows-874. The file looks like Windows-874, so the message leads with the 0xFF.
write("invalid_both.csv",
      b"district_code,period,indicator_id,value,area\n"
      b"5601,2565-01,NR02,1,\xa1\n"
      b"5601,2565-02,NR02,1,\xff\n")

# Real UTF-8 Thai, then one broken byte on line 3: reported as broken UTF-8.
write("broken_utf8.csv",
      "district_code,period,indicator_id,value,area\n5601,2565-01,NR02,1,บ้านต๋อม\n".encode("utf-8")
      + b"5601,2565-02,NR02,1,\xff\n")

# A BOM promises UTF-8, so a bad byte rejects the file without trying Windows-874.
write("bom_then_invalid.csv", b"\xef\xbb\xbfdistrict_code,period,indicator_id,value\n5601,2565-01,NR02,\xa1\n")
