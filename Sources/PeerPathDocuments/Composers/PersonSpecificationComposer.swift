/// Builds a role's person specification: the criteria by category, essential or desirable, and how
/// each is assessed.
public struct PersonSpecificationComposer: Sendable {
    public let templates: TemplateSet

    public init(templates: TemplateSet) {
        self.templates = templates
    }

    public func compose(_ facts: RoleCase) throws(TemplateError) -> Document {
        let blocks = try templates.render("person-specification", context: facts.context).blocks { (slot) throws(TemplateError) -> [Block] in
            guard slot == "criteria" else {
                throw TemplateError(file: "person-specification.mustache", message: "unknown slot '@\(slot)'")
            }
            return [.table(facts.personSpecificationTable)]
        }
        return Document(kind: .personSpecification, title: "Person specification: \(facts.role.title)",
                        subject: "\(facts.role.title), \(facts.bandText), \(facts.pathway.organisation.name)",
                        keywords: ["person specification"] + facts.keywords, properties: facts.properties, blocks: blocks)
    }
}
