/// Which district each submission file belongs to, so its rejected rows, lateness and anomalies reach that
/// district's clerk in a feedback pack.
///
/// The rule, in order:
/// 1. **rows**: the district whose code most of the file's accepted-or-rejected rows give (accepted, superseded and
///    rejected rows with a reference district code; blank rows say nothing). A tie goes to the district the name
///    points to (rule 2), else to the lowest code.
/// 2. **name**: when no row could be read (a wrong encoding, a missing column), the district whose code begins the
///    file's name or one of its folder names (`submissions/5601-mueang-phayao/…`, `5603_2565-02.csv`).
/// 3. otherwise **unattributed**: listed for the coordinator, in no district's pack.
public struct DistrictAttribution: Sendable {
    public enum Basis: String, Sendable, Hashable {
        case rows, name
    }

    /// Attributed files: path → (district code, basis). A path absent here is unattributed.
    public let byFile: [String: (district: String, basis: Basis)]
    /// Every file path considered, in path order (sources, then paths that only have whole-file rejections).
    public let files: [String]

    public init(imported: ImportResult, districtCodes: [String]) {
        let known = Set(districtCodes)
        var counts: [String: [String: Int]] = [:]
        let sources = imported.sources
        for store in [imported.accepted, imported.superseded.replaced] {
            for (source, districts) in store.rowsPerSourceAndDistrict() {
                for (code, n) in districts { counts[sources[source].path, default: [:]][code, default: 0] += n }
            }
        }
        // A row rejected for several reasons is one row: count each (file, line) once.
        var seen: Set<String> = []
        for rejection in imported.rejections where !rejection.wholeFile {
            guard let code = rejection.districtCode, known.contains(code),
                  seen.insert("\(rejection.line)\u{0}\(rejection.file)").inserted else { continue }
            counts[rejection.file, default: [:]][code, default: 0] += 1
        }
        var paths = sources.map(\.path)
        var listed = Set(paths)
        for rejection in imported.rejections where listed.insert(rejection.file).inserted {
            paths.append(rejection.file)
        }
        var byFile: [String: (district: String, basis: Basis)] = [:]
        for path in paths {
            let named = Self.namedDistrict(path, known: districtCodes)
            let rows = (counts[path] ?? [:]).filter { known.contains($0.key) }
            if let most = rows.values.max() {
                let leaders = rows.filter { $0.value == most }.keys.sorted()
                byFile[path] = (named.flatMap { leaders.contains($0) ? $0 : nil } ?? leaders[0], .rows)
            } else if let named {
                byFile[path] = (named, .name)
            }
        }
        self.byFile = byFile
        self.files = paths
    }

    public func district(ofFile path: String) -> String? { byFile[path]?.district }

    /// Paths attributed to no district, in path order.
    public var unattributed: [String] { files.filter { byFile[$0] == nil } }

    /// The district whose code begins the file's name or one of its folder names (the deepest one that does).
    static func namedDistrict(_ path: String, known: [String]) -> String? {
        for component in path.split(separator: "/").reversed() {
            let digits = component.prefix { $0.isASCII && $0.isNumber }
            guard digits.count == 4 else { continue }
            if let code = known.first(where: { $0 == digits }) { return code }
        }
        return nil
    }
}

extension AcceptedValues {
    /// How many values each source file holds per district code, counted on the integer columns: a year of
    /// per-village values is tens of millions, too many to look up two strings for each.
    func rowsPerSourceAndDistrict() -> [Int: [String: Int]] {
        let districts = districtCodes.count
        var flat: [Int: [Int]] = [:]
        var lastSource = -1
        var lastCounts: [Int] = []
        for r in 0..<runCount {
            let run = run(r)
            for i in run.range {
                let source = Int(sourceIndex[i])
                if source != lastSource {
                    if lastSource >= 0 { flat[lastSource] = lastCounts }
                    lastSource = source
                    lastCounts = flat[source] ?? [Int](repeating: 0, count: districts)
                }
                lastCounts[run.district] += 1
            }
        }
        if lastSource >= 0 { flat[lastSource] = lastCounts }
        return flat.mapValues { counts in
            var byCode: [String: Int] = [:]
            for (d, n) in counts.enumerated() where n > 0 { byCode[districtCodes[d]] = n }
            return byCode
        }
    }
}
