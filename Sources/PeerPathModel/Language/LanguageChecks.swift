import Foundation

/// The language checks of `peerpath lint`: each role's documents should be readable, respectful,
/// inclusive and free of the factor plan's wording. Every finding is a warning, with the text it
/// matched, what to write instead, and the line of the duty, criterion or role it was found in.
/// A finding a pathway allows (`Pathway.allowances`) is kept as a note carrying the reason.
///
/// A role has two documents: the **job description** (purpose, duties, working environment) and the
/// **person specification** (criteria). Catalogue duties and criteria count in every role that uses
/// them, at the line where the role uses them.
///
/// The rules, with their thresholds (the `static let`s below):
///
/// - `readability`: a document of at least `readabilityMinimumWords` words whose Flesch reading ease
///   is below `minimumReadingEase`. Duty headings are not sentences and are left out. Located at the
///   longest sentence, which the suggestion names.
/// - `long-sentence`: any one sentence of more than `maximumSentenceWords` words in a role's job
///   description or person specification, whatever the document's average: one finding a sentence.
/// - `stigmatising-language`: a phrase of `stigmatising.yaml` anywhere in a role's text — title,
///   purpose, duty headings and duties, working environment, criteria, base, supervision, contract
///   reason, ways in — or in what a route needs (reported against the role the route leads to).
/// - `gender-coded`: per document, the words of the Gaucher, Friesen & Kay (2011) lists are counted
///   (duty headings included). The balance is (feminine − masculine) ÷ (feminine + masculine) × 100,
///   from −100 (all masculine-coded) to +100 (all feminine-coded). A warning when at least
///   `genderMinimumWords` coded words are found and the balance is beyond ±`genderBalanceLimit`,
///   that is when one side has more than three times the words of the other. Words inside any role
///   title of the pathway ("Leader" in "Peer Leader", "Support" in "Peer Support Worker") and inside
///   the data's fixed phrases ("peer support", "NHS trust") are not counted. An allowance with a
///   phrase takes matching words out of the count (the phrase may be the word as written, or the
///   list's word or stem with or without `*`); when only that brings the balance back, the finding
///   is a note with the allowance's reason. Located at the first word of the leaning side.
/// - `untestable-criterion`: a criterion with no assessment method, or one using a vague phrase of
///   `criteria.yaml` with no standard after it in the same criterion: no word of `standards` ("can",
///   "for example"), no number in words or figures.
/// - `exclusionary-requirement`: an exclusionary pattern of `criteria.yaml` in an essential criterion
///   of any role, unless one of its `unless` phrases shows an alternative is accepted; patterns
///   marked `entry-only` (years of paid experience) apply to the entry role (the lowest tier) only.
///   Asking for lived experience is never exclusionary and no pattern matches it.
/// - `factor-plan-wording`: a phrase of `factor-plan.yaml` in the job description (purpose, duty
///   headings, duties, working environment); and a role whose duty headings are named like
///   `factorLayoutMinimumHeadings` or more different factors, "laid out factor by factor" (one
///   finding at the first such heading, instead of one per heading).
public struct LanguageChecks: Sendable {
    public let data: LanguageData
    /// The stigmatising phrases and the factor plan's, by the runs of letters they need.
    private let stigmatisingIndex: PhraseIndex
    private let factorPlanIndex: PhraseIndex

    /// Documents scoring below this Flesch reading ease read hard (60–70 is plain English).
    public static let minimumReadingEase = 60.0
    /// A sentence longer than this is hard to follow however plain the rest is.
    public static let maximumSentenceWords = 40
    /// Documents shorter than this are not scored: the formula means little on a line or two.
    public static let readabilityMinimumWords = 30
    /// The fewest coded words that can make a document lean one way.
    public static let genderMinimumWords = 5
    /// A balance beyond this (either way) leans: one side has more than three times the other's words.
    public static let genderBalanceLimit = 50.0
    /// Duty headings named like this many different factors make a factor-by-factor layout.
    public static let factorLayoutMinimumHeadings = 4

    public init(data: LanguageData) {
        self.data = data
        stigmatisingIndex = PhraseIndex(data.stigmatising.map(\.pattern))
        factorPlanIndex = PhraseIndex(data.factorPlan.phrases.map(\.pattern))
    }

    public func findings(for pathway: Pathway) -> [Finding] {
        findings(for: pathway, only: nil)
    }

