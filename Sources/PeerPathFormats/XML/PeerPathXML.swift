import Foundation
import PeerPathDocuments
import PeerPathModel

/// Writes peerpath's XML export (namespace `urn:peerpath:xml:1`, schema `schemas/peerpath.rng`): the
/// role as the pathway gives it, its evaluation, and the document content, so nothing needs
/// re-deriving. With a schema, every file is validated against it before it is handed back.
public struct PeerPathXML: Sendable {
    public static let namespace = "urn:peerpath:xml:1"
    /// When given, every file is parsed back and validated against it before it is handed back.
    public let schema: RelaxNGSchema?

    public init(schema: RelaxNGSchema?) {
        self.schema = schema
    }

    /// What a pathway's files repeat, written once: the pathway's head and each role as given
    /// (a role appears in its four documents, the overview and the export).
    public struct Parts: Sendable {
        let head: XMLFragment
        let roles: [String: XMLFragment]
    }

    public func parts(of pathway: Pathway) throws(XMLWriteError) -> Parts {
        var roles: [String: XMLFragment] = [:]
        for role in pathway.roles {
            roles[role.id] = try XMLWriter.fragment { w throws(XMLWriteError) in try writeRole(role, in: pathway, to: w) }
        }
        return Parts(head: try XMLWriter.fragment { w throws(XMLWriteError) in try writePathway(pathway, to: w) }, roles: roles)
    }

    private func include(_ role: Role, from parts: Parts, to w: XMLWriter) throws(XMLWriteError) {
        guard let fragment = parts.roles[role.id] else { throw XMLWriteError(message: "role \(role.id) is not in the pathway's parts") }
        w.include(fragment)
    }

    /// A role's document (job description, person specification, banding justification, panel
    /// pack): the pathway, the role, its evaluation, its findings and the document's content.
    /// - Parameter parts: the pathway's parts from `parts(of:)`.
    public func roleDocument(_ document: Document, role: Role, in pathway: Pathway, evaluation: RoleEvaluation,
                             scheme: Scheme, findings: [Finding], parts: Parts) throws -> Data {
        let w = XMLWriter()
        try w.start(document.kind.rawValue)
        try w.attribute("xmlns", Self.namespace)
        w.include(parts.head)
        try include(role, from: parts, to: w)
        try writeEvaluation(evaluation, scheme: scheme, to: w)
        try writeFindings(findings, to: w)
        try writeDocument(document, to: w)
        try w.end()
        return try validated(w.finish(), name: "\(role.id)/\(document.kind.rawValue).xml")
    }

    /// A blind panel pack: the pathway's head, the post (id and title) and the document, with no role
    /// export, evaluation or findings, since those state levels, points and bands.
    public func blindDocument(_ document: Document, role: Role, in pathway: Pathway, parts: Parts) throws -> Data {
        let w = XMLWriter()
        try w.start(document.kind.rawValue)
        try w.attribute("xmlns", Self.namespace)
        w.include(parts.head)
        try w.element("post", ["id": role.id], text: role.title)
        try writeDocument(document, to: w)
        try w.end()
        return try validated(w.finish(), name: "\(role.id)/\(document.kind.rawValue).xml")
    }

    /// A pathway's document (the overview): every role with its evaluation, all findings, the content.
    public func pathwayDocument(_ document: Document, pathway: Pathway, evaluations: [RoleEvaluation],
                                scheme: Scheme, findings: [Finding], parts: Parts) throws -> Data {
        let w = XMLWriter()
        try w.start(document.kind.rawValue)
        try w.attribute("xmlns", Self.namespace)
        w.include(parts.head)
        for (role, evaluation) in zip(pathway.roles, evaluations) {
            try include(role, from: parts, to: w)
            try writeEvaluation(evaluation, scheme: scheme, to: w)
        }
        try writeFindings(findings, to: w)
        try writeDocument(document, to: w)
        try w.end()
        return try validated(w.finish(), name: "\(pathway.id)/\(document.kind.rawValue).xml")
    }

    /// The whole pathway, everything `generate` needs to write the same documents again: its
    /// head, every role as given (duties, criteria, overrides, ladder reasons, ways in), all routes,
    /// and the language allowances. `generate` reads it back as well as YAML.
    public func pathwayExport(_ pathway: Pathway, parts: Parts) throws -> Data {
        let w = XMLWriter()
        try w.start("pathway-export")
        try w.attribute("xmlns", Self.namespace)
        w.include(parts.head)
        for role in pathway.roles {
            try include(role, from: parts, to: w)
        }
        try writeRoutes(pathway.routes, to: w)
        try w.start("allowances")
        for allowance in pathway.allowances {
            try w.start("allow")
            try w.attribute("rule", allowance.rule.rawValue)
            if let phrase = allowance.phrase { try w.attribute("phrase", phrase) }
            try w.text(allowance.reason)
            try w.end()
        }
        try w.end()
        try w.end()
        return try validated(w.finish(), name: "\(pathway.id)/pathway.xml")
    }

