import PeerPathDocuments
import PeerPathLoading
import PeerPathModel

/// The job evaluation scheme as peerpath holds it, for `peerpath factors`: for one factor or all,
/// each level's meaning (peerpath's own wording), its lettered alternatives with what each means,
/// its threshold words and its points, and the handbook page the factor was checked against.
public struct FactorsReport: Sendable {
    public let scheme: Scheme
    public let wording: Wording
    public let factors: [Factor]

    /// Reads the scheme and the factor wording of an installation.
    public init(installation: Installation, factor number: Int? = nil) throws(PeerPathError) {
        let scheme: Scheme
        let wording: Wording
        do {
            scheme = try SchemeLoader.load(file: installation.schemeFile)
            wording = try WordingLoader.load(folder: installation.wordingFolder, scheme: scheme)
        } catch {
            throw PeerPathError(.software, error.description)
        }
        try self.init(scheme: scheme, wording: wording, factor: number)
    }

    /// - Parameter number: one factor (1 to 16), or nil for all.
    public init(scheme: Scheme, wording: Wording, factor number: Int? = nil) throws(PeerPathError) {
        self.scheme = scheme
        self.wording = wording
        if let number {
            guard let factor = scheme.factor(number) else {
                throw PeerPathError(.usage, "there is no factor \(number); the factors are 1 to \(scheme.factors.count)")
            }
            factors = [factor]
        } else {
            factors = scheme.factors
        }
    }

    public func text() -> String {
        var lines: [String] = []
        if let source = scheme.source, factors.count > 1 {
            lines.append("\(scheme.name): levels as checked in \(source.checked) against \(source.publication),")
            lines.append("\(source.edition); \(source.section). \(source.address)")
            lines.append("Level wording is peerpath's own plain English, not the handbook's; the letters and thresholds are the handbook's.")
            lines.append("")
        }
        for factor in factors {
            let words = wording.factors[factor.number]
            lines.append("F\(factor.number) \(factor.name) (\(factor.levels.count) levels)")
            if let page = factor.page { lines.append("  checked against: \(page.title), \(page.address)") }
            for level in factor.levels {
                let letters = factor.letters(atLevel: level)
                let label = letters.isEmpty ? "\(level)" : "\(level) (\(letters.joined(separator: ", ")))"
                lines.append("  level \(label), \(factor.points(atLevel: level)) points:")
                if letters.isEmpty {
                    lines.append("    " + Self.sentence(words?.levels[level]))
                } else {
                    for letter in letters {
                        lines.append("    \(level)\(letter): " + Self.sentence(words?.letters[level]?[letter]))
                    }
                }
                if let needs = words?.needs[level], !needs.isEmpty {
                    lines.append("    turns on: " + needs.joined(separator: "; "))
                }
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    private static func sentence(_ text: String?) -> String {
        guard let text, let first = text.first else { return "(no wording)" }
        return first.uppercased() + text.dropFirst() + "."
    }

    struct JSON: Encodable {
        var scheme: String
        var source: SourceJSON?
        var factors: [FactorJSON]
    }

    struct SourceJSON: Encodable {
        var publication: String
        var edition: String
        var section: String
        var address: String
        var checked: String
    }

    struct FactorJSON: Encodable {
        var factor: Int
        var name: String
        var page: PageJSON?
        var levels: [LevelJSON]
    }

    struct PageJSON: Encodable {
        var title: String
        var address: String
    }

    struct LevelJSON: Encodable {
        var level: Int
        var points: Int
        var meaning: String
        var letters: [LetterJSON]
        var needs: [String]
    }

    struct LetterJSON: Encodable {
        var letter: String
        var meaning: String
    }

    public func json() -> String {
        let source = scheme.source.map {
            SourceJSON(publication: $0.publication, edition: $0.edition, section: $0.section, address: $0.address, checked: $0.checked)
        }
        let list = factors.map { factor -> FactorJSON in
            let words = wording.factors[factor.number]
            let levels = factor.levels.map { level -> LevelJSON in
                let letters = factor.letters(atLevel: level).map { LetterJSON(letter: $0, meaning: words?.letters[level]?[$0] ?? "") }
                return LevelJSON(level: level, points: factor.points(atLevel: level), meaning: words?.levels[level] ?? "",
                                 letters: letters, needs: words?.needs[level] ?? [])
            }
            return FactorJSON(factor: factor.number, name: factor.name,
                              page: factor.page.map { PageJSON(title: $0.title, address: $0.address) }, levels: levels)
        }
        return encodeJSON(JSON(scheme: scheme.name, source: source, factors: list))
    }
}
