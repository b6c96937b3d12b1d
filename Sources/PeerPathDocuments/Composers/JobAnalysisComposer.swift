import Foundation
import PeerPathModel

/// Builds a role's job analysis questionnaire: the questions a job analyst asks for each of the
/// sixteen factors, answered from the model (the duties and working environment facts that carry
/// evidence for the factor, the team, the supervision, the person specification), in plain words
/// and without levels or points, so that it can go in the blind pack.
///
/// The questions follow the sections of the NHS Job Analysis Questionnaire, which the NHS Job
/// Evaluation Handbook's local evaluation protocol (chapter 12) asks the job holder to complete
/// before the job analysis interview; they are peerpath's own wording.
public struct JobAnalysisComposer: Sendable {
    public let templates: TemplateSet

    public init(templates: TemplateSet) {
        self.templates = templates
    }

    /// The question asked for each factor, by factor number.
    public static let questions: [Int: String] = [
        1: "What does the postholder communicate, with whom, and what makes it hard to get across?",
        2: "What knowledge does the job need, and how is that knowledge usually gained?",
        3: "What are the hardest judgements the job calls for, and what has to be weighed up to make them?",
        4: "What does the postholder plan or organise, for whom, and how far ahead?",
        5: "What physical skills does the job need, such as keyboard work, driving or using equipment, and how exact must they be?",
        6: "What care, support or advice does the postholder give directly to people who use services, and who decides what it involves?",
        7: "Which policies or services does the postholder help to change or put into practice, and how far do the changes reach?",
        8: "What money, equipment or other resources is the postholder responsible for, and in what way?",
        9: "Whom does the postholder manage, supervise or train, how many people, and how often?",
        10: "What information does the postholder record, keep or report on, and where?",
        11: "What research, audit or evaluation does the postholder take part in or lead, and how often?",
        12: "Who sets the postholder's work, how is it checked, and what can the postholder decide alone?",
        13: "What physical effort does the job need, how often, and for how long at a time?",
        14: "What needs close concentration, how often and for how long, and how often is the work interrupted?",
        15: "What distressing or emotional situations does the postholder meet, how often, and are they met first hand?",
        16: "What unpleasant or hazardous conditions does the job involve, such as travel, weather or aggression, and how often?",
    ]

    /// Factors whose answer must say how often and for how long (effort and environment).
    static let effortFactors: Set<Int> = [13, 14, 15, 16]

    public func compose(_ facts: RoleCase) throws(TemplateError) -> Document {
        let blocks = try templates.render("job-analysis", context: facts.context).blocks { (slot) throws(TemplateError) -> [Block] in
            switch slot {
            case "about": return about(facts)
            case "answers": return answers(facts)
            default: throw TemplateError(file: "job-analysis.mustache", message: "unknown slot '@\(slot)'")
            }
        }
        return Document(kind: .jobAnalysis, title: "Job analysis questionnaire: \(facts.role.title)",
                        subject: "Job analysis questionnaire for \(facts.role.title), \(facts.pathway.organisation.name)",
                        keywords: ["job analysis questionnaire", "job evaluation"] + facts.blindKeywords,
                        properties: facts.blindProperties, blocks: blocks)
    }

    private func about(_ facts: RoleCase) -> [Block] {
        let role = facts.role
        return [
            .table(Table(name: "Job", header: nil, rows: [
                ["Job title", role.title],
                ["Organisation", facts.pathway.organisation.name],
                ["Base", role.base],
                ["Reports to", facts.managerTitle],
                ["Hours", facts.hoursText],
                ["Contract", facts.contractText],
            ], widths: [1, 3])),
            .heading(level: 3, text: "What is the job for?"),
            .paragraph(role.purpose),
            .heading(level: 3, text: "Where does the job sit?"),
            .paragraph(OrganisationChart.description(for: role, in: facts.pathway)),
        ]
    }

    /// The duties and facts that carry evidence for a factor, quoted with their numbers.
    static func evidence(for factor: Int, in role: Role) -> [String] {
        let duties = role.dutyAreas.flatMap(\.duties).filter { $0.duty.evidence.contains { $0.factor == factor } }
            .map { "Duty \($0.number): \($0.duty.text)" }
        let facts = role.environment.filter { $0.evidence.contains { $0.factor == factor } }.map { "Working environment: \($0.text)" }
        return duties + facts
    }

