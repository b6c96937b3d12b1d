import PeerPathDocuments
import PeerPathModel

/// Reads `data/clauses.yaml`: the default clauses of every job description, the occupational
/// requirement's wording and the apprenticeship section's.
public enum ClauseLoader {
    public static func load(file: String) throws(LoadError) -> ClauseLibrary {
        let root = try YAMLNode.parse(SourceText(contentsOf: file)).mapping(keys: ["clauses", "occupational-requirement", "apprenticeship"])
        var seen: Set<String> = []
        let clauses = try root.required("clauses").sequence().map { (node) throws(LoadError) -> Clause in
            let entry = try node.mapping(keys: ["id", "heading", "text"])
            let idNode = try entry.required("id")
            let id = try idNode.identifier()
            guard seen.insert(id).inserted else { throw idNode.error("clause '\(id)' is given twice") }
            return Clause(id: id, heading: try entry.required("heading").string(), text: try entry.required("text").string())
        }
        let requirement = try root.required("occupational-requirement")
            .mapping(keys: ["heading", "lived-experience", "lived-experience-show", "shared-experience", "shared-experience-show"])
        let apprenticeship = try root.required("apprenticeship")
            .mapping(keys: ["heading", "standards", "standard", "off-the-job", "pay-basis", "at-the-end"])
        let standards = try apprenticeship.required("standards").sequence().map { (node) throws(LoadError) in
            let entry = try node.mapping(keys: ["id", "title", "level", "typical-duration"])
            return ClauseLibrary.Standard(id: try entry.required("id").string(), title: try entry.required("title").string(),
                                          level: try entry.required("level").int(),
                                          typicalDuration: try entry.required("typical-duration").string())
        }
        return ClauseLibrary(
            clauses: clauses,
            requirementHeading: try requirement.required("heading").string(),
            livedExperience: try requirement.required("lived-experience").string(),
            livedExperienceShow: try requirement.required("lived-experience-show").string(),
            sharedExperience: try requirement.required("shared-experience").string(),
            sharedExperienceShow: try requirement.required("shared-experience-show").string(),
            apprenticeshipHeading: try apprenticeship.required("heading").string(),
            standards: standards,
            standardText: try apprenticeship.required("standard").string(),
            offTheJob: try apprenticeship.required("off-the-job").string(),
            payBasis: try apprenticeship.required("pay-basis").string(),
            atTheEnd: try apprenticeship.required("at-the-end").string())
    }
}
