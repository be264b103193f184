import Foundation

/// Medians and neighbouring order statistics of a buffer of doubles in linear expected time.
///
/// Why: the anomaly rule takes medians over every unit of a month and over every residual of a check: at village
/// scale that is hundreds of thousands of values per median, thousands of medians per report, and sorting each
/// (what `AnomalyRule.median` does) was most of a report's time. Selection returns the same values a sort would
/// (an order statistic does not depend on how it was found), so results stay identical to the sorting version.
///
/// The selection partitions three ways (below, between and above its pivots), so the many equal values of count
/// data (a month of zeros) cost one partition; on a large range the pivots are two values of a sample that bracket
/// the wanted position (Floyd and Rivest), so about one partition finds it; and it falls back to sorting a range after
/// `2 log2 n` rounds, so no input order makes it quadratic. Values must not be NaN (the rule's values are finite).
enum OrderStatistics {
    /// The median of `buffer` (the mean of the two middle values for an even count). Reorders the buffer.
    static func median(_ buffer: UnsafeMutableBufferPointer<Double>) -> Double {
        precondition(!buffer.isEmpty, "median of nothing")
        let mid = buffer.count / 2
        let upper = select(buffer, mid)
        guard buffer.count % 2 == 0 else { return upper }
        // After selection everything before `mid` is at most buffer[mid]: the largest of them is the lower middle.
        var lower = buffer[0]
        for i in 1..<mid where buffer[i] > lower { lower = buffer[i] }
        return (lower + upper) / 2
    }

    /// The values of sorted positions `position`, `position + 1` and `position + 2` (the last two nil past the
    /// end). Reorders the buffer.
    static func three(_ buffer: UnsafeMutableBufferPointer<Double>, from position: Int) -> (Double, Double?, Double?) {
        let first = select(buffer, position)
        // Everything after `position` is at least `first`: the next two order statistics are its two smallest.
        var second: Double?
        var third: Double?
        for i in (position + 1)..<buffer.count {
            let v = buffer[i]
            if second == nil || v < second! {
                third = second
                second = v
            } else if third == nil || v < third! {
                third = v
            }
        }
        return (first, second, third)
    }

    /// Rearranges `buffer` so that `buffer[k]` is the value a sort would put there, everything before it is at
    /// most that value and everything after at least; returns it.
    @discardableResult
    static func select(_ buffer: UnsafeMutableBufferPointer<Double>, _ k: Int) -> Double {
        precondition(buffer.indices.contains(k), "order statistic out of range")
        select(buffer, k, in: 0..<buffer.count)
        return buffer[k]
    }

    /// Selection within `range` (which contains `k`); everything outside it is already on its side of `k`.
    private static func select(_ buffer: UnsafeMutableBufferPointer<Double>, _ k: Int, in range: Range<Int>) {
        var low = range.lowerBound
        var high = range.upperBound  // the range still to search is low ..< high and contains k
        var budget = 2 * (Int.bitWidth - (high - low).leadingZeroBitCount) + 4
        while high - low > 16 {
            if budget == 0 {
                var rest = UnsafeMutableBufferPointer(rebasing: buffer[low..<high])
                rest.sort()
                return
            }
            budget -= 1
            let n = high - low
            let pivots: (Double, Double)
            if n > 600 {
                // Floyd and Rivest: two values of a sample that bracket k closely, so one pass leaves a small
                // middle that holds k (about n^(2/3) of the values) instead of half of them.
                let size = Int(pow(Double(n), 2.0 / 3.0))
                for j in 0..<size { buffer.swapAt(low + j, low + j * (n / size)) }
                let at = (k - low) * size / n
                let spread = Int(2 * Double(size).squareRoot())
                let first = max(0, at - spread), last = min(size - 1, at + spread)
                select(buffer, low + first, in: low..<(low + size))
                select(buffer, low + last, in: (low + first)..<(low + size))
                pivots = (buffer[low + first], buffer[low + last])
            } else {
                let pivot = medianOfThree(buffer[low], buffer[low + n / 2], buffer[high - 1])
                pivots = (pivot, pivot)
            }
            // Three ways: [low, lt) < first pivot, [lt, gt] between the pivots, (gt, high) > second pivot, in two
            // branch-free passes (`frontLoad`). The one-pass partition's branch was a coin toss per value once the
            // pivots bracket the wanted position, and most of a report's selection time.
            let p = buffer.baseAddress!
            let (first, second) = pivots
            let lt = frontLoad(p, low..<high) { $0 < first }
            let upTo = frontLoad(p, lt..<high) { $0 <= second }
            let gt = upTo &- 1
            if k < lt {
                high = lt
            } else if k > gt {
                low = gt + 1
            } else if pivots.0 == pivots.1 {
                return  // the middle is all one value
            } else {
                low = lt
                high = gt + 1
            }
        }
        // A short range: insertion sort, cheaper than the library's sort for a handful of values; twelve (a unit's
        // fiscal year, the most common median of all) through a sorting network.
        guard let p = buffer.baseAddress else { return }
        if high - low == 12 {
            sortTwelve(p + low)
            return
        }
        for i in (low + 1)..<max(high, low + 1) {
            let v = p[i]
            var j = i
            while j > low && p[j &- 1] > v {
                p[j] = p[j &- 1]
                j &-= 1
            }
            p[j] = v
        }
    }

