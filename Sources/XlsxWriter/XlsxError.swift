import CXlsxWriter

/// An error from writing a workbook: either a libxlsxwriter return code (`lxw_error`) or a limit this module
/// checks in Swift before calling C (some limits abort the C library instead of returning an error).
///
/// Like GRDB's `DatabaseError`, it says what went wrong (`message`), the raw code when it came from C (`code`),
/// and what the caller was doing (`context`, e.g. "writing cell B7 of sheet 'Facts'").
public struct XlsxError: Error, CustomStringConvertible, Sendable, Equatable {
    /// Why the operation failed.
    public enum Kind: Sendable, Equatable {
        /// libxlsxwriter returned this non-zero `lxw_error` code.
        case library(code: Int)
        /// A sheet name that Excel would reject (length, characters, quotes or duplicate).
        case invalidSheetName
        /// A row or column outside Excel's 1,048,576 × 16,384 grid, or a reversed range.
        case cellOutOfRange
        /// A length limit of the file format (validation list bytes, header text, …).
        case limitExceeded
        /// A value the file format cannot hold (NaN, a list item with a comma, …).
        case invalidArgument
        /// The workbook was already closed (written or failed), so its C objects are gone.
        case workbookClosed
        /// The file libxlsxwriter wrote could not be re-read or rewritten to add what the library leaves out
        /// (the font charset); the message says what was wrong with the archive or the file system.
        case fileRewrite
    }

    public let kind: Kind
    /// Human-readable reason: `lxw_strerror` text for library errors, our own text otherwise.
    public let message: String
    /// What was being done, for example "writing cell B7 of sheet 'Facts'".
    public let context: String

    public init(kind: Kind, message: String, context: String) {
        self.kind = kind
        self.message = message
        self.context = context
    }

    /// The libxlsxwriter error code, when the error came from the C library.
    public var code: Int? {
        if case .library(let code) = kind { return code }
        return nil
    }

    public var description: String {
        let codePart = code.map { " (lxw_error \($0))" } ?? ""
        return "xlsx error while \(context): \(message)\(codePart)"
    }
}

/// Turns a C return code into a thrown `XlsxError` at once, so no failure is silently ignored.
@inline(__always)
func check(_ result: lxw_error, _ context: @autoclosure () -> String) throws {
    guard result != LXW_NO_ERROR else { return }
    let message = String(cString: lxw_strerror(result))
    throw XlsxError(kind: .library(code: Int(result.rawValue)), message: message, context: context())
}

/// What was being done when a C call failed ("writing cell B7 of sheet 'Facts'"), kept as parts and turned into
/// text only when an error is actually thrown.
struct ErrorContext: CustomStringConvertible {
    let verb: StaticString
    unowned let sheet: Worksheet
    let firstRow: Int
    let firstCol: Int
    let lastRow: Int?
    let lastCol: Int?

    var description: String {
        if let lastRow, let lastCol {
            return "\(verb) \(sheet.describeArea(firstRow, firstCol, lastRow, lastCol))"
        }
        return "\(verb) \(sheet.describeCell(firstRow, firstCol))"
    }
}

func check(_ result: lxw_error, _ context: ErrorContext) throws {
    guard result != LXW_NO_ERROR else { return }
    try check(result, context.description)
}

extension XlsxError {
    init(kind: Kind, message: String, context: ErrorContext) {
        self.init(kind: kind, message: message, context: context.description)
    }
}
