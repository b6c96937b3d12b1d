import Foundation
import PeerPathModel

/// A YAML node with its file, read through typed accessors that fail with a located message
/// naming what was expected and what was found.
struct YAMLNode {
    let node: YAMLValue
    let file: String
    /// The path of the node this one was read from, and the step from there to here (`YAMLPath`),
    /// put into words only for a message.
    let parent: YAMLPath?
    let step: YAMLPath.Step

    init(node: YAMLValue, file: String, parent: YAMLPath?, step: YAMLPath.Step) {
        self.node = node
        self.file = file
        self.parent = parent
        self.step = step
    }

    /// The key path that led here, for messages: `roles[2].duties[4].evidence`.
    var path: String { YAMLPath.text(step, under: parent) }

    /// This node's path, as the parent of its children's.
    private var trail: YAMLPath { YAMLPath(parent: parent, step: step) }

    var location: SourceLocation {
        SourceLocation(file: file, line: node.line, column: node.column)
    }

    func error(_ message: String) -> LoadError { LoadError(at: location, message) }

    /// Parses a whole file into its root node (`YAMLComposer`, from libyaml's events). Every scalar
    /// is kept as text: the typed accessors below read numbers and booleans themselves.
    static func parse(_ source: SourceText) throws(LoadError) -> YAMLNode {
        let composed: YAMLComposer.Composed
        do {
            composed = try YAMLComposer.composeCounting(source.text)
        } catch {
            throw Self.located(error, file: source.file, text: source.text)
        }
        guard let root = composed.root else {
            throw LoadError(file: source.file, line: 1, column: 1, message: "the file is empty")
        }
        // Without aliases the tree is as written and the composer's counts are the walk's totals:
        // the walk runs only when they could exceed the budget.
        if composed.aliased || composed.values > maximumExpandedValues || composed.text > maximumExpandedText {
            try checkExpansion(root, file: source.file)
        }
        return YAMLNode(node: root, file: source.file, parent: nil, step: .root)
    }

    /// What a file may hold once its aliases are expanded: no more values and no more text than a
    /// file of the largest size read (`SourceText.maximumSize`) could hold written out.
    static let maximumExpandedValues = 2_000_000
    static let maximumExpandedText = SourceText.maximumSize

    /// Walks the tree as the loader will see it, every alias expanded, and stops at the budget, so a
    /// small file whose aliases multiply cannot make the rest of the run do unbounded work.
    private static func checkExpansion(_ root: YAMLValue, file: String) throws(LoadError) {
        var pending: [YAMLValue] = [root]
        var values = 0
        var text = 0
        while let node = pending.popLast() {
            values += 1
            switch node.content {
            case .scalar(let scalar):
                text += scalar.string.utf8.count
            case .mapping(let pairs):
                for pair in pairs {
                    pending.append(pair.key)
                    pending.append(pair.value)
                }
            case .sequence(let sequence):
                pending.append(contentsOf: sequence)
            }
            if values > maximumExpandedValues || text > maximumExpandedText {
                throw LoadError(file: file, line: node.line, column: node.column,
                                message: "with its aliases expanded the file holds more than \(maximumExpandedValues) values or \(maximumExpandedText / 1024 / 1024) MiB of text; write repeated parts once, or split the pathway")
            }
        }
    }

    private static func located(_ problem: YAMLProblem, file: String, text: String) -> LoadError {
        switch problem {
        case .duplicateKey(let key, let first):
            let line = secondOccurrence(of: key, in: text, from: first) ?? first
            return LoadError(file: file, line: line, column: 1, message: "key '\(key)' appears twice in one mapping")
        case .syntax(let problem, let line, let column, let context):
            if let explained = explain(problem, line: line, column: column, text: text) {
                return LoadError(file: file, line: line, column: column, message: explained)
            }
            var message = "YAML syntax: \(problem)"
            if let context { message += " (\(context.text) at line \(context.line))" }
            return LoadError(file: file, line: line, column: column, message: message)
        case .reader(let problem):
            return LoadError(file: file, line: 1, column: 1, message: "YAML cannot read the text: \(problem)")
        case .memory:
            return LoadError(file: file, line: 1, column: 1, message: "YAML: Memory error")
        }
    }

    /// libyaml's words for a line that does not line up with its neighbours.
    static let indentationProblems = ["mapping values are not allowed in this context", "did not find expected key",
                                      "did not find expected '-' indicator", "block sequence entries are not allowed in this context",
                                      "could not find expected ':'"]