    /// The findings about one role: its own texts and what the routes into it need, as
    /// `findings(for:)` gives them for that role (the other roles' titles still count as titles).
    public func findings(for pathway: Pathway, roleID: String) -> [Finding] {
        findings(for: pathway, only: roleID)
    }

    /// The findings about some of the roles, by their place in `pathway.roles`, and, when `routes`
    /// is true, about what every route needs: `findings(for:)` is the findings of `0..<k` without
    /// the routes followed by those of `k..<count` with them, so the work can be shared out.
    public func findings(for pathway: Pathway, roles: Range<Int>, routes: Bool) -> [Finding] {
        let ids = Set(pathway.roles[roles].map(\.id))
        return findings(for: pathway, including: { ids.contains($0) }, routes: routes ? { _ in true } : { _ in false })
    }

    private func findings(for pathway: Pathway, only roleID: String?) -> [Finding] {
        findings(for: pathway, including: { roleID == nil || $0 == roleID }, routes: { roleID == nil || $0.to == roleID })
    }

    private func findings(for pathway: Pathway, including: (String) -> Bool, routes: (Route) -> Bool) -> [Finding] {
        let titles = pathway.roles.compactMap { LanguagePattern(phrase: $0.title + "*") }
        let entryRoles = Set(pathway.entryRoles.map(\.id))
        var findings: [Finding] = []
        for role in pathway.roles where including(role.id) {
            let texts = RoleTexts(role)
            findings += readabilityAndLongSentences(role, texts)
            findings += stigmatising(role.id, role.title, texts.all)
            findings += genderCoded(role, texts, titles: titles, allowances: pathway.allowances)
            findings += untestable(role, texts)
            findings += exclusionary(role, texts, isEntry: entryRoles.contains(role.id))
            findings += factorPlan(role, texts)
        }
        for route in pathway.routes where routes(route) {
            let to = pathway.role(route.to)
            let passages = route.requirements.map {
                Passage(text: $0.text, place: "what the route from \(pathway.role(route.from)?.title ?? route.from) needs",
                        location: route.location)
            }
            findings += stigmatising(route.to, to?.title ?? route.to, passages)
        }
        return findings.map { allowing($0, by: pathway.allowances) }
    }

    /// A finding a pathway allows becomes a note with the reason.
    private func allowing(_ finding: Finding, by allowances: [Allowance]) -> Finding {
        guard finding.severity != .note, let allowance = allowances.first(where: { $0.covers(finding) }) else { return finding }
        var allowed = finding
        allowed.severity = .note
        allowed.allowedBecause = allowance.reason
        return allowed
    }

    // MARK: Readability

    /// Each document's sentences are counted once, for the whole-document score and for each long sentence.
    private func readabilityAndLongSentences(_ role: Role, _ texts: RoleTexts) -> [Finding] {
        [("job description", texts.jobDescriptionSentences), ("person specification", texts.criteria)].flatMap { document -> [Finding] in
            let (name, passages) = document
            let sentences = passages.flatMap { passage in Readability.countedSentences(in: passage.text).map { ($0, passage) } }
            let long = sentences.filter { $0.0.words > Self.maximumSentenceWords }.map { sentence, passage in
                Finding(.longSentence, .warning,
                    "\(role.title): a sentence of \(sentence.words) words in the \(name) (\(passage.place)); more than \(Self.maximumSentenceWords) is hard to follow",
                    role: role.id, at: passage.location, matched: sentence.text,
                    suggestion: "Split it into two or three sentences of 15 to 20 words each")
            }
            return (readability(role, name, sentences).map { [$0] } ?? []) + long
        }
    }

    private func readability(_ role: Role, _ name: String, _ sentences: [(Readability.Sentence, Passage)]) -> Finding? {
            let score = Readability(counted: sentences.map(\.0))
            guard score.words >= Self.readabilityMinimumWords, score.fleschReadingEase < Self.minimumReadingEase,
                  let (longest, passage) = sentences.max(by: { $0.0.words < $1.0.words })
            else { return nil }
            return Finding(.readability, .warning,
                "\(role.title): the \(name) reads hard: Flesch reading ease \(Self.decimal(score.fleschReadingEase)) (\(Int(Self.minimumReadingEase)) or more reads plainly), with \(Self.decimal(score.averageSentenceLength)) words a sentence on average",
                role: role.id, at: passage.location, matched: longest.text,
                suggestion: "Shorten the longest sentence (\(passage.place), \(longest.words) words) — split it, use everyday words, and aim for 15 to 20 words a sentence: \"\(longest.text)\"")
    }

