import AgendaCore

/// What discovery tells the coordinator or the clerk about a path under `submissions/` that was not read, and what
/// to do about it.
enum DiscoveryMessages {
    static func unreadableFolder(_ detail: String) -> BilingualText {
        BilingualText(
            th: "เปิดอ่านโฟลเดอร์นี้ไม่ได้ (\(detail)) ไฟล์ในโฟลเดอร์นี้จึงไม่ถูกนับ ให้ผู้ดูแลเครื่องแก้สิทธิ์ให้โปรแกรมอ่านโฟลเดอร์ได้ แล้วออกรายงานใหม่",
            en: "Cannot read this folder (\(detail)), so none of its files were counted; ask the administrator to make it readable by the report job, then run the report again.")
    }

    static func notRegularFile(_ kind: BilingualText) -> BilingualText {
        BilingualText(
            th: "ไม่ได้อ่าน เพราะไม่ใช่ไฟล์ข้อมูลธรรมดา (เป็น\(kind.th)) บันทึกข้อมูลเป็นไฟล์ CSV ธรรมดาแล้วส่งใหม่",
            en: "Not read: this is \(kind.en), not a regular file; save the data as an ordinary CSV file and send it again.")
    }

    static func skippedSymlinkLoop() -> BilingualText {
        BilingualText(
            th: "ข้ามไป: ลิงก์นี้วนกลับมาที่ตัวเอง (symlink loop) ลบลิงก์นี้หรือชี้ไปที่ไฟล์จริง",
            en: "Skipped: this symbolic link loops back on itself; delete it or point it at the real file.")
    }

    static func skippedDanglingSymlink() -> BilingualText {
        BilingualText(
            th: "ข้ามไป: ลิงก์นี้ชี้ไปที่ไฟล์ที่ไม่มีอยู่แล้ว คัดลอกไฟล์จริงมาวางแทนลิงก์",
            en: "Skipped: this symbolic link points to a file that no longer exists; put the real file here instead.")
    }

    static func skippedHidden(folder: Bool) -> BilingualText {
        folder
            ? BilingualText(
                th: "ข้ามไป: โฟลเดอร์ซ่อน (ชื่อขึ้นต้นด้วยจุด) ไม่ถูกอ่าน ถ้ามีข้อมูลที่ต้องนับ เปลี่ยนชื่อโฟลเดอร์ให้ไม่ขึ้นต้นด้วยจุด",
                en: "Skipped: hidden folder (its name starts with a dot); rename it without the dot if its files should count.")
            : BilingualText(
                th: "ข้ามไป: ไฟล์ซ่อน (ชื่อขึ้นต้นด้วยจุด) ไม่ถูกอ่าน ถ้าเป็นข้อมูลที่ต้องนับ เปลี่ยนชื่อไฟล์ให้ไม่ขึ้นต้นด้วยจุด",
                en: "Skipped: hidden file (its name starts with a dot); rename it without the dot if it should count.")
    }

    static func skippedOfficeLock() -> BilingualText {
        BilingualText(
            th: "ข้ามไป: ไฟล์ล็อกของ Excel (~$) เกิดขึ้นขณะเปิดไฟล์ค้างไว้ ไม่ใช่ข้อมูล ปิดไฟล์ใน Excel แล้วลบไฟล์นี้ได้",
            en: "Skipped: an Excel lock file (~$), left while a file is open; it holds no data. Close Excel and delete it.")
    }

    static func skippedTrailingJunk(_ name: String) -> BilingualText {
        BilingualText(
            th: "ข้ามไป: ชื่อไฟล์ \"\(name)\" มีช่องว่างหรือจุดต่อท้ายหลัง .csv เปลี่ยนชื่อให้ลงท้ายด้วย .csv พอดีแล้วส่งใหม่",
            en: "Skipped: the name \"\(name)\" has spaces or dots after .csv; rename it to end exactly in .csv and send it again.")
    }

    static func skippedWorkbook() -> BilingualText {
        BilingualText(
            th: "ข้ามไป: เป็นไฟล์ Excel ไม่ใช่ CSV เปิดใน Excel แล้วบันทึกเป็น \"CSV UTF-8 (Comma delimited)\" แล้วส่งใหม่",
            en: "Skipped: an Excel workbook, not CSV; open it in Excel, save it as \"CSV UTF-8 (Comma delimited)\" and send it again.")
    }

    static func noSubmissions(folder: String) -> BilingualText {
        BilingualText(
            th: "ไม่พบไฟล์ส่งข้อมูลใน \(folder): เชื่อมต่อโฟลเดอร์แชร์ (mount) แล้วหรือยัง? รายงานเดิมยังอยู่ครบ",
            en: "no submissions found in \(folder): is the share mounted? The previous report is untouched.")
    }
}
