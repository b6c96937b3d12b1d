import Foundation
import PeerPathModel

/// Reads the language data folder (`data/language/`): `stigmatising.yaml`, `gender-coded.yaml`,
/// `factor-plan.yaml` and `criteria.yaml`, all four required. Every problem is located: an unknown
/// key, a phrase with no words, a regular expression that does not compile, a factor the plan does
/// not list.
public enum LanguageLoader {
    public static let stigmatisingFile = "stigmatising.yaml"
    public static let genderCodedFile = "gender-coded.yaml"
    public static let factorPlanFile = "factor-plan.yaml"
    public static let criteriaFile = "criteria.yaml"

    public static func load(folder: String) throws(LoadError) -> LanguageData {
        try assemble(pieces(folder: folder).map { $0() })
    }

    /// One of the four lists, read.
    public enum WordList: Sendable {
        case stigmatising([LanguagePhrase])
        case genderCoded(GenderCodedWords)
        case factorPlan(FactorPlanWording)
        case criteria(CriterionWording)
    }

    /// The four lists as pieces of work, each reading one file, to run in any order or at once (the
    /// longest, the factor plan's, first); `assemble` makes the data of their results.
    public static func pieces(folder: String) -> [@Sendable () -> Result<WordList, LoadError>] {
        let path = { @Sendable (name: String) in (folder as NSString).appendingPathComponent(name) }
        return [
            { Result { () throws(LoadError) in .factorPlan(try factorPlan(file: path(factorPlanFile))) } },
            { Result { () throws(LoadError) in .criteria(try criteria(file: path(criteriaFile))) } },
            { Result { () throws(LoadError) in .stigmatising(try stigmatising(file: path(stigmatisingFile))) } },
            { Result { () throws(LoadError) in .genderCoded(try genderCoded(file: path(genderCodedFile))) } },
        ]
    }

    /// The data of the four lists read by `pieces`, their results in the pieces' order, or the
    /// error of the first that failed in the order the lists are named above (stigmatising,
    /// gender-coded, factor plan, criteria), as reading them one after the other so reports it.
    public static func assemble(_ lists: [Result<WordList, LoadError>]) throws(LoadError) -> LanguageData {
        precondition(lists.count == 4, "the four lists of pieces(folder:)")
        // The pieces' places of stigmatising, gender-coded, factor plan and criteria.
        for place in [2, 3, 0, 1] {
            if case .failure(let error) = lists[place] { throw error }
        }
        guard case .success(.factorPlan(let factorPlan)) = lists[0], case .success(.criteria(let criteria)) = lists[1],
              case .success(.stigmatising(let stigmatising)) = lists[2], case .success(.genderCoded(let genderCoded)) = lists[3]
        else { preconditionFailure("the four lists of pieces(folder:), in its order") }
        return LanguageData(stigmatising: stigmatising, genderCoded: genderCoded, factorPlan: factorPlan, criteria: criteria)
    }

    /// `phrases:` a list of `{phrase | pattern, instead}`.
    public static func stigmatising(file: String) throws(LoadError) -> [LanguagePhrase] {
        let top = try YAMLNode.parse(SourceText(contentsOf: file)).mapping(keys: ["phrases"])
        return try phrases(top.required("phrases"))
    }

    /// `ignore:` phrases; `masculine:` and `feminine:` words (`lead*` a stem), each plain or `{word, instead}`.
    public static func genderCoded(file: String) throws(LoadError) -> GenderCodedWords {
        let top = try YAMLNode.parse(SourceText(contentsOf: file)).mapping(keys: ["ignore", "masculine", "feminine"])
        var ignore: [LanguagePattern] = []
        for node in try top.optional("ignore")?.sequence() ?? [] { ignore.append(try phrase(node)) }
        return GenderCodedWords(masculine: try codedWords(top.required("masculine")),
                                feminine: try codedWords(top.required("feminine")), ignore: ignore)
    }

    /// `phrases:` `{phrase | pattern, factor, instead}`; `factors:` `{number, name, headings}`.
    public static func factorPlan(file: String) throws(LoadError) -> FactorPlanWording {
        let top = try YAMLNode.parse(SourceText(contentsOf: file)).mapping(keys: ["phrases", "factors"])
        var factors: [FactorHeading] = []
        for node in try top.required("factors").sequence() {
            let entry = try node.mapping(keys: ["number", "name", "headings"])
            let numberNode = try entry.required("number")
            let number = try numberNode.int()
            guard number == factors.count + 1 else {
                throw numberNode.error("factors must be numbered 1, 2, 3 … in order; expected \(factors.count + 1)")
            }
            var headings: [LanguagePattern] = []
            for heading in try entry.required("headings").sequence() { headings.append(try phrase(heading)) }
            guard !headings.isEmpty else { throw node.error("factor \(number) needs at least one heading phrase") }
            factors.append(FactorHeading(number: number, name: try entry.required("name").string(), headings: headings))
        }
        var phrases: [FactorPlanPhrase] = []
        for node in try top.required("phrases").sequence() {
            let entry = try node.mapping(keys: ["phrase", "pattern", "factor", "instead"])
            let factorNode = try entry.required("factor")
            let factor = try factorNode.int()
            guard factors.contains(where: { $0.number == factor }) else {
                throw factorNode.error("factor \(factor) is not one of the \(factors.count) factors listed under 'factors'")
            }
            phrases.append(FactorPlanPhrase(try matcher(entry, node), factor: factor,
                                            instead: try entry.required("instead").string(), location: node.location))
        }
        return FactorPlanWording(phrases: phrases, factors: factors)
    }

