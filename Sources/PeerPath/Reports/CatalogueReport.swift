import Foundation
import PeerPathLoading
import PeerPathModel

/// The catalogue to browse, for `peerpath catalogue`: each duty, criterion and requirement with its
/// id, its area (a duty's heading, a criterion's category, a requirement's kind), its text, the
/// competence domains it serves and, for duties, the factor levels it evidences — so no one has to
/// read the YAML to find an id, or to learn what `use:` brings to a role's evaluation.
public struct CatalogueReport: Sendable {
    public enum Section: String, Sendable, CaseIterable {
        case duties, criteria, requirements
    }

    /// Which items to list: all of the sections asked for, narrowed by each filter given.
    public struct Filter: Sendable {
        /// Only items serving or selecting for this competence domain (duties and criteria).
        public var domain: String?
        /// Only duties that evidence this factor.
        public var factor: Int?
        /// Only items whose id, area or text holds every word of this (any case, any accents).
        public var search: String?

        public init(domain: String? = nil, factor: Int? = nil, search: String? = nil) {
            self.domain = domain
            self.factor = factor
            self.search = search
        }

        var isEmpty: Bool { domain == nil && factor == nil && (search ?? "").isEmpty }
    }

    /// Where the catalogue is read from.
    public enum Source: Sendable {
        /// The catalogue that ships with peerpath (`pathways/catalogue` of the installation).
        case shipped
        /// A folder named on the command line.
        case folder(String)
        /// The folder a pathway file names with `catalogue:`.
        case pathway(String)
    }

    /// The catalogue folder, as found.
    public let folder: String
    public let catalogue: Catalogue
    public let scheme: Scheme
    public let domains: [CompetenceDomain]
    public let sections: [Section]
    public let filter: Filter

    /// Reads the scheme, the competence domains and the catalogue, and checks the filter's names.
    public init(installation: Installation, source: Source = .shipped, sections: [Section] = Section.allCases,
                filter: Filter = Filter()) throws(PeerPathError) {
        let scheme: Scheme
        let domains: [CompetenceDomain]
        do {
            scheme = try SchemeLoader.load(file: installation.schemeFile)
            domains = try DomainLoader.load(file: installation.domainsFile)
        } catch {
            throw PeerPathError(.software, error.description)
        }
        let loader = PathwayLoader(scheme: scheme, domains: domains)
        var found: (folder: String, catalogue: Catalogue)?
        var file = ""
        do throws(LoadError) {
            switch source {
            case .shipped:
                found = (installation.catalogueFolder, try loader.loadCatalogue(folder: installation.catalogueFolder))
            case .folder(let named):
                found = (named, try loader.loadCatalogue(folder: named))
            case .pathway(let pathway):
                file = pathway
                found = try loader.catalogue(namedBy: pathway)
            }
        } catch {
            throw PeerPathError(error)
        }
        guard let (folder, catalogue) = found else {
            throw PeerPathError(.badData, "\(file): error: the pathway names no catalogue (add 'catalogue: FOLDER' under 'pathway:'), so it can use no catalogue items")
        }
        try self.init(folder: folder, catalogue: catalogue, scheme: scheme, domains: domains, sections: sections, filter: filter)
    }

    public init(folder: String, catalogue: Catalogue, scheme: Scheme, domains: [CompetenceDomain],
                sections: [Section] = Section.allCases, filter: Filter = Filter()) throws(PeerPathError) {
        if let domain = filter.domain, !domains.contains(where: { $0.id == domain }) {
            throw PeerPathError(.usage, "peerpath: error: '\(domain)' is not a competence domain\(Suggestion.didYouMean(domain, among: domains.map(\.id), then: "the domains are: \(domains.map(\.id).joined(separator: ", "))"))")
        }
        if let factor = filter.factor, scheme.factor(factor) == nil {
            throw PeerPathError(.usage, "peerpath: error: there is no factor \(factor); the factors are 1 to \(scheme.factors.count)")
        }
        self.folder = URL(fileURLWithPath: folder).standardizedFileURL.path
        self.catalogue = catalogue
        self.scheme = scheme
        self.domains = domains
        self.sections = sections
        self.filter = filter
    }

    // MARK: What is listed

    public struct Item: Sendable {
        public var section: Section
        public var id: String
        /// A duty's area, a criterion's category, a requirement's kind.
        public var area: String
        public var text: String
        public var domains: [String]
        public var evidence: [FactorEvidence]
        public var criterion: Criterion?
        public var location: SourceLocation?
    }

    /// Every item of a section, in the catalogue's own order.
    func all(_ section: Section) -> [Item] {
        switch section {
        case .duties:
            return catalogue.dutyOrder.compactMap { id in
                catalogue.duties[id].map { Item(section: section, id: id, area: $0.area, text: $0.text, domains: $0.domains,
                                                evidence: $0.evidence, location: $0.location) }
            }
        case .criteria:
            return catalogue.criterionOrder.compactMap { id in
                catalogue.criteria[id].map { Item(section: section, id: id, area: $0.category.rawValue, text: $0.text,
                                                  domains: $0.domains, evidence: [], criterion: $0, location: $0.location) }
            }
        case .requirements:
            return catalogue.requirementOrder.compactMap { id in
                catalogue.requirements[id].map { Item(section: section, id: id, area: $0.kind?.rawValue ?? "", text: $0.text,
                                                      domains: [], evidence: []) }
            }
        }
    }

