/// The superseded values of an import, stored column by column, each pointing at the value that replaced it.
///
/// Why not `[SupersededValue]`: each element holds two full `AcceptedValue`s (~208 bytes with their Strings), and a
/// set of cumulative resubmissions supersedes millions of values: 3.5 million took 2.25 GB, more than the input.
/// Here the superseded value itself is a row of an `AcceptedValues` store (31 bytes, sharing its
/// text tables) and the replacing value is a 4-byte index into the store it lives in, which the importer shares
/// with `ImportResult.accepted` (the replacing value is always the accepted one), so it costs no second copy.
///
/// Reading an element builds a `SupersededValue` on demand, so every consumer written for `[SupersededValue]`
/// keeps working.
public struct SupersededValues: RandomAccessCollection, Sendable {
    /// The superseded values, in this collection's order.
    let replaced: AcceptedValues
    /// Where the replacing values are read from.
    let replacements: AcceptedValues
    /// `replacements[replacementIndex[i]]` replaced `replaced[i]`.
    let replacementIndex: [UInt32]

    /// For the importer: `replacements` is the import's accepted store.
    init(replaced: AcceptedValues, replacements: AcceptedValues, replacementIndex: [UInt32]) {
        precondition(replaced.count == replacementIndex.count, "one replacing value per superseded value")
        precondition(replacementIndex.allSatisfy { Int($0) < replacements.count }, "replacing value out of range")
        self.replaced = replaced
        self.replacements = replacements
        self.replacementIndex = replacementIndex
    }

    /// No values.
    public init() {
        self.init([])
    }

    /// The store of `values`, in the given order (callers pass them sorted by the superseded value's key, then
    /// file, as `ImportResult` promises). For tests and hand-built reports.
    public init(_ values: [SupersededValue]) {
        precondition(values.count <= Int(UInt32.max), "more superseded values than a 32-bit index holds")
        self.init(replaced: AcceptedValues(values.map(\.superseded)),
                  replacements: AcceptedValues(values.map(\.replacedBy)),
                  replacementIndex: values.indices.map { UInt32($0) })
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { replacementIndex.count }

    public subscript(position: Int) -> SupersededValue {
        SupersededValue(superseded: replaced[position],
                        replacedBy: replacements[Int(replacementIndex[position])])
    }
}

extension SupersededValues: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: SupersededValue...) {
        self.init(elements)
    }
}