    /// `vague:` phrases with `instead`; `standards:` and `numbers:` phrases; `exclusionary:`
    /// `{phrase | pattern, instead, entry-only, unless}`.
    public static func criteria(file: String) throws(LoadError) -> CriterionWording {
        let top = try YAMLNode.parse(SourceText(contentsOf: file)).mapping(keys: ["vague", "standards", "numbers", "exclusionary"])
        var standards: [LanguagePattern] = []
        for node in try top.required("standards").sequence() { standards.append(try phrase(node)) }
        var numbers: [LanguagePattern] = []
        for node in try top.optional("numbers")?.sequence() ?? [] { numbers.append(try phrase(node)) }
        var exclusionary: [ExclusionaryRequirement] = []
        for node in try top.required("exclusionary").sequence() {
            let entry = try node.mapping(keys: ["phrase", "pattern", "instead", "entry-only", "unless"])
            var unless: [LanguagePattern] = []
            for other in try entry.optional("unless")?.sequence() ?? [] { unless.append(try phrase(other)) }
            exclusionary.append(ExclusionaryRequirement(try matcher(entry, node), instead: try entry.required("instead").string(),
                                                        entryOnly: try entry.optional("entry-only")?.bool() ?? false,
                                                        unless: unless, location: node.location))
        }
        return CriterionWording(vague: try phrases(top.required("vague")), standards: standards, numbers: numbers,
                                exclusionary: exclusionary)
    }

    // MARK: Pieces

    /// A list of `{phrase | pattern, instead}`.
    private static func phrases(_ list: YAMLNode) throws(LoadError) -> [LanguagePhrase] {
        var phrases: [LanguagePhrase] = []
        for node in try list.sequence() {
            let entry = try node.mapping(keys: ["phrase", "pattern", "instead"])
            phrases.append(LanguagePhrase(try matcher(entry, node), instead: try entry.required("instead").string(),
                                          location: node.location))
        }
        return phrases
    }

    /// The `phrase` or the `pattern` of an entry: exactly one of them.
    private static func matcher(_ entry: YAMLMapping, _ node: YAMLNode) throws(LoadError) -> LanguagePattern {
        switch (entry.optional("phrase"), entry.optional("pattern")) {
        case (let phraseNode?, nil):
            return try phrase(phraseNode)
        case (nil, let patternNode?):
            let text = try patternNode.string()
            do {
                return try LanguagePattern(pattern: text)
            } catch {
                throw patternNode.error("'\(text.prefix(60))' is not a valid regular expression")
            }
        case (.some, .some):
            throw node.error("give either 'phrase' or 'pattern' for '\(node.path)', not both")
        case (nil, nil):
            throw node.error("'\(node.path)' is missing the required key 'phrase' (or 'pattern')")
        }
    }

    /// A written phrase: words, with `*` allowed only at the end of a word.
    private static func phrase(_ node: YAMLNode) throws(LoadError) -> LanguagePattern {
        let text = try node.string()
        let misplacedStar = Self.hasMisplacedStar(text)
        guard !misplacedStar, let pattern = LanguagePattern(phrase: text) else {
            throw node.error("'\(text.prefix(60))' is not a phrase: write words, with * only at the end of a word")
        }
        return pattern
    }

    /// Whether a `*` stands anywhere but at the end of a word, or alone. ASCII is read from its
    /// bytes (every shipped phrase; Foundation's `contains`, which a `String` argument selects,
    /// cost more than the rest of reading the lists).
    static func hasMisplacedStar(_ text: String) -> Bool {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            let star = UInt8(ascii: "*")
            return Array(text.utf8).split(whereSeparator: { $0 == 0x20 || $0 >= 0x09 && $0 <= 0x0D }).contains { word in
                word.dropLast().contains(star) || (word.count == 1 && word.first == star)
            }
        }
        return text.split(whereSeparator: \.isWhitespace).contains { word in
            word.dropLast().contains("*") || word == "*"
        }
    }

    /// A gender-coded word list: `lead*` (a stem), `confident` (a whole word), or `{word: …, instead: …}`.
    private static func codedWords(_ list: YAMLNode) throws(LoadError) -> [CodedWord] {
        var words: [CodedWord] = []
        for node in try list.sequence() {
            let wordNode: YAMLNode
            var instead: String?
            if case .mapping = node.node.content {
                let entry = try node.mapping(keys: ["word", "instead"])
                wordNode = try entry.required("word")
                instead = try entry.optional("instead")?.string()
            } else {
                wordNode = node
            }
            let written = try wordNode.string()
            let body = written.hasSuffix("*") ? written.dropLast() : Substring(written)
            guard !body.isEmpty, body.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "'" }) else {
                throw wordNode.error("'\(written.prefix(40))' is not a word or stem: write letters (and hyphens), with * at the end for a stem")
            }
            let word = CodedWord(written: written, instead: instead)
            guard !words.contains(where: { $0.word == word.word && $0.isStem == word.isStem }) else { throw wordNode.error("'\(written)' is listed twice") }
            words.append(word)
        }
        guard !words.isEmpty else { throw list.error("'\(list.path)' needs at least one word") }
        return words
    }
}
