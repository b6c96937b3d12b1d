import Foundation

/// A regular expression ready to run, shared by every copy of its pattern: peerpath's own
/// matcher (`ExpressionMatcher`) when the pattern is in its subset, run over every text it takes
/// (`ExpressionText`); ICU otherwise, compiled on first need. Both give the same matches.
final class CompiledExpression: @unchecked Sendable {
    private enum Pattern {
        case phrase(String)
        case written(String)
    }

    private let pattern: Pattern
    private let ignoringCase: Bool
    private let lock = NSLock()
    /// The pattern parsed, when the caller had it (a word list's pattern, parsed to check it).
    private var parsed: Expression?
    /// The matcher, once built; `.some(nil)` when the pattern is outside the subset.
    private var matcher: ExpressionMatcher??
    private var icu: NSRegularExpression?

    /// A language pattern's expression, matched in any case; `parsed` when the caller has it already.
    init(_ source: LanguagePattern.Source, parsed: Expression? = nil) {
        switch source {
        case .phrase(let phrase): pattern = .phrase(phrase)
        case .pattern(let text): pattern = .written(text)
        }
        ignoringCase = true
        self.parsed = parsed
    }

    /// A pattern written in code, in ICU syntax.
    init(pattern: String, ignoringCase: Bool) {
        self.pattern = .written(pattern)
        self.ignoringCase = ignoringCase
    }

    /// Every match, in order, not overlapping, as UTF-16 ranges.
    func matches(in text: SearchText) -> [NSRange] {
        if let matcher = resolvedMatcher, let units = text.expressionText { return matcher.matches(in: units) }
        ICUExpression.noteRun()
        return icuExpression.matches(in: text.text, range: NSRange(location: 0, length: text.text.utf16.count)).map(\.range)
    }

    func firstMatch(in text: SearchText) -> NSRange? {
        if let matcher = resolvedMatcher, let units = text.expressionText { return matcher.firstMatch(in: units) }
        ICUExpression.noteRun()
        return icuExpression.firstMatch(in: text.text, range: NSRange(location: 0, length: text.text.utf16.count))?.range
    }

    /// The pattern in ICU syntax (a phrase's built from it).
    var text: String {
        switch pattern {
        case .phrase(let phrase): LanguagePattern.regularExpression(forPhrase: phrase) ?? "(?!)"
        case .written(let text): text
        }
    }

    private var resolvedMatcher: ExpressionMatcher? {
        lock.withLock {
            if let matcher { return matcher }
            let text = text
            let key = (ignoringCase ? "i:" : "-:") + text
            let built = (parsed ?? ExpressionParser.parse(text, ignoringCase: ignoringCase)).map { Self.matcher(for: $0, key: key) }
            parsed = nil
            matcher = .some(built)
            return built
        }
    }

    private var icuExpression: NSRegularExpression {
        lock.withLock {
            if let icu { return icu }
            let compiled = Self.icu(text, ignoringCase: ignoringCase)
            icu = compiled
            return compiled
        }
    }

    // MARK: Shared by pattern

    /// Matchers and ICU expressions built so far, by pattern and case: role titles and word lists
    /// repeat across the roles and pathways of a batch.
    nonisolated(unsafe) private static var matchers: [String: ExpressionMatcher] = [:]
    nonisolated(unsafe) private static var icuExpressions: [String: NSRegularExpression] = [:]
    private static let sharedLock = NSLock()

    private static func matcher(for expression: Expression, key: String) -> ExpressionMatcher {
        sharedLock.withLock {
            if let known = matchers[key] { return known }
            let matcher = ExpressionMatcher(expression)
            matchers[key] = matcher
            return matcher
        }
    }

    private static func icu(_ pattern: String, ignoringCase: Bool) -> NSRegularExpression {
        sharedLock.withLock {
            let key = (ignoringCase ? "i:" : "-:") + pattern
            if let known = icuExpressions[key] { return known }
            // The pattern was checked when it was read (or built from a phrase, or written in code), so it compiles.
            let regex = (try? ICUExpression.compile(pattern, ignoringCase: ignoringCase)) ?? NSRegularExpression.impossible
            icuExpressions[key] = regex
            return regex
        }
    }
}

extension NSRegularExpression {
    /// An expression that matches nothing, for the impossible case of a pattern that fails to compile.
    static let impossible: NSRegularExpression = try! NSRegularExpression(pattern: "(?!)")
}