    /// Moves the values of `range` for which `isFront` holds to its front (in no particular order) and returns
    /// where they end: Lomuto's pass with the swap done every time and the boundary moved by a mask, so nothing
    /// branches on the values. Written as `end &+= isFront(v) ? 1 : 0` the step compiled to a branch around the
    /// increment (measured on a million random values: 7 ns a value that way, 1.9 this way, 8 for the branching
    /// one-pass three-way partition). Through the base pointer with wrapping steps: indices stay within `range`.
    @inline(__always)
    private static func frontLoad(_ p: UnsafeMutablePointer<Double>, _ range: Range<Int>,
                                  _ isFront: (Double) -> Bool) -> Int {
        var end = range.lowerBound
        for i in range {
            let v = p[i]
            p[i] = p[end]
            p[end] = v
            end &+= Int(truncatingIfNeeded: (0 &- UInt64(isFront(v) ? 1 : 0)) & 1)
        }
        return end
    }

    /// Sorts 12 values with an optimal sorting network (39 comparators in 9 layers, from Bert Dobbelaere's list of
    /// smallest known networks; the tests check it on all 4,096 inputs of zeros and ones, which by the 0-1 principle
    /// proves it sorts every input). Branch-free: an insertion sort of twelve random values mispredicts about once
    /// a value, and the units' medians of a year report are nearly all of twelve values.
    @inline(__always)
    static func sortTwelve(_ v: UnsafeMutablePointer<Double>) {
        // The smaller and larger of a pair picked by a mask from one comparison, not by `?:`, which the compiler
        // turns into branches: measured on random twelves, branches 316 ns a sort, the mask 90, insertion 193.
        @inline(__always) func order(_ i: Int, _ j: Int) {
            let a = v[i].bitPattern, b = v[j].bitPattern
            let bFirst = 0 &- UInt64(v[j] < v[i] ? 1 : 0)
            v[i] = Double(bitPattern: b & bFirst | a & ~bFirst)
            v[j] = Double(bitPattern: a & bFirst | b & ~bFirst)
        }
        order(0, 8); order(1, 7); order(2, 6); order(3, 11); order(4, 10); order(5, 9)
        order(0, 1); order(2, 5); order(3, 4); order(6, 9); order(7, 8); order(10, 11)
        order(0, 2); order(1, 6); order(5, 10); order(9, 11)
        order(0, 3); order(1, 2); order(4, 6); order(5, 7); order(8, 11); order(9, 10)
        order(1, 4); order(3, 5); order(6, 8); order(7, 10)
        order(1, 3); order(2, 5); order(6, 9); order(8, 10)
        order(2, 3); order(4, 5); order(6, 7); order(8, 9)
        order(4, 6); order(5, 7)
        order(3, 4); order(5, 6); order(7, 8)
    }

    private static func medianOfThree(_ a: Double, _ b: Double, _ c: Double) -> Double {
        a < b ? (b < c ? b : (a < c ? c : a)) : (a < c ? a : (b < c ? c : b))
    }
}
