#!/usr/bin/env python3
"""Dump what Python's zipfile sees in an archive as JSON, for the font-charset re-packing tests.

Usage: zip_facts.py ARCHIVE → {"testzip": first bad entry or null, "entries": [{name, date_time, flags, method,
sha256 of the uncompressed data}], "styles": xl/styles.xml as text or null}
"""
import hashlib
import json
import sys
import zipfile

with zipfile.ZipFile(sys.argv[1]) as archive:
    entries = [
        {"name": info.filename, "dateTime": list(info.date_time), "flags": info.flag_bits,
         "method": info.compress_type, "sha256": hashlib.sha256(archive.read(info)).hexdigest()}
        for info in archive.infolist()
    ]
    styles = archive.read("xl/styles.xml").decode("utf-8") if "xl/styles.xml" in archive.namelist() else None
    json.dump({"testzip": archive.testzip(), "entries": entries, "styles": styles}, sys.stdout)
