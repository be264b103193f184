/// The two languages every message and label is written in.
///
/// Clerks read Thai; the English text is for officials and for search engines when a message is pasted.
public enum Language: String, Sendable, CaseIterable, Codable {
    case th
    case en
}

/// A piece of text in Thai and English, chosen at output time rather than when the text is made.
public struct BilingualText: Sendable, Hashable, Codable {
    public var th: String
    public var en: String

    public init(th: String, en: String) {
        self.th = th
        self.en = en
    }

    public func text(_ language: Language) -> String {
        switch language {
        case .th: th
        case .en: en
        }
    }
}
