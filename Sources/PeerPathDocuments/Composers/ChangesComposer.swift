import PeerPathModel

/// Builds a role's changes document for a panel re-evaluating a job that has changed: the band
/// before and after, each factor whose level moved with the duties and working conditions that
/// moved it, then every change to the duties, the working environment, the person specification,
/// the job's details, its routes and its findings. Its wording is `templates/changes.mustache`.
public struct ChangesComposer: Sendable {
    public let templates: TemplateSet

    public init(templates: TemplateSet) {
        self.templates = templates
    }

    /// - Parameter earlier: the pathway as it was, for the version the changes are counted from.
    public func compose(_ facts: RoleCase, changes: RoleChanges, earlier: Pathway) throws(TemplateError) -> Document {
        let context: [String: Any] = [
            "title": facts.role.title,
            "organisation": facts.pathway.organisation.name,
            "band": facts.bandText,
            "since": Self.since(earlier.signOff(of: earlier.role(changes.id) ?? facts.role), now: facts.pathway.signOff(of: facts.role)),
            "bandSentence": Self.bandSentence(changes),
        ]
        let wording = ChangeWording(scheme: facts.scheme)
        let blocks = try templates.render("changes", context: context).blocks { (slot) throws(TemplateError) -> [Block] in
            switch slot {
            case "band": return [.table(Self.bandTable(changes))]
            case "factors": return wording.factorBlocks(changes.factors)
            case "duties": return wording.itemBlocks(changes.duties, heading: "Changes to the duties", column: "Duty", table: "DutyChanges")
            case "environment": return wording.itemBlocks(changes.environment, heading: "Changes to the working conditions", column: "Condition", table: "ConditionChanges")
            case "criteria": return wording.criterionBlocks(changes.criteria)
            case "fields": return wording.fieldBlocks(changes.fields)
            case "routes": return wording.routeBlocks(changes.routes, in: facts.pathway, earlier: earlier)
            case "findings": return wording.findingBlocks(changes.findings)
            default: throw TemplateError(file: "changes.mustache", message: "unknown slot '@\(slot)'")
            }
        }
        return Document(kind: .changes, title: "What has changed: \(facts.role.title)",
                        subject: "\(facts.role.title), \(facts.bandText), \(facts.pathway.organisation.name)",
                        keywords: ["changes"] + facts.keywords, properties: facts.properties, blocks: blocks)
    }

    /// "version 1.0 of these documents, dated 12 June 2026", or the earlier version in general
    /// when both carry the same version.
    static func since(_ before: SignOff?, now: SignOff?) -> String {
        guard let before, before.version != now?.version else { return "the earlier version of the pathway" }
        return "version \(before.version) of these documents" + (before.effectiveDate.map { ", dated \($0.long)" } ?? "")
    }

    static func bandSentence(_ changes: RoleChanges) -> String {
        if changes.bandChanged {
            return "The job moves from \(changes.placementBefore) (\(changes.pointsBefore) points) to \(changes.placementAfter) (\(changes.pointsAfter) points)."
        }
        if changes.pointsBefore != changes.pointsAfter {
            return "The band is unchanged: the total moves from \(changes.pointsBefore) to \(changes.pointsAfter) points, still in \(changes.placementAfter)."
        }
        return "The band and the total points are unchanged."
    }

    static func bandTable(_ changes: RoleChanges) -> Table {
        Table(name: "Band", header: ["", "Before", "Now"],
              rows: [["Band", changes.placementBefore.description, changes.placementAfter.description],
                     ["Total points", String(changes.pointsBefore), String(changes.pointsAfter)]],
              widths: [2, 3, 3])
    }
}