    private func validated(_ data: Data, name: String) throws -> Data {
        guard let schema else { return data }
        let problems = schema.problems(in: data, name: name)
        guard problems.isEmpty else {
            throw XMLWriteError(message: "the XML export does not match \(schema.path): \(problems.prefix(3).joined(separator: "; "))")
        }
        return data
    }

    private func writeFindings(_ findings: [Finding], to w: XMLWriter) throws(XMLWriteError) {
        try w.start("findings")
        for finding in findings {
            try w.start("finding")
            try w.attribute("code", finding.code.rawValue)
            try w.attribute("severity", finding.severity.rawValue)
            if let role = finding.roleID { try w.attribute("role", role) }
            if let location = finding.location {
                try w.attribute("line", String(location.line))
                try w.attribute("column", String(location.column))
            }
            try w.element("message", text: finding.message)
            if let matched = finding.matched { try w.element("matched", text: matched) }
            if let suggestion = finding.suggestion { try w.element("suggestion", text: suggestion) }
            if let reason = finding.allowedBecause { try w.element("allowed-because", text: reason) }
            try w.end()
        }
        try w.end()
    }

    private func writePathway(_ pathway: Pathway, to w: XMLWriter) throws(XMLWriteError) {
        try w.start("pathway")
        try w.attribute("id", pathway.id)
        try w.attribute("pay-year", pathway.payYear)
        if let limit = pathway.nonPeerTimeLimit { try w.attribute("non-peer-time-limit", String(limit)) }
        try w.element("title", text: pathway.title)
        try w.start("organisation")
        try w.attribute("sector", pathway.organisation.sector.rawValue)
        if pathway.organisation.area != .none { try w.attribute("area", pathway.organisation.area.rawValue) }
        if pathway.organisation.paysApprenticeshipLevy { try w.attribute("pays-apprenticeship-levy", "true") }
        try w.text(pathway.organisation.name)
        try w.end()
        try writeClauses(pathway.clauses, to: w)
        try writeSignOff(pathway.signOff, to: w)
        try w.end()
    }

    private func writeClauses(_ clauses: [Clause], to w: XMLWriter) throws(XMLWriteError) {
        for clause in clauses {
            try w.start("clause")
            try w.attribute("id", clause.id)
            if let heading = clause.heading { try w.attribute("heading", heading) }
            try w.text(clause.text)
            try w.end()
        }
    }

    private func writeSignOff(_ signOff: SignOff?, to w: XMLWriter) throws(XMLWriteError) {
        guard let signOff else { return }
        try w.start("sign-off")
        try w.attribute("version", signOff.version)
        try w.attribute("status", signOff.status.rawValue)
        if let date = signOff.date { try w.attribute("date", date.description) }
        if let review = signOff.reviewDate { try w.attribute("review-date", review.description) }
        for agreement in signOff.agreedBy {
            try w.element("agreed-by", ["date": agreement.date.description], text: agreement.who)
        }
        try w.end()
    }

    /// What a trust's job description needs beyond the job itself; each part only where given.
    private func writeJobDetails(_ role: Role, to w: XMLWriter) throws(XMLWriteError) {
        if role.reference != nil || role.service != nil || role.posts != nil || role.workingPattern != nil || role.disclosure != nil {
            try w.start("identification")
            if let reference = role.reference { try w.element("reference", text: reference) }
            if let service = role.service { try w.element("service", text: service) }
            if let posts = role.posts {
                try w.element("posts", ["headcount": String(posts.headcount), "wte": String(posts.wholeTimeEquivalent)])
            }
            if let pattern = role.workingPattern { try w.element("working-pattern", text: pattern) }
            if let disclosure = role.disclosure { try w.element("disclosure", ["level": disclosure.rawValue]) }
            try w.end()
        }
        if !role.internalRelationships.isEmpty || !role.externalRelationships.isEmpty {
            try w.start("relationships")
            for (scope, relationships) in [("internal", role.internalRelationships), ("external", role.externalRelationships)] {
                for relationship in relationships {
                    try w.start("relationship")
                    try w.attribute("scope", scope)
                    try w.element("with", text: relationship.with)
                    if let about = relationship.about { try w.element("about", text: about) }
                    if let frequency = relationship.frequency { try w.element("frequency", text: frequency) }
                    try w.end()
                }
            }
            try w.end()
        }
        if let shared = role.sharedExperience {
            try w.start("shared-experience")
            try w.element("of", text: shared.of)
            if let show = shared.show { try w.element("show", text: show) }
            try w.end()
        }
        if let terms = role.apprenticeship {
            try w.start("apprenticeship")
            try w.attribute("standard", terms.standard)
            if let text = terms.offTheJob { try w.element("off-the-job", text: text) }
            if let text = terms.payBasis { try w.element("pay-basis", text: text) }
            if let text = terms.atTheEnd { try w.element("at-the-end", text: text) }
            try w.end()
        }
        try writeClauses(role.clauses, to: w)
        try writeSignOff(role.signOff, to: w)
    }