    /// The items of a section that pass the filter.
    public func items(_ section: Section) -> [Item] {
        let words = (filter.search ?? "").split(whereSeparator: \.isWhitespace).map(String.init)
        return all(section).filter { item in
            if let domain = filter.domain, !item.domains.contains(domain) { return false }
            if let factor = filter.factor, !item.evidence.contains(where: { $0.factor == factor }) { return false }
            let haystack = [item.id, item.area, item.text].joined(separator: " ")
            return words.allSatisfy { haystack.range(of: $0, options: [.caseInsensitive, .diacriticInsensitive]) != nil }
        }
    }

    /// How a pathway uses an item of a section.
    static func usage(_ section: Section) -> String {
        switch section {
        case .duties: "under a role's duties as '- use: ID' (and may change its text, evidence or area)"
        case .criteria: "under a role's criteria as '- use: ID' (and may change its need or assessed)"
        case .requirements: "in a route's or a way in's 'requires: [ID, …]'"
        }
    }

    func evidenceText(_ evidence: FactorEvidence) -> String {
        let name = scheme.factor(evidence.factor)?.name ?? "factor \(evidence.factor)"
        return "F\(evidence.factor) level \(evidence.level) (\(name))"
    }

    // MARK: Text

    public func text() -> String {
        var lines = ["catalogue: \(folder)"]
        var filters: [String] = []
        if let domain = filter.domain { filters.append("domain \(domain)") }
        if let factor = filter.factor { filters.append("factor \(factor)") }
        if let search = filter.search, !search.isEmpty { filters.append("search '\(search)'") }
        for section in sections {
            let shown = items(section)
            let total = all(section).count
            lines.append("")
            let count = filter.isEmpty ? "\(total)" : "\(shown.count) of \(total), \(filters.joined(separator: ", "))"
            lines.append("\(section.rawValue) (\(count)): use \(Self.usage(section))")
            for item in shown {
                lines.append("")
                var head = "  \(item.id)"
                if !item.area.isEmpty { head += " — \(item.area)" }
                if let criterion = item.criterion {
                    head += ", \(criterion.need.rawValue), assessed by \(criterion.assessed.map(\.rawValue).joined(separator: ", "))"
                    if criterion.livedExperience { head += "; the lived experience criterion" }
                }
                lines.append(head)
                lines += Self.wrap(item.text, indent: "    ")
                if !item.domains.isEmpty { lines.append("    domains: \(item.domains.joined(separator: ", "))") }
                if !item.evidence.isEmpty {
                    lines.append("    evidence: " + item.evidence.map(evidenceText).joined(separator: ", "))
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Text in lines of at most 100 characters, each indented.
    static func wrap(_ text: String, indent: String, width: Int = 100) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(whereSeparator: \.isWhitespace) {
            if !line.isEmpty && indent.count + line.count + 1 + word.count > width {
                lines.append(indent + line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(indent + line) }
        return lines
    }

    // MARK: JSON

    struct JSON: Encodable {
        var catalogue: String
        var duties: [DutyJSON]?
        var criteria: [CriterionJSON]?
        var requirements: [RequirementJSON]?
    }

    struct EvidenceJSON: Encodable {
        var factor: Int
        var name: String
        var level: String
    }

    struct DutyJSON: Encodable {
        var id: String
        var area: String
        var text: String
        var domains: [String]
        var evidence: [EvidenceJSON]
    }

    struct CriterionJSON: Encodable {
        var id: String
        var category: String
        var text: String
        var need: String
        var assessed: [String]
        var livedExperience: Bool
        var domains: [String]
    }

    struct RequirementJSON: Encodable {
        var id: String
        var kind: String
        var text: String
    }

    /// `{"catalogue": folder, "duties": […], "criteria": […], "requirements": […]}`, with only the
    /// sections asked for.
    public func json() -> String {
        var value = JSON(catalogue: folder)
        if sections.contains(.duties) {
            value.duties = items(.duties).map { item in
                DutyJSON(id: item.id, area: item.area, text: item.text, domains: item.domains,
                         evidence: item.evidence.map {
                             EvidenceJSON(factor: $0.factor, name: scheme.factor($0.factor)?.name ?? "", level: "\($0.level)")
                         })
            }
        }
        if sections.contains(.criteria) {
            value.criteria = items(.criteria).compactMap { item in
                item.criterion.map {
                    CriterionJSON(id: item.id, category: $0.category.rawValue, text: item.text, need: $0.need.rawValue,
                                  assessed: $0.assessed.map(\.rawValue), livedExperience: $0.livedExperience, domains: item.domains)
                }
            }
        }
        if sections.contains(.requirements) {
            value.requirements = items(.requirements).map { RequirementJSON(id: $0.id, kind: $0.area, text: $0.text) }
        }
        return encodeJSON(value)
    }
}
