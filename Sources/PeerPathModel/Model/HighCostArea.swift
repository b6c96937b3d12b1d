/// Where an organisation's posts are, for the NHS high cost area supplements (NHS Terms and
/// Conditions of Service Handbook, section 4; the zones are in its Annex 8).
public enum HighCostArea: String, Sendable, CaseIterable {
    case innerLondon = "inner-london"
    case outerLondon = "outer-london"
    case fringe
    case none

    /// How the area reads in a sentence.
    public var name: String {
        switch self {
        case .innerLondon: "inner London"
        case .outerLondon: "outer London"
        case .fringe: "the fringe zone"
        case .none: "no high cost area"
        }
    }

    /// Why a text is not an area, with the nearest one, or nil.
    public static func problem(_ text: String) -> String? {
        guard HighCostArea(rawValue: text) == nil else { return nil }
        let known = allCases.map(\.rawValue)
        return "'\(text.prefix(40))' is not a high cost area\(Suggestion.didYouMean(text, among: known, then: "expected one of: \(known.joined(separator: ", "))"))"
    }
}
