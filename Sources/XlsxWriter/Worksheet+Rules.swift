import CXlsxWriter

/// A comparison for cell-value conditional formats and numeric data validation.
public enum ValueComparison: Sendable, Equatable {
    case equal(Double), notEqual(Double)
    case lessThan(Double), lessThanOrEqual(Double)
    case greaterThan(Double), greaterThanOrEqual(Double)
    case between(Double, Double), notBetween(Double, Double)
}

/// What a data-validation rule allows.
public enum ValidationRule: Sendable, Equatable {
    /// One of these strings (a drop-down). The comma-joined list must fit 255 UTF-8 bytes and no item may
    /// contain a comma; longer lists belong on a sheet and `listFormula`.
    case list([String])
    /// One of the values in a range, e.g. `CellRange(...).formula` → `='Lists'!$A$1:$A$40`.
    case listFormula(String)
    /// A decimal number satisfying the comparison.
    case decimal(ValueComparison)
    /// A whole number satisfying the comparison.
    case integer(ValueComparison)
}

/// The prompt shown when a validated cell is selected and the message shown on bad input. Excel limits titles
/// to 32 and messages to 255 characters; libxlsxwriter rejects longer ones with an error that is thrown.
public struct ValidationMessages: Sendable, Equatable {
    public var inputTitle: String?
    public var inputMessage: String?
    public var errorTitle: String?
    public var errorMessage: String?

    public init(inputTitle: String? = nil, inputMessage: String? = nil,
                errorTitle: String? = nil, errorMessage: String? = nil) {
        self.inputTitle = inputTitle
        self.inputMessage = inputMessage
        self.errorTitle = errorTitle
        self.errorMessage = errorMessage
    }
}

extension ValueComparison {
    /// Criterion constant and the one or two numbers. libxlsxwriter's conditional and validation criteria enums
    /// share the same numbering for these comparisons (1 between … 8 less than or equal).
    var criterion: (code: UInt8, first: Double, second: Double) {
        switch self {
        case .between(let a, let b): (UInt8(LXW_VALIDATION_CRITERIA_BETWEEN.rawValue), a, b)
        case .notBetween(let a, let b): (UInt8(LXW_VALIDATION_CRITERIA_NOT_BETWEEN.rawValue), a, b)
        case .equal(let v): (UInt8(LXW_VALIDATION_CRITERIA_EQUAL_TO.rawValue), v, 0)
        case .notEqual(let v): (UInt8(LXW_VALIDATION_CRITERIA_NOT_EQUAL_TO.rawValue), v, 0)
        case .greaterThan(let v): (UInt8(LXW_VALIDATION_CRITERIA_GREATER_THAN.rawValue), v, 0)
        case .lessThan(let v): (UInt8(LXW_VALIDATION_CRITERIA_LESS_THAN.rawValue), v, 0)
        case .greaterThanOrEqual(let v): (UInt8(LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO.rawValue), v, 0)
        case .lessThanOrEqual(let v): (UInt8(LXW_VALIDATION_CRITERIA_LESS_THAN_OR_EQUAL_TO.rawValue), v, 0)
        }
    }

    var isRange: Bool {
        switch self {
        case .between, .notBetween: true
        default: false
        }
    }

    /// The conditional-format criterion for the same comparison (its enum numbers differ from validation's).
    var conditionalCriterion: UInt8 {
        switch self {
        case .equal: UInt8(LXW_CONDITIONAL_CRITERIA_EQUAL_TO.rawValue)
        case .notEqual: UInt8(LXW_CONDITIONAL_CRITERIA_NOT_EQUAL_TO.rawValue)
        case .greaterThan: UInt8(LXW_CONDITIONAL_CRITERIA_GREATER_THAN.rawValue)
        case .lessThan: UInt8(LXW_CONDITIONAL_CRITERIA_LESS_THAN.rawValue)
        case .greaterThanOrEqual: UInt8(LXW_CONDITIONAL_CRITERIA_GREATER_THAN_OR_EQUAL_TO.rawValue)
        case .lessThanOrEqual: UInt8(LXW_CONDITIONAL_CRITERIA_LESS_THAN_OR_EQUAL_TO.rawValue)
        case .between: UInt8(LXW_CONDITIONAL_CRITERIA_BETWEEN.rawValue)
        case .notBetween: UInt8(LXW_CONDITIONAL_CRITERIA_NOT_BETWEEN.rawValue)
        }
    }
}

extension Worksheet {
    /// Largest comma-joined validation list libxlsxwriter 1.1.4 can copy: it checks 255 *characters* but copies
    /// *bytes* into a fixed buffer, so a longer UTF-8 list (Thai is 3 bytes a letter) aborts the whole process.
    public static let maxValidationListBytes = 255

    // MARK: Conditional formats

    /// A three-colour scale from the lowest value (`minColor`) through the 50th percentile (`midColor`) to the
    /// highest (`maxColor`), colours `0xRRGGBB`.
    public func conditionalFormatThreeColorScale(firstRow: Int, firstCol: Int, lastRow: Int, lastCol: Int,
                                                 minColor: Int, midColor: Int, maxColor: Int) throws {
        var rule = lxw_conditional_format()
        rule.type = UInt8(LXW_CONDITIONAL_3_COLOR_SCALE.rawValue)
        rule.min_color = lxwColor(minColor)
        rule.mid_color = lxwColor(midColor)
        rule.max_color = lxwColor(maxColor)
        try addConditionalFormat(&rule, firstRow, firstCol, lastRow, lastCol)
    }