    static func decimal(_ value: Double) -> String { String(format: "%.1f", value) }

    // MARK: Stigmatising language

    private func stigmatising(_ roleID: String, _ title: String, _ passages: [Passage]) -> [Finding] {
        passages.flatMap { passage in
            Self.matches(data.stigmatising, \.pattern, in: passage.search, index: stigmatisingIndex).map { phrase, matched in
                Finding(.stigmatisingLanguage, .warning,
                    "\(title), \(passage.place): '\(matched)' is stigmatising language",
                    role: roleID, at: passage.location, matched: matched, suggestion: phrase.instead)
            }
        }
    }

    // MARK: Gender-coded words

    /// One coded word found in a document.
    struct CodedHit {
        var word: String
        var coded: CodedWord
        var side: GenderCodedWords.Side
        var passage: Passage
    }

    /// The gender balance of a set of coded words: (feminine − masculine) ÷ total × 100.
    public static func genderBalance(masculine: Int, feminine: Int) -> Double {
        let total = masculine + feminine
        return total == 0 ? 0 : Double(feminine - masculine) / Double(total) * 100
    }

    private func genderCoded(_ role: Role, _ texts: RoleTexts, titles: [LanguagePattern], allowances: [Allowance]) -> [Finding] {
        let ignoring = titles + data.genderCoded.ignore
        let phraseAllowances = allowances.filter { $0.rule == .genderCoded && $0.phrase != nil }
        return [("job description", texts.jobDescription), ("person specification", texts.criteria)].compactMap { document -> Finding? in
            let (name, passages) = document
            let hits = passages.flatMap { passage in
                codedWords(in: passage.search, ignoring: ignoring).map {
                    CodedHit(word: $0.word, coded: $0.coded, side: $0.side, passage: passage)
                }
            }
            var counted: [CodedHit] = []
            var allowed: [(CodedHit, Allowance)] = []
            for hit in hits {
                if let allowance = phraseAllowances.first(where: { allowance in
                    [hit.word, hit.coded.word, hit.coded.written].contains { allowance.covers(Self.probe($0)) }
                }) {
                    allowed.append((hit, allowance))
                } else {
                    counted.append(hit)
                }
            }
            if let finding = genderFinding(role, name, counted, notCounted: allowed.map(\.0)) { return finding }
            guard !allowed.isEmpty, var finding = genderFinding(role, name, hits, notCounted: []) else { return nil }
            finding.severity = .note
            var reasons: [String] = []
            for (_, allowance) in allowed where !reasons.contains(allowance.reason) { reasons.append(allowance.reason) }
            finding.allowedBecause = reasons.joined(separator: "; ")
            return finding
        }
    }

    private static func probe(_ word: String) -> Finding {
        Finding(.genderCoded, .warning, "", at: nil, matched: word)
    }

    private func genderFinding(_ role: Role, _ document: String, _ hits: [CodedHit], notCounted: [CodedHit]) -> Finding? {
        let masculine = hits.filter { $0.side == .masculine }
        let feminine = hits.filter { $0.side == .feminine }
        let balance = Self.genderBalance(masculine: masculine.count, feminine: feminine.count)
        guard hits.count >= Self.genderMinimumWords, abs(balance) > Self.genderBalanceLimit else { return nil }
        let side: GenderCodedWords.Side = balance > 0 ? .feminine : .masculine
        let leaning = side == .feminine ? feminine : masculine
        var message = "\(role.title): the \(document) leans \(side.rawValue)-coded: gender balance \(String(format: "%+.1f", balance)) (-100 all masculine-coded, +100 all feminine-coded; beyond ±\(Int(Self.genderBalanceLimit)) leans) from \(hits.count) coded words; masculine-coded: \(Self.tally(masculine)); feminine-coded: \(Self.tally(feminine))"
        if !notCounted.isEmpty { message += "; allowed and not counted: \(Self.tally(notCounted))" }
        var alternatives: [String] = []
        var offered: [CodedWord] = []
        for hit in leaning where !offered.contains(hit.coded) {
            guard let instead = hit.coded.instead else { continue }
            offered.append(hit.coded)
            alternatives.append("\(hit.word.lowercased()) → \(instead)")
        }
        var suggestion = "Use neutral words for some of the \(side.rawValue)-coded ones, or describe the same work in other terms"
        suggestion += alternatives.isEmpty ? "." : ": " + alternatives.joined(separator: "; ") + "."
        return Finding(.genderCoded, .warning, message, role: role.id, at: leaning.first?.passage.location ?? role.location,
                       matched: Self.distinct(leaning.map(\.word)).joined(separator: ", "), suggestion: suggestion)
    }

