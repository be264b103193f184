import Testing
@testable import AgendaCore
import TestSupport

/// The merge's key table against a plain dictionary: the same answers for inserts, lookups, removals and
/// re-inserts, across many groups and groups that grow well past their first size.
@Suite struct GroupedKeyTableTests {
    @Test func behavesLikeADictionary() {
        var table = GroupedKeyTable()
        var model: [CompactKey: UInt32] = [:]
        var numbers = SeededNumbers(seed: 2565)
        for step in 0..<60_000 {
            let month = YearMonth(ordinal: 2565 * 12 + numbers.next(3))
            let key = CompactKey(district: numbers.next(3), indicator: numbers.next(4), month: month, area: numbers.next(step < 30_000 ? 5_000 : 50))
            switch numbers.next(10) {
            case 0..<7:
                let payload = UInt32(step)
                let held = table.insertIfAbsent(payload, forKey: key)
                #expect(held == model[key])
                if held == nil { model[key] = payload }
            case 7:
                table.remove(key)
                model[key] = nil
            default:
                #expect(table.value(for: key) == model[key])
            }
        }
        var seen: [CompactKey: UInt32] = [:]
        for group in 0..<table.groupCount {
            table.forEachSlot(inGroup: group) { area, payload in
                seen[CompactKey(packed: table.groupKey(group), area: area)] = payload
            }
        }
        #expect(seen == model)
        #expect(table.groupCount <= 3 * 4 * 3)
    }

    /// Runs of inserts into one group, the merge's path, against the same model: runs longer than a table's room
    /// (so it grows mid-run), keys repeated inside a run, keys removed and inserted again.
    @Test func runsBehaveLikeSingleInserts() {
        var table = GroupedKeyTable()
        var model: [CompactKey: UInt32] = [:]
        var numbers = SeededNumbers(seed: 2566)
        var payload: UInt32 = 0
        for round in 0..<200 {
            let packed = CompactKey(district: numbers.next(2), indicator: numbers.next(3), month: YearMonth(ordinal: 30_000), area: 0).packed
            let areas = (0..<numbers.next(round < 100 ? 3_000 : 40)).map { _ in UInt32(numbers.next(2_000)) }
            var answers: [UInt32?] = []
            table.insertIfAbsent(
                group: table.groupNumber(packed), count: areas.count, area: { areas[$0] },
                stored: { k in
                    answers.append(nil)
                    #expect(answers.count == k + 1)
                    payload += 1
                    model[CompactKey(packed: packed, area: areas[k])] = payload
                    return payload
                },
                found: { k, held in
                    answers.append(held)
                    #expect(answers.count == k + 1)
                    #expect(model[CompactKey(packed: packed, area: areas[k])] == held)
                })
            #expect(answers.count == areas.count)
            for _ in 0..<numbers.next(20) {
                let key = CompactKey(packed: packed, area: UInt32(numbers.next(2_000)))
                table.remove(key)
                model[key] = nil
            }
        }
        var seen: [CompactKey: UInt32] = [:]
        for group in 0..<table.groupCount {
            table.forEachSlot(inGroup: group) { area, payload in
                seen[CompactKey(packed: table.groupKey(group), area: area)] = payload
            }
        }
        #expect(seen == model)
        #expect(model.count > 5_000)
    }
}
