/// One line of the person specification.
public struct Criterion: Sendable {
    public enum Category: String, Sendable, CaseIterable {
        case qualifications, knowledge, experience, skills, values

        /// The heading the person specification uses for the category.
        public var name: String {
            switch self {
            case .qualifications: "Qualifications and training"
            case .knowledge: "Knowledge"
            case .experience: "Experience"
            case .skills: "Skills and abilities"
            case .values: "Values"
            }
        }
    }

    public enum Need: String, Sendable, CaseIterable {
        case essential, desirable

        public var name: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
    }

    public enum Assessment: String, Sendable, CaseIterable {
        case application, interview, test, presentation, references

        public var name: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
    }

    public var category: Category
    public var text: String
    public var need: Need
    public var assessed: [Assessment]
    /// Marks the criterion that asks for lived experience.
    public var livedExperience: Bool
    /// The competence domains (ids) the criterion selects for.
    public var domains: [String]
    /// The catalogue id the criterion came from, or nil for the pathway's own.
    public var catalogueID: String?
    public var location: SourceLocation?

    public init(category: Category, text: String, need: Need, assessed: [Assessment],
                livedExperience: Bool = false, domains: [String] = [], catalogueID: String? = nil,
                location: SourceLocation? = nil) {
        self.domains = domains
        self.catalogueID = catalogueID
        self.category = category
        self.text = text
        self.need = need
        self.assessed = assessed
        self.livedExperience = livedExperience
        self.location = location
    }
}