    private func writeRole(_ role: Role, in pathway: Pathway, to w: XMLWriter) throws(XMLWriteError) {
        try w.start("role")
        try w.attribute("id", role.id)
        try w.attribute("kind", role.kind.rawValue)
        try w.attribute("tier", String(role.tier))
        if let band = role.expectedBand { try w.attribute("expected-band", band) }
        try w.attribute("hours", String(role.hours))
        if let share = role.nonPeerTime { try w.attribute("non-peer-time", String(share)) }
        try w.element("title", text: role.title)
        switch role.reportsTo {
        case .role(let id): try w.element("reports-to", ["role": id], text: pathway.role(id)?.title ?? id)
        case .post(let post): try w.element("reports-to", text: post)
        }
        try w.element("base", text: role.base)
        try w.start("supervision")
        try w.attribute("kind", role.supervision.kind.rawValue)
        switch role.supervision.by {
        case .role(let id)?: try w.attribute("by-role", id)
        case .post(let post)?: try w.attribute("by-post", post)
        case nil: break
        }
        try w.text(role.supervision.detail)
        try w.end()
        try w.start("contract")
        try w.attribute("kind", role.contract.kind.rawValue)
        if let reason = role.contract.reason { try w.text(reason) }
        try w.end()
        try w.element("purpose", text: role.purpose)
        let criterionDomains = role.criteria.map { Set($0.domains) }
        try w.start("duties")
        for area in role.dutyAreas {
            try w.start("area")
            try w.attribute("number", String(area.number))
            try w.attribute("name", area.name)
            for numbered in area.duties {
                try w.start("duty")
                try w.attribute("number", numbered.number.description)
                if let id = numbered.duty.catalogueID { try w.attribute("catalogue", id) }
                try w.element("text", text: numbered.duty.text)
                try writeEvidence(numbered.duty.evidence, to: w)
                for domain in numbered.duty.domains { try w.element("domain", text: domain) }
                for criterion in criterionDomains.indices where !criterionDomains[criterion].isDisjoint(with: numbered.duty.domains) {
                    try w.element("selected-by", ["criterion": String(criterion + 1)])
                }
                try w.end()
            }
            try w.end()
        }
        try w.end()
        try w.start("environment")
        for (index, fact) in role.environment.enumerated() {
            try w.start("fact")
            try w.attribute("number", String(index + 1))
            if let frequency = fact.frequency { try w.attribute("frequency", frequency) }
            if let duration = fact.duration { try w.attribute("duration", duration) }
            try w.element("text", text: fact.text)
            try writeEvidence(fact.evidence, to: w)
            try w.end()
        }
        try w.end()
        try w.start("criteria")
        for (index, criterion) in role.criteria.enumerated() {
            try w.start("criterion")
            try w.attribute("number", String(index + 1))
            if let id = criterion.catalogueID { try w.attribute("catalogue", id) }
            try w.attribute("category", criterion.category.rawValue)
            try w.attribute("need", criterion.need.rawValue)
            if criterion.livedExperience { try w.attribute("lived-experience", "true") }
            try w.element("text", text: criterion.text)
            for assessment in criterion.assessed {
                try w.element("assessed", text: assessment.rawValue)
            }
            for domain in criterion.domains { try w.element("domain", text: domain) }
            try w.end()
        }
        try w.end()
        try w.start("ways-in")
        for way in role.waysIn {
            try w.start("way-in")
            try writeRequirements(way.requirements, to: w)
            try w.end()
        }
        try w.end()
        try writeRoutes(pathway.routes.filter { $0.from == role.id || $0.to == role.id }, to: w)
        try w.start("overrides")
        for override in role.overrides {
            try w.start("override")
            try w.attribute("factor", String(override.factor))
            try writeLevel(override.level, to: w)
            try w.text(override.reason)
            try w.end()
        }
        try w.end()
        try w.start("ladder-reasons")
        for reason in role.ladderReasons {
            try w.start("ladder-reason")
            if let factor = reason.factor { try w.attribute("factor", String(factor)) }
            try w.text(reason.reason)
            try w.end()
        }
        try w.end()
        if !role.team.isEmpty {
            try w.start("team")
            for member in role.team {
                try w.start("group")
                if let id = member.role { try w.attribute("role", id) }
                try w.attribute("count", String(member.count))
                if let through = member.through { try w.attribute("through", through) }
                try w.text(member.title ?? "")
                try w.end()
            }
            try w.end()
        }
        try writeJobDetails(role, to: w)
        try w.end()
    }

