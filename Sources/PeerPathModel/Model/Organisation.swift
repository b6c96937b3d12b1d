/// The employer whose pathway this is.
public struct Organisation: Sendable {
    public enum Sector: String, Sendable, CaseIterable {
        case nhsTrust = "nhs-trust"
        case voluntarySector = "voluntary-sector"
        case socialCare = "social-care"
        case primaryCare = "primary-care"

        /// How the sector reads in a sentence.
        public var name: String {
            switch self {
            case .nhsTrust: "NHS trust"
            case .voluntarySector: "voluntary sector"
            case .socialCare: "social care"
            case .primaryCare: "primary care"
            }
        }
    }

    public var name: String
    public var sector: Sector
    /// The high cost area zone the organisation's posts are in (`area:`); `none` when not said.
    public var area: HighCostArea = .none
    /// Whether the organisation's pay bill is over the apprenticeship levy's threshold, so that it
    /// pays the levy (`pays-apprenticeship-levy: true`); peerpath cannot know it otherwise.
    public var paysApprenticeshipLevy = false
    /// Where `area:` is written, for messages about it.
    public var areaLocation: SourceLocation?

    public init(name: String, sector: Sector, area: HighCostArea = .none, paysApprenticeshipLevy: Bool = false) {
        self.name = name
        self.sector = sector
        self.area = area
        self.paysApprenticeshipLevy = paysApprenticeshipLevy
    }

    /// Whether the organisation's staff are in the NHS Pension Scheme: peerpath counts it for NHS
    /// trusts, whose staff it covers; another employer's own scheme and rate are not known.
    public var inNHSPensionScheme: Bool { sector == .nhsTrust }
}
