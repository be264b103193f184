#include <xlsxwriter.h>
/* zlib (already a dependency of libxlsxwriter) for re-packing xl/styles.xml, see ZipRepacker.swift. */
#include <zlib.h>