    private func writeRoutes(_ routes: [Route], to w: XMLWriter) throws(XMLWriteError) {
        try w.start("routes")
        for route in routes {
            try w.start("route")
            try w.attribute("from", route.from)
            try w.attribute("to", route.to)
            try writeRequirements(route.requirements, to: w)
            try w.end()
        }
        try w.end()
    }

    private func writeRequirements(_ requirements: [Requirement], to w: XMLWriter) throws(XMLWriteError) {
        for requirement in requirements {
            try w.start("needs")
            if let id = requirement.id { try w.attribute("catalogue", id) }
            if let kind = requirement.kind { try w.attribute("kind", kind.rawValue) }
            try w.text(requirement.text)
            try w.end()
        }
    }

    private func writeEvidence(_ evidence: [FactorEvidence], to w: XMLWriter) throws(XMLWriteError) {
        for item in evidence {
            try w.start("evidence")
            try w.attribute("factor", String(item.factor))
            try writeLevel(item.level, to: w)
            try w.end()
        }
    }

    private func writeLevel(_ level: LevelClaim, to w: XMLWriter) throws(XMLWriteError) {
        try w.attribute("level", String(level.high))
        if level.isRange { try w.attribute("low", String(level.low)) }
        if let sub = level.subLevel { try w.attribute("sub-level", sub) }
    }

    private func writeEvaluation(_ evaluation: RoleEvaluation, scheme: Scheme, to w: XMLWriter) throws(XMLWriteError) {
        try w.start("evaluation")
        try w.attribute("scheme", scheme.name)
        try w.attribute("points", String(evaluation.points))
        switch evaluation.placement {
        case .band(let band): try w.attribute("band", band.name)
        case .outside: try w.attribute("outside-scheme", "true")
        }
        for factor in evaluation.factors {
            try w.start("factor")
            try w.attribute("number", String(factor.factor))
            try w.attribute("name", factor.name)
            try writeLevel(factor.level, to: w)
            try w.attribute("points", String(factor.points))
            for source in factor.evidence {
                switch source {
                case .duty(let number): try w.element("evidence", ["duty": number.description])
                case .environment(let index): try w.element("evidence", ["environment": String(index)])
                }
            }
            try w.end()
        }
        try w.end()
    }

    private func writeDocument(_ document: Document, to w: XMLWriter) throws(XMLWriteError) {
        try w.start("document")
        try w.attribute("kind", document.kind.rawValue)
        try w.element("title", text: document.title)
        try w.element("subject", text: document.subject)
        for keyword in document.keywords { try w.element("keyword", text: keyword) }
        for property in document.properties { try w.element("property", ["name": property.name], text: property.value) }
        try w.start("body")
        for block in document.blocks {
            switch block {
            case .heading(let level, let text):
                try w.element("heading", ["level": String(level)], text: text)
            case .paragraph(let text):
                try w.element("paragraph", text: text)
            case .title(let text):
                try w.element("title", text: text)
            case .subtitle(let text):
                try w.element("subtitle", text: text)
            case .contents(let title):
                try w.element("contents", ["title": title])
            case .pageBreak:
                try w.element("page-break")
            case .figure(let figure):
                try w.element("figure", ["name": figure.name, "width": ODTContent.centimetres(figure.width),
                                         "caption": figure.caption], text: figure.alternativeText)
            case .list(let list):
                try w.start("list")
                switch list.style {
                case .bulleted: try w.attribute("style", "bulleted")
                case .numbered(let prefix):
                    try w.attribute("style", "numbered")
                    try w.attribute("prefix", prefix)
                }
                for (index, item) in list.items.enumerated() {
                    try w.element("item", ["label": list.label(ofItemAt: index)], text: item)
                }
                try w.end()
            case .table(let table):
                try w.start("table")
                try w.attribute("name", table.name)
                try w.attribute("widths", table.widths.map(String.init).joined(separator: " "))
                if let header = table.header {
                    try w.start("header")
                    for cell in header { try w.element("cell", text: cell) }
                    try w.end()
                }
                for row in table.rows {
                    try w.start("row")
                    for cell in row { try w.element("cell", text: cell) }
                    try w.end()
                }
                try w.end()
            }
        }
        try w.end()
        try w.end()
    }
}
