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

    public init(name: String, sector: Sector) {
        self.name = name
        self.sector = sector
    }
}
