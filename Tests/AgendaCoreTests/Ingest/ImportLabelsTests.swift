import Testing
@testable import AgendaCore

/// The import's label table maps each file's own labels to import-wide ids in first-met order; a file that repeats
/// an earlier file's labels (a district's next month) must get the same answer as one met for the first time.
@Suite struct ImportLabelsTests {
    /// The ids a plain first-met numbering gives, the definition.
    private static func expected(_ files: [[String]]) -> [[UInt32]] {
        var ids: [String: UInt32] = ["": 0]
        return files.map { local in
            local.map { text in
                if let id = ids[text] { return id }
                let id = UInt32(ids.count)
                ids[text] = id
                return id
            }
        }
    }

    @Test func repeatedAndAlteredListsGetFirstMetIDs() {
        let files: [[String]] = [
            ["", "5601001", "5601002", "5601003"],
            ["", "5602001", "5602002"],
            ["", "5601001", "5601002", "5601003"],  // the same list again
            ["", "5601001", "5601003", "5601002"],  // same first label, other order
            ["", "5601001", "5601002", "5601003", "5601004"],  // same first label, one more
            ["", "5601001", "5601002", "5601003"],
            [""],
            ["", "หมู่ 3", "5602001"],
        ]
        var labels = ImportLabels()
        let got = files.map { labels.globalIDs(of: $0) }
        #expect(got == Self.expected(files))
        #expect(labels.labels == ["", "5601001", "5601002", "5601003", "5602001", "5602002", "5601004", "หมู่ 3"])
    }

    /// Files that each start with a label of their own (no district repeats its list): the ids are still the
    /// first-met ones, and no more lists are kept than the limit.
    @Test func listsKeptAreBounded() {
        let files: [[String]] = (0..<300).map { f in [""] + (0..<5).map { "\(f + $0)-\(f % 7)" } }
        var labels = ImportLabels()
        var got: [[UInt32]] = []
        for file in files {
            got.append(labels.globalIDs(of: file))
            #expect(labels.recentCount <= ImportLabels.recentLimit)
        }
        #expect(got == Self.expected(files))
        // A list met again after the table was emptied is still right.
        #expect(labels.globalIDs(of: files[0]) == Self.expected(files)[0])
    }
}