    private static func distinct(_ words: [String]) -> [String] {
        var seen: Set<String> = []
        return words.map { $0.lowercased() }.filter { seen.insert($0).inserted }
    }

    /// "support ×3, understanding", or "none".
    private static func tally(_ hits: [CodedHit]) -> String {
        let words = hits.map { $0.word.lowercased() }
        var counts: [String: Int] = [:]
        for word in words { counts[word, default: 0] += 1 }
        let listed = distinct(words).map { word in
            let count = counts[word] ?? 0
            return count > 1 ? "\(word) ×\(count)" : word
        }
        return listed.isEmpty ? "none" : listed.joined(separator: ", ")
    }

    /// The coded words of a text, in order, leaving out words inside the ignored phrases. A
    /// hyphenated word counts once if it matches whole ("self-confident"); otherwise each part counts.
    func codedWords(in text: String, ignoring: [LanguagePattern]) -> [(word: String, coded: CodedWord, side: GenderCodedWords.Side)] {
        codedWords(in: SearchText(text), ignoring: ignoring)
    }

    func codedWords(in search: SearchText, ignoring: [LanguagePattern]) -> [(word: String, coded: CodedWord, side: GenderCodedWords.Side)] {
        let text = search.text
        let spans = ignoring.flatMap { pattern in
            pattern.nsMatches(in: search).map { range in
                search.isASCII ? range.location..<NSMaxRange(range) : text.utf8Range(utf16: range)
            }
        }
        // The ignored stretches, sorted and merged; words come in order, so one cursor walks them.
        var merged: [Range<Int>] = []
        for span in spans.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, span.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, span.upperBound)
            } else {
                merged.append(span)
            }
        }
        var cursor = 0
        func nearest(_ range: Range<Int>) -> Range<Int>? {
            while cursor < merged.count, merged[cursor].upperBound <= range.lowerBound { cursor += 1 }
            return cursor < merged.count ? merged[cursor] : nil
        }
        func inside(_ range: Range<Int>) -> Bool {
            guard let span = nearest(range) else { return false }
            return span.lowerBound <= range.lowerBound && range.upperBound <= span.upperBound
        }
        func overlaps(_ range: Range<Int>) -> Bool {
            guard let span = nearest(range) else { return false }
            return span.overlaps(range)
        }
        var found: [(String, CodedWord, GenderCodedWords.Side)] = []
        search.utf8.withUnsafeBufferPointer { utf8 in
            func string(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: utf8[range]), as: UTF8.self) }
            Words.forEach(in: utf8, 0..<utf8.count, joins: [.apostrophes, .hyphens]) { word in
                guard !inside(word.range) else { return }
                if !overlaps(word.range), let (coded, side) = data.genderCoded.match(utf8[word.range]) {
                    found.append((string(word.range), coded, side))
                    return
                }
                guard word.joins.contains(.hyphens),
                      word.isASCII || string(word.range).contains(where: { "-\u{2010}\u{2011}".contains($0) }) else { return }
                Words.forEach(in: utf8, word.range, joins: .apostrophes) { part in
                    guard !inside(part.range), let (coded, side) = data.genderCoded.match(utf8[part.range]) else { return }
                    found.append((string(part.range), coded, side))
                }
            }
        }
        return found
    }

    // MARK: Untestable criteria

    private func untestable(_ role: Role, _ texts: RoleTexts) -> [Finding] {
        zip(role.criteria, texts.criteria).flatMap { criterion, passage -> [Finding] in
            var findings: [Finding] = []
            if criterion.assessed.isEmpty {
                findings.append(Finding(.untestableCriterion, .warning,
                    "\(role.title), \(passage.place): says nothing about how it is assessed",
                    role: role.id, at: passage.location, matched: criterion.text,
                    suggestion: "Say how the panel will assess it: application, interview, test, presentation or references."))
            }
            let vague = Self.matchRanges(data.criteria.vague, \.pattern, in: passage.search)
            let lastStandard = vague.isEmpty ? nil : data.criteria.lastStandardStart(in: passage.search)
            for (phrase, matched, range) in vague {
                if let lastStandard, range.upperBound.utf16Offset(in: criterion.text) <= lastStandard { continue }
                findings.append(Finding(.untestableCriterion, .warning,
                    "\(role.title), \(passage.place): '\(matched)' gives the panel no standard to test against",
                    role: role.id, at: passage.location, matched: matched, suggestion: phrase.instead))
            }
            return findings
        }
    }

    // MARK: Exclusionary requirements

    private func exclusionary(_ role: Role, _ texts: RoleTexts, isEntry: Bool) -> [Finding] {
        zip(role.criteria, texts.criteria).flatMap { criterion, passage -> [Finding] in
            guard criterion.need == .essential else { return [] }
            let applicable = data.criteria.exclusionary.filter { requirement in
                (isEntry || !requirement.entryOnly) && !requirement.unless.contains { $0.occurs(in: passage.search) }
            }
            return Self.matches(applicable, \.pattern, in: passage.search).map { requirement, matched in
                let scope = requirement.entryOnly ? " for an entry role" : ""
                return Finding(.exclusionaryRequirement, .warning,
                    "\(role.title), \(passage.place): '\(matched)' as an essential requirement\(scope) shuts out many of the people peer roles are for",
                    role: role.id, at: passage.location, matched: matched, suggestion: requirement.instead)
            }
        }
    }

    // MARK: Factor-plan wording

    private func factorPlan(_ role: Role, _ texts: RoleTexts) -> [Finding] {
        var findings: [Finding] = []
        let named = texts.headings.compactMap { heading in data.factorPlan.factor(namedBy: heading.text).map { (heading, $0) } }
        var factors: [Int] = []
        for (_, factor) in named where !factors.contains(factor.number) { factors.append(factor.number) }
        let laidOut = factors.count >= Self.factorLayoutMinimumHeadings
        if laidOut, let first = named.first {
            let list = named.map { "'\($0.0.text)' (factor \($0.1.number), \($0.1.name))" }.joined(separator: ", ")
            findings.append(Finding(.factorPlanWording, .warning,
                "\(role.title): the job description is laid out factor by factor: \(named.count) duty headings are named like \(factors.count) job evaluation factors: \(list)",
                role: role.id, at: first.0.location, matched: named.map(\.0.text).joined(separator: "; "),
                suggestion: "Group the duties under headings that say what the work is (for example 'Working alongside people', 'Groups and community', 'Team working'), and keep the factor-by-factor case for the banding justification (peerpath evaluate)."))
        }
        let passages = texts.jobDescription.filter { !(laidOut && $0.isHeading) }
        for passage in passages {
            for (phrase, matched) in Self.matches(data.factorPlan.phrases, \.pattern, in: passage.search, index: factorPlanIndex) {
                let factor = data.factorPlan.factor(phrase.factor).map { "factor \($0.number), \($0.name)" } ?? "factor \(phrase.factor)"
                findings.append(Finding(.factorPlanWording, .warning,
                    "\(role.title), \(passage.place): '\(matched)' is wording from the job evaluation factor plan (\(factor)); a job description says what the postholder does in plain words",
                    role: role.id, at: passage.location, matched: matched, suggestion: phrase.instead))
            }
        }
        return findings
    }

    // MARK: Matching

    /// The entries whose patterns match a text, with the text matched, in order. Where matches
    /// overlap the longest (then the first) is kept, so "the mentally ill" is not also "mentally ill".
    static func matches<Entry>(_ entries: [Entry], _ pattern: (Entry) -> LanguagePattern, in text: String) -> [(Entry, String)] {
        matches(entries, pattern, in: SearchText(text))
    }

    /// With an `index` of the entries' patterns, only the entries it picks out for the text are tried.
    static func matches<Entry>(_ entries: [Entry], _ pattern: (Entry) -> LanguagePattern, in search: SearchText,
                               index: PhraseIndex? = nil) -> [(Entry, String)] {
        matchRanges(entries, pattern, in: search, index: index).map { ($0.0, $0.1) }
    }

    static func matchRanges<Entry>(_ entries: [Entry], _ pattern: (Entry) -> LanguagePattern,
                                   in search: SearchText, index phrases: PhraseIndex? = nil) -> [(Entry, String, Range<String.Index>)] {
        let text = search.text
        var all: [(Int, NSRange)] = []
        for index in phrases?.candidates(in: search) ?? Array(entries.indices) {
            for range in pattern(entries[index]).nsMatches(in: search) { all.append((index, range)) }
        }
        all.sort { a, b in
            a.1.length != b.1.length ? a.1.length > b.1.length : a.1.location < b.1.location
        }
        // Longest first, then first: a candidate is kept when none of its UTF-16 units is taken yet.
        // Each unit is looked at once per candidate covering it, so the work grows with the text.
        var kept: [(Int, NSRange)] = []
        if all.count == 1 {
            kept = all
        } else if !all.isEmpty {
            var taken = [Bool](repeating: false, count: all.map { NSMaxRange($0.1) }.max() ?? 0)
            for candidate in all {
                let units = candidate.1.location..<NSMaxRange(candidate.1)
                guard !units.contains(where: { taken[$0] }) else { continue }
                for unit in units { taken[unit] = true }
                kept.append(candidate)
            }
        }
        kept.sort { $0.1.location < $1.1.location }
        // Offsets to indices walking forward once, not from the start for every match.
        var results: [(Entry, String, Range<String.Index>)] = []
        var index = text.utf16.startIndex
        var offset = 0
        for (entry, range) in kept {
            guard let lower = text.utf16.index(index, offsetBy: range.location - offset, limitedBy: text.utf16.endIndex),
                  let upper = text.utf16.index(lower, offsetBy: range.length, limitedBy: text.utf16.endIndex) else { continue }
            index = lower
            offset = range.location
            results.append((entries[entry], String(text[lower..<upper]), lower..<upper))
        }
        return results
    }
}