    /// libyaml's indentation problems in plain words: which line is out of line with which, by how
    /// many spaces, and what to check; a tab used to indent; a second `: ` inside a plain value.
    /// Nil for other problems, which keep libyaml's own words.
    static func explain(_ problem: String, line number: Int, column: Int, text: String) -> String? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        guard number >= 1, number <= lines.count else { return nil }
        let line = lines[number - 1]
        let original = "(YAML: \(problem))"
        if problem.contains("tab character") {
            let tabbed = line.first == "\t" ? number : (lines[..<(number - 1)].lastIndex { $0.first == "\t" }).map { $0 + 1 } ?? number
            return "YAML indentation: line \(tabbed) is indented with a tab; YAML indents with spaces only, so replace the tab with spaces that line it up with its neighbours \(original)"
        }
        guard indentationProblems.contains(where: problem.contains) else { return nil }
        // A second `: ` inside a value: `purpose: Walks with people: listens`.
        if problem.contains("mapping values") {
            let before = String(line.prefix(max(0, column - 1)))
            let content = before.drop { $0 == " " || $0 == "-" }
            if let colon = content.range(of: ": ") {
                let key = content[..<colon.lowerBound].trimmingCharacters(in: .whitespaces)
                return "YAML syntax: line \(number) has a second ': ' inside the value of '\(key)'; put the value in quotes, or write it as a folded block ('>') on the lines below \(original)"
            }
        }
        let indent = { (text: Substring) -> Int in text.prefix { $0 == " " }.count }
        // Where the keys of a line start: after its spaces and any `- ` of list items.
        let keyColumn = { (text: Substring) -> Int in
            var rest = text.drop { $0 == " " }
            while rest.hasPrefix("- ") || rest == "-" { rest = rest.dropFirst().drop { $0 == " " } }
            return text.count - rest.count
        }
        let isContent = { (text: Substring) -> Bool in
            let trimmed = text.drop { $0 == " " }
            return !trimmed.isEmpty && !trimmed.hasPrefix("#")
        }
        let spaces = { (count: Int) -> String in count == 1 ? "1 space" : "\(count) spaces" }
        let own = indent(line)
        var message = "YAML indentation: line \(number) is indented differently from its neighbours: by \(spaces(own))"
        if let previous = lines[..<(number - 1)].lastIndex(where: isContent) {
            let other = lines[previous]
            let column = keyColumn(other)
            // Lined up with the line above, the line is not what is out of place (an unclosed
            // quote above, say): libyaml's own words are all there is to say.
            guard own != column else { return nil }
            message += column == indent(other) ? ", and line \(previous + 1) above it by \(spaces(column))"
                                               : ", and the keys of line \(previous + 1) above it by \(spaces(column))"
        }
        message += ". The keys of one mapping, and the '- ' items of one list, must start in the same column; a line indented more than the key above it is read as part of that key's value. Check the spaces at the start of line \(number) \(original)"
        return message
    }

    /// The line of the second `key:` at the indentation of the first, from a line on (1-based).
    static func secondOccurrence(of key: String, in text: String, from start: Int) -> Int? {
        var indent: Int?
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where index + 1 >= start {
            let trimmed = line.drop { $0 == " " || $0 == "-" }
            guard trimmed.hasPrefix(key), trimmed.dropFirst(key.count).drop(while: { $0 == " " }).first == ":" else { continue }
            let column = line.count - trimmed.count
            if let indent {
                if column == indent { return index + 1 }
            } else {
                indent = column
            }
        }
        return nil
    }

    private var found: String {
        switch node.content {
        case .scalar(let scalar): scalar.string.isEmpty ? "nothing" : "'\(scalar.string.prefix(40))'"
        case .mapping: "a mapping"
        case .sequence: "a list"
        }
    }

    private var name: String { YAMLPath.isEmpty(step, under: parent) ? "the document" : "'\(path)'" }

    /// The entries of a mapping whose keys are all plain text among `allowed` (a literal list is
    /// searched in order, with no hashing; a set by hash), each key once.
    func mapping(keys allowed: some Collection<String>) throws(LoadError) -> YAMLMapping {
        guard case .mapping(let pairs) = node.content else {
            throw error("expected a mapping for \(name), found \(found)")
        }
        var entries: [(String, YAMLNode)] = []
        entries.reserveCapacity(pairs.count)
        let here = trail
        for pair in pairs {
            let key = pair.key, value = pair.value
            guard case .scalar(let scalar) = key.content else {
                throw YAMLNode(node: key, file: file, parent: parent, step: step).error("a key in \(name) must be plain text")
            }
            let keyName = scalar.string
            // The key, located, for a message about it.
            var keyNode: YAMLNode { YAMLNode(node: key, file: file, parent: parent, step: step) }
            guard allowed.contains(keyName) else {
                let known = allowed.sorted().joined(separator: ", ")
                throw keyNode.error("unknown key '\(keyName)' in \(name)\(Suggestion.didYouMean(keyName, among: allowed, then: "expected one of: \(known)"))")
            }
            if entries.contains(where: { $0.0 == keyName }) {
                throw keyNode.error("key '\(keyName)' appears twice in \(name)")
            }
            entries.append((keyName, YAMLNode(node: value, file: file, parent: here, step: .key(keyName))))
        }
        return YAMLMapping(owner: self, entries: entries)
    }

    /// The value of a key of a mapping, whatever other keys it has; nil when this is not a mapping
    /// or lacks the key.
    func value(forKey key: String) -> YAMLNode? {
        guard case .mapping(let pairs) = node.content else { return nil }
        guard let value = pairs.first(where: { $0.key.scalar?.string == key })?.value else { return nil }
        return YAMLNode(node: value, file: file, parent: trail, step: .key(key))
    }

    /// Whether this is a mapping with the key.
    func hasKey(_ key: String) -> Bool {
        guard case .mapping(let pairs) = node.content else { return false }
        return pairs.contains { $0.key.scalar?.string == key }
    }

    func sequence() throws(LoadError) -> [YAMLNode] {
        guard case .sequence(let sequence) = node.content else {
            throw error("expected a list for \(name), found \(found)")
        }
        let here = trail
        return sequence.enumerated().map { index, element in
            YAMLNode(node: element, file: file, parent: here, step: .position(index + 1))
        }
    }

    /// A non-empty text value, trimmed.
    func string() throws(LoadError) -> String {
        guard case .scalar(let scalar) = node.content else {
            throw error("expected text for \(name), found \(found)")
        }
        let text = scalar.string.trimmed()
        guard !text.isEmpty else { throw error("\(name) is empty") }
        return text
    }

    /// A scalar's text exactly as written, for values such as `4a` or `3` read as text.
    func scalarText() throws(LoadError) -> String {
        guard case .scalar(let scalar) = node.content else {
            throw error("expected a value for \(name), found \(found)")
        }
        return scalar.string
    }

    func int() throws(LoadError) -> Int {
        guard case .scalar(let scalar) = node.content, scalar.isPlain, let value = Int(scalar.string) else {
            throw error("expected a whole number for \(name), found \(found)")
        }
        return value
    }

    func double() throws(LoadError) -> Double {
        guard case .scalar(let scalar) = node.content, scalar.isPlain,
              let value = Double(scalar.string), value.isFinite else {
            throw error("expected a number for \(name), found \(found)")
        }
        return value
    }

    func bool() throws(LoadError) -> Bool {
        guard case .scalar(let scalar) = node.content, scalar.isPlain else {
            throw error("expected true or false for \(name), found \(found)")
        }
        switch scalar.string {
        case "true": return true
        case "false": return false
        default: throw error("expected true or false for \(name), found \(found)")
        }
    }

    /// One of a fixed set of words.
    func oneOf<Value: RawRepresentable & CaseIterable>(_ type: Value.Type) throws(LoadError) -> Value
    where Value.RawValue == String {
        let text = try string()
        guard let value = Value(rawValue: text) else {
            let known = Value.allCases.map(\.rawValue).joined(separator: ", ")
            throw error("'\(text)' is not allowed for \(name)\(Suggestion.didYouMean(text, among: Value.allCases.map(\.rawValue), then: "expected one of: \(known)"))")
        }
        return value
    }

    /// An identifier exactly as written (nothing trimmed): lower-case letters, digits and hyphens,
    /// by the model's rule (`Identifier`).
    func identifier() throws(LoadError) -> String {
        guard case .scalar(let scalar) = node.content else {
            throw error("expected an id for \(name), found \(found)")
        }
        guard Identifier.isValid(scalar.string) else {
            throw error(Identifier.problem(scalar.string, for: name) ?? "'\(scalar.string)' is not a valid id for \(name)")
        }
        return scalar.string
    }
}

/// The entries of a YAML mapping, by key.
struct YAMLMapping {
    let owner: YAMLNode
    let entries: [(String, YAMLNode)]

    func optional(_ key: String) -> YAMLNode? {
        entries.first { $0.0 == key }?.1
    }

    func required(_ key: String) throws(LoadError) -> YAMLNode {
        guard let value = optional(key) else {
            let name = YAMLPath.isEmpty(owner.step, under: owner.parent) ? "the document" : "'\(owner.path)'"
            throw owner.error("\(name) is missing the required key '\(key)'")
        }
        return value
    }
}