    /// Applies `format` to cells whose value satisfies the comparison.
    public func conditionalFormat(firstRow: Int, firstCol: Int, lastRow: Int, lastCol: Int,
                                  when comparison: ValueComparison, format: Format) throws {
        var rule = lxw_conditional_format()
        rule.type = UInt8(LXW_CONDITIONAL_TYPE_CELL.rawValue)
        rule.criteria = comparison.conditionalCriterion
        let (_, first, second) = comparison.criterion
        if comparison.isRange {
            rule.min_value = first
            rule.max_value = second
        } else {
            rule.value = first
        }
        rule.format = cFormat(format, cellFormat: false)
        try addConditionalFormat(&rule, firstRow, firstCol, lastRow, lastCol)
    }

    /// Applies `format` to cells whose text contains `text`.
    public func conditionalFormat(firstRow: Int, firstCol: Int, lastRow: Int, lastCol: Int,
                                  textContaining text: String, format: Format) throws {
        var pool = CStringPool()
        defer { pool.freeAll() }
        var rule = lxw_conditional_format()
        rule.type = UInt8(LXW_CONDITIONAL_TYPE_TEXT.rawValue)
        rule.criteria = UInt8(LXW_CONDITIONAL_CRITERIA_TEXT_CONTAINING.rawValue)
        rule.value_string = pool.copy(XMLText.safe(text, .plain))  // it becomes a SEARCH() formula
        rule.format = cFormat(format, cellFormat: false)
        try addConditionalFormat(&rule, firstRow, firstCol, lastRow, lastCol)
    }

    private func addConditionalFormat(_ rule: inout lxw_conditional_format, _ firstRow: Int, _ firstCol: Int,
                                      _ lastRow: Int, _ lastCol: Int) throws {
        let context = try prepare("adding conditional format to", firstRow: firstRow, firstCol: firstCol,
                                  lastRow: lastRow, lastCol: lastCol)
        try check(worksheet_conditional_format_range(handle, lxw_row_t(firstRow), lxw_col_t(firstCol),
                                                     lxw_row_t(lastRow), lxw_col_t(lastCol), &rule), context)
    }

    // MARK: Data validation

    /// Restricts what can be typed into a range, with optional prompt and error messages. A list longer than
    /// `maxValidationListBytes` UTF-8 bytes, or with an item containing a comma, throws before reaching C.
    public func dataValidation(firstRow: Int, firstCol: Int, lastRow: Int, lastCol: Int, rule: ValidationRule,
                               messages: ValidationMessages = ValidationMessages()) throws {
        let context = try prepare("adding data validation to", firstRow: firstRow, firstCol: firstCol,
                                  lastRow: lastRow, lastCol: lastCol)
        var pool = CStringPool()
        defer { pool.freeAll() }
        var validation = lxw_data_validation()
        switch rule {
        case .list(let items):
            try Worksheet.checkValidationList(items, context: context.description)
            validation.validate = UInt8(LXW_VALIDATION_TYPE_LIST.rawValue)
            validation.value_list = pool.copyArray(items)
        case .listFormula(let formula):
            validation.validate = UInt8(LXW_VALIDATION_TYPE_LIST_FORMULA.rawValue)
            validation.value_formula = pool.copy(XMLText.safe(formula, .plain))
        case .decimal(let comparison), .integer(let comparison):
            if case .decimal = rule {
                validation.validate = UInt8(LXW_VALIDATION_TYPE_DECIMAL.rawValue)
            } else {
                validation.validate = UInt8(LXW_VALIDATION_TYPE_INTEGER.rawValue)
            }
            let (code, first, second) = comparison.criterion
            validation.criteria = code
            if comparison.isRange {
                validation.minimum_number = first
                validation.maximum_number = second
            } else {
                validation.value_number = first
            }
        }
        validation.input_title = pool.copy(messages.inputTitle.map { XMLText.safe($0, .escaped) })
        validation.input_message = pool.copy(messages.inputMessage.map { XMLText.safe($0, .escaped) })
        validation.error_title = pool.copy(messages.errorTitle.map { XMLText.safe($0, .escaped) })
        validation.error_message = pool.copy(messages.errorMessage.map { XMLText.safe($0, .escaped) })
        try check(worksheet_data_validation_range(handle, lxw_row_t(firstRow), lxw_col_t(firstCol),
                                                  lxw_row_t(lastRow), lxw_col_t(lastCol), &validation), context)
    }

    /// Checks a drop-down list the way Excel stores it: items joined with commas, at most 255 UTF-8 bytes.
    public static func checkValidationList(_ items: [String], context: String = "checking a validation list")
        throws {
        guard !items.isEmpty else {
            throw XlsxError(kind: .invalidArgument, message: "a validation list needs at least one item",
                            context: context)
        }
        if let bad = items.first(where: { $0.contains(",") || XMLText.hasForbiddenCharacters($0) }) {
            throw XlsxError(kind: .invalidArgument,
                            message: "list item '\(bad)' contains a comma or control character; put the list on "
                                + "a sheet and use a range reference instead",
                            context: context)
        }
        let bytes = items.joined(separator: ",").utf8.count
        guard bytes <= maxValidationListBytes else {
            throw XlsxError(kind: .limitExceeded,
                            message: "validation list is \(bytes) UTF-8 bytes when joined with commas; Excel and "
                                + "libxlsxwriter allow \(maxValidationListBytes) (put the list on a sheet and use "
                                + "a range reference instead)",
                            context: context)
        }
    }
}