extension LanguageChecks {
    /// A piece of a role's text, where it sits in the role (for messages) and its line in the pathway.
    /// Its text is made ready for the phrase checks once, for all of them.
    struct Passage {
        var search: SearchText
        var place: String
        var location: SourceLocation?
        var isHeading = false

        var text: String { search.text }

        init(text: String, place: String, location: SourceLocation?, isHeading: Bool = false) {
            search = SearchText(text)
            self.place = place
            self.location = location
            self.isHeading = isHeading
        }
    }

    /// A role's texts, grouped as the checks read them.
    struct RoleTexts {
        var purpose: Passage
        var headings: [Passage]
        var duties: [Passage]
        var environment: [Passage]
        var criteria: [Passage]
        var other: [Passage]

        init(_ role: Role) {
            purpose = Passage(text: role.purpose, place: "purpose", location: role.location)
            let areas = role.dutyAreas
            headings = areas.map { area in
                Passage(text: area.name, place: "duty heading '\(area.name)'", location: area.duties.first?.duty.location ?? role.location,
                        isHeading: true)
            }
            duties = areas.flatMap { area in
                area.duties.map { Passage(text: $0.duty.text, place: "duty \($0.number)", location: $0.duty.location ?? role.location) }
            }
            environment = role.environment.enumerated().map { index, fact in
                Passage(text: fact.text, place: "working environment \(index + 1)", location: fact.location ?? role.location)
            }
            criteria = role.criteria.enumerated().map { index, criterion in
                Passage(text: criterion.text, place: "criterion \(index + 1)", location: criterion.location ?? role.location)
            }
            var other = [Passage(text: role.title, place: "title", location: role.location),
                         Passage(text: role.base, place: "base", location: role.location),
                         Passage(text: role.supervision.detail, place: "supervision", location: role.location)]
            if let reason = role.contract.reason {
                other.append(Passage(text: reason, place: "contract", location: role.location))
            }
            for (index, way) in role.waysIn.enumerated() {
                other += way.requirements.map { Passage(text: $0.text, place: "way in \(index + 1)", location: way.location ?? role.location) }
            }
            self.other = other
        }

        /// The job description's sentences: purpose, duties, working environment (headings are not sentences).
        var jobDescriptionSentences: [Passage] { [purpose] + duties + environment }

        /// The job description's text: purpose, duty headings, duties, working environment.
        var jobDescription: [Passage] { [purpose] + headings + duties + environment }

        /// Everything the role says.
        var all: [Passage] { [other[0], purpose] + headings + duties + environment + criteria + other.dropFirst() }
    }
}