    private func answers(_ facts: RoleCase) -> [Block] {
        let role = facts.role
        var blocks: [Block] = []
        for factor in facts.scheme.factors {
            blocks.append(.heading(level: 2, text: "\(factor.number). \(factor.name)"))
            blocks.append(.heading(level: 3, text: Self.questions[factor.number] ?? ""))
            var items = Self.evidence(for: factor.number, in: role)
            var lead: [String] = []
            switch factor.number {
            case 2:
                let needed = role.criteria.filter { $0.need == .essential && [.qualifications, .knowledge, .experience].contains($0.category) }
                if !needed.isEmpty {
                    lead.append("The person specification asks for these as essential: " + needed.map { Self.sentence($0.text) }.joined(separator: " "))
                }
                let ways = role.waysIn.map { $0.requirements.map(\.text).joined(separator: " ") }
                if !ways.isEmpty {
                    lead.append("From outside the pathway, the knowledge is gained in any one of these ways: " + ways.enumerated().map { "(\($0.offset + 1)) \(Self.sentence($0.element))" }.joined(separator: " "))
                }
            case 4:
                let horizons = Self.horizons(in: items)
                if !horizons.isEmpty {
                    lead.append("The duties plan over these spans of time: \(horizons.joined(separator: ", ")).")
                }
            case 9:
                lead.append(OrganisationChart.teamSentence(for: role, in: facts.pathway))
            case 12:
                lead.append("The postholder reports to the \(facts.managerTitle). \(role.supervision.kind.name): \(role.supervision.detail)")
            default:
                break
            }
            if Self.effortFactors.contains(factor.number) {
                items = items.map { item in
                    var notes: [String] = []
                    if !Self.says(item, any: Self.frequencyWords) { notes.append("how often is not stated") }
                    if factor.number != 16 && !Self.says(item, any: Self.durationWords) { notes.append("how long at a time is not stated") }
                    return notes.isEmpty ? item : "\(item) (\(notes.joined(separator: "; ")))"
                }
            }
            for text in lead { blocks.append(.paragraph(text)) }
            if items.isEmpty {
                blocks.append(.paragraph(lead.isEmpty ? "The job description names no duty or working condition of this kind." : "No duty of the job description is named for this beyond what is said above."))
            } else {
                blocks.append(.paragraph(items.count == 1 ? "The job description says:" : "The job description says, in \(items.count) places:"))
                blocks.append(.list(ListBlock(style: .bulleted, items: items)))
            }
        }
        return blocks
    }

    /// Text ending with a full stop.
    static func sentence(_ text: String) -> String {
        let trimmed = text.trimmed(.whitespaces)
        return trimmed.hasSuffix(".") ? trimmed : trimmed + "."
    }

    static let frequencyWords = ["daily", "every day", "each day", "most days", "a day", "weekly", "every week", "each week",
                                 "most weeks", "a week", "fortnight", "monthly", "every month", "each month", "a month",
                                 "yearly", "each year", "every year", "a year", "often", "frequently", "now and then",
                                 "occasionally", "rarely", "sometimes", "always", "every shift", "times", "each term",
                                 "regularly", "usually", "every two", "every three"]
    static let durationWords = ["hour", "minute", "long spells", "all day", "half a day", "whole day", "at a time",
                                "for up to", "weeks at", "sessions of", "much of the day", "most of the day", "for long", "days"]

    static func says(_ text: String, any words: [String]) -> Bool {
        let lower = " " + text.lowercased() + " "
        return words.contains { lower.contains($0) }
    }

    /// The spans of time planning duties name ("three-year", "yearly", "each term"), in order of first mention.
    static func horizons(in items: [String]) -> [String] {
        let spans = ["three-year", "five-year", "two-year", "yearly", "each year", "a year", "each term", "termly",
                     "every three months", "each quarter", "monthly", "each month", "weekly", "each week", "the week", "each day", "daily"]
        var found: [(position: Int, span: String)] = []
        let text = items.joined(separator: " ").lowercased()
        for span in spans {
            if let range = text.range(of: span) {
                found.append((text.distance(from: text.startIndex, to: range.lowerBound), span))
            }
        }
        return found.sorted { $0.position < $1.position }.map(\.span)
    }
}
