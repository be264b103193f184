@testable import AgendaCore
import Foundation
import Testing

/// The integer path of `NumberText.rounded` prints exactly what `String(format: "%.Nf")` printed before it.
@Suite struct NumberTextFastPathTests {
    @Test("a million values of every size and sign, 0 to 6 places")
    func sameAsFormat() {
        var generator = SystemRandomNumberGenerator()
        var checked = 0
        for i in 0..<1_000_000 {
            let magnitude = pow(10, Double(i % 17) - 2)
            var value = Double.random(in: 0..<1, using: &generator) * magnitude
            if i % 3 == 0 { value = -value }
            if i % 11 == 0 { value = value.rounded() + 0.5 * Double(i % 2) }
            let decimals = i % 7
            let scaled = abs(value) * pow(10, Double(decimals))
            let distance = abs(scaled - scaled.rounded(.down) - 0.5)
            guard distance > 1e-14 * max(1, scaled) else { continue }
            let fast = NumberText.fixed(value, decimals: decimals, scaled: scaled)
            let slow = String(format: "%.\(decimals)f", value)
            if fast != slow {
                Issue.record("\(value) at \(decimals): \(fast) ≠ \(slow)")
                return
            }
            checked += 1
        }
        #expect(checked > 700_000, "values past 5e13 take the careful path and are skipped here")
        #expect(NumberText.fixed(-0.0, decimals: 2, scaled: 0) == String(format: "%.2f", -0.0))
        #expect(NumberText.fixed(-0.001, decimals: 2, scaled: 0.1) == String(format: "%.2f", -0.001))
    }
}
