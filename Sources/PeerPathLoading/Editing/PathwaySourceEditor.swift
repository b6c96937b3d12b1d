import Foundation
import PeerPathModel
import Yams

/// Applies edits to a pathway file's YAML text, changing only the lines of what was edited: every
/// other line — comments, blank lines, key order, quoting, flow or block style — stays byte for
/// byte. Where each value sits is found from the parser's marks (line and column of every node);
/// a block's extent from the indentation of the lines after it. New entries are written in the
/// style of their neighbours.
///
/// Each edit is applied to the model too, giving the pathway the edited text must load as; the
/// save compares the two (`PathwaySave`).
public struct PathwaySourceEditor: Sendable {
    public let catalogue: Catalogue

    public init(catalogue: Catalogue) {
        self.catalogue = catalogue
    }

    /// The edited text, where each edit's lines are, and the model the text must load as (nil when
    /// an edit's values cannot make a model, such as an unknown catalogue id: the load says why).
    public struct Result: Sendable {
        public var text: String
        public var expected: Pathway?
        /// Each edit's field and the lines (1-based, inclusive) it wrote in `text`.
        public var written: [(field: String, lines: ClosedRange<Int>)]

        /// The field of the edit that wrote a line, for a message shown beside it.
        public func field(atLine line: Int) -> String? {
            written.last { $0.lines.contains(line) }?.field
        }
    }

    public func apply(_ edits: [PathwayEdit], to text: String, model: Pathway, file: String) throws(LoadError) -> Result {
        var result = Result(text: text, expected: model, written: [])
        for edit in edits {
            var pass = Pass(lines: SourceLines(result.text), root: try EditedTree.parse(SourceText(text: result.text, file: file)),
                            file: file, catalogue: catalogue, field: edit.field)
            try pass.apply(edit)
            // Earlier edits' lines move with the lines this one added or removed above them.
            result.written = result.written.compactMap { entry in
                var lines = entry.lines
                for change in pass.changes {
                    let delta = change.added - change.removed.count
                    if change.removed.lowerBound + 1 > lines.upperBound { continue }
                    if change.removed.upperBound + 1 <= lines.lowerBound {
                        lines = (lines.lowerBound + delta)...(lines.upperBound + delta)
                    }
                }
                return (entry.field, lines)
            }
            result.written += pass.written
            result.text = pass.lines.text
            if var expected = result.expected {
                result.expected = ExpectedChange(catalogue: catalogue).apply(edit, to: &expected) ? expected : nil
            }
        }
        return result
    }
}

/// One edit's work on the text.
private struct Pass {
    var lines: SourceLines
    let root: EditedTree
    let file: String
    let catalogue: Catalogue
    let field: String
    /// Line ranges replaced (0-based) and how many lines replaced them, in order.
    var changes: [(removed: Range<Int>, added: Int)] = []
    var written: [(field: String, lines: ClosedRange<Int>)] = []

    init(lines: SourceLines, root: EditedTree, file: String, catalogue: Catalogue, field: String) {
        self.lines = lines
        self.root = root
        self.file = file
        self.catalogue = catalogue
        self.field = field
    }

    func error(_ message: String, at node: Node? = nil) -> LoadError {
        LoadError(file: file, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1, message: message)
    }

    // MARK: Finding things

    func value(_ node: Node, _ key: String) -> (key: Node, value: Node)? {
        guard case .mapping(let mapping) = node else { return nil }
        return mapping.first { $0.key.string == key }.map { ($0.key, $0.value) }
    }

    func roleNodes() throws(LoadError) -> [Node] {
        guard let roles = value(root.node, "roles")?.value, case .sequence(let sequence) = roles else {
            throw error("the pathway has no list of 'roles'", at: root.node)
        }
        return Array(sequence)
    }

    func role(_ id: String) throws(LoadError) -> Node {
        guard let node = try roleNodes().first(where: { value($0, "id")?.value.string == id }) else {
            throw error("no role '\(id)' in this pathway")
        }
        guard case .mapping = node, !isFlow(node) else {
            throw error("role '\(id)' is written in flow style ({…}); the editor changes roles written as blocks, so edit it by hand", at: node)
        }
        return node
    }

    /// A block list under `key` of a mapping, its key node, and its items; an empty flow list
    /// (`[]`) or a key with no value counts as empty.
    func list(_ owner: Node, _ key: String) throws(LoadError) -> (key: Node, value: Node, items: [Node])? {
        guard let entry = value(owner, key) else { return nil }
        switch entry.value {
        case .sequence(let sequence):
            if isFlow(entry.value) && !sequence.isEmpty {
                throw error("'\(key)' is written on one line ([…]); the editor changes lists written one item a line, so edit it by hand", at: entry.value)
            }
            return (entry.key, entry.value, Array(sequence))
        case .scalar(let scalar) where scalar.string.isEmpty:
            return (entry.key, entry.value, [])
        default:
            throw error("'\(key)' is not a list", at: entry.value)
        }
    }

    /// Whether a collection is written in flow style (`{…}`, `[…]`): its mark is on the bracket.
    /// (Yams does not keep a collection's style: it reads it from the end event.)
    func isFlow(_ node: Node) -> Bool {
        let (line, column) = position(node)
        guard line < lines.count else { return false }
        let scalars = lines.scalars(line)
        return column < scalars.count && (scalars[column] == "{" || scalars[column] == "[")
    }

    /// 0-based line and column of a node's mark.
    func position(_ node: Node) -> (line: Int, column: Int) {
        ((node.mark?.line ?? 1) - 1, (node.mark?.column ?? 1) - 1)
    }

    /// The lines (0-based, inclusive) of a block list item, and the column of its `-`.
    func itemSpan(_ item: Node) throws(LoadError) -> (start: Int, end: Int, dash: Int) {
        let (line, column) = position(item)
        let before = lines.scalars(line).prefix(column)
        guard let dash = before.lastIndex(of: "-"), before[(dash + 1)...].allSatisfy({ $0 == " " }),
              before[..<dash].allSatisfy({ $0 == " " || $0 == "-" }) else {
            throw error("this list item does not start on its '-' line; the editor cannot place it, so edit it by hand", at: item)
        }
        return (line, lines.blockEnd(from: line, owner: dash), dash)
    }

    /// The lines (0-based, inclusive) of a block mapping entry, from its key to the end of its value.
    func entrySpan(_ key: Node) -> (start: Int, end: Int, indent: Int) {
        let (line, column) = position(key)
        return (line, lines.blockEnd(from: line, owner: column), column)
    }

    /// The column of a block mapping's keys.
    func keyColumn(_ mapping: Node) -> Int { position(mapping).column }

    // MARK: Changing lines

    mutating func replace(_ range: Range<Int>, with new: [String], record: Bool = true) {
        lines.replace(range, with: new)
        // Lines recorded by this pass move too.
        written = written.map { entry in
            entry.lines.lowerBound > range.lowerBound
                ? (entry.field, (entry.lines.lowerBound + new.count - range.count)...(entry.lines.upperBound + new.count - range.count))
                : entry
        }
        changes.append((range, new.count))
        if record {
            let first = range.lowerBound + 1
            written.append((field, first...(first + max(new.count, 1) - 1)))
        }
    }

    /// Puts ` []` after a key whose list lost its last item (keeping any comment on the line).
    mutating func emptyList(_ key: Node) {
        let (line, column) = position(key)
        let scalars = lines.scalars(line)
        guard let colon = scalars[column...].firstIndex(of: ":") else { return }
        lines.replace(line: line, from: colon + 1, to: colon + 1, with: " []")
        written.append((field, (line + 1)...(line + 1)))
    }

    /// Makes `key: []` (or `key:` with nothing) ready for block items below it: drops the `[]`.
    mutating func openList(_ key: Node, value: Node) {
        guard case .sequence = value, isFlow(value) else { return }
        let (line, column) = position(value)
        let scalars = lines.scalars(line)
        guard column + 1 < scalars.count, scalars[column] == "[", scalars[column + 1] == "]" else { return }
        var start = column
        while start > 0, scalars[start - 1] == " " { start -= 1 }
        lines.replace(line: line, from: start, to: column + 2, with: "")
    }

    /// Inserts list items: before item `position` (after the item above it, so a comment above
    /// an item stays with it), or at the end.
    mutating func insertItem(_ value: WrittenYAML, into list: (key: Node, value: Node, items: [Node]), at position: Int?) throws(LoadError) {
        let dash: Int
        let line: Int
        if let first = list.items.first {
            dash = try itemSpan(first).dash
            let index = min(position ?? list.items.count, list.items.count)
            line = index == 0 ? self.position(list.key).line + 1 : try itemSpan(list.items[index - 1]).end + 1
        } else {
            dash = entrySpan(list.key).indent + 2
            openList(list.key, value: list.value)
            line = entrySpan(list.key).end + 1
        }
        replace(line..<line, with: value.item(indent: dash))
    }

    mutating func removeItem(_ index: Int, of list: (key: Node, value: Node, items: [Node]), what: String) throws(LoadError) {
        guard list.items.indices.contains(index) else {
            throw error("there is no \(what) \(index + 1) (the list has \(list.items.count))", at: list.key)
        }
        let span = try itemSpan(list.items[index])
        replace(span.start..<(span.end + 1), with: [], record: false)
        if list.items.count == 1 { emptyList(list.key) }
        else { written.append((field, max(1, span.start)...max(1, span.start))) }
    }

    // MARK: Edits

    mutating func apply(_ edit: PathwayEdit) throws(LoadError) {
        switch edit {
        case .setRoleField(let id, let field, let value):
            try setField(try role(id), field: field, value: value)
        case .addCatalogueDuty(let id, let duty, let at):
            try insertItem(.map([("use", .word(duty))]), into: try requiredList(try role(id), "duties"), at: at)
        case .addOwnDuty(let id, let duty, let at):
            var entries: [(String, WrittenYAML)] = [("area", .text(duty.area)), ("text", .text(duty.text)),
                                                  ("evidence", .flowMap(duty.evidence.map { ("F\($0.factor)", $0.level) }))]
            if !duty.domains.isEmpty { entries.append(("domains", .flowList(duty.domains))) }
            try insertItem(.map(entries), into: try requiredList(try role(id), "duties"), at: at)
        case .removeDuty(let id, let index):
            try removeItem(index, of: try requiredList(try role(id), "duties"), what: "duty")
        case .setDutyEvidence(let id, let index, let factor, let level):
            try setEvidence(try role(id), index: index, factor: factor, level: level)
        case .addCatalogueCriterion(let id, let criterion):
            try insertItem(.map([("use", .word(criterion))]), into: try requiredList(try role(id), "criteria"), at: nil)
        case .addOwnCriterion(let id, let criterion):
            try insertItem(.map([("category", .word(criterion.category)), ("text", .text(criterion.text)),
                                 ("need", .word(criterion.need)), ("assessed", .flowList(criterion.assessed))]),
                           into: try requiredList(try role(id), "criteria"), at: nil)
        case .removeCriterion(let id, let index):
            try removeItem(index, of: try requiredList(try role(id), "criteria"), what: "criterion")
        case .addRoute(let route):
            var entries: [(String, WrittenYAML)] = [("from", .word(route.from)), ("to", .word(route.to))]
            if !route.requires.isEmpty { entries.append(("requires", .flowList(route.requires))) }
            if !route.needs.isEmpty { entries.append(("needs", .list(route.needs.map { .text($0) }))) }
            if let list = try list(root.node, "routes") {
                try insertItem(.map(entries), into: list, at: nil)
            } else {
                try appendTopLevel("routes", .list([.map(entries)]))
            }
        case .removeRoute(let index):
            guard let list = try list(root.node, "routes") else { throw error("the pathway has no routes") }
            try removeItem(index, of: list, what: "route")
        case .addRole(let role):
            try addRole(role)
        }
    }

    func requiredList(_ owner: Node, _ key: String) throws(LoadError) -> (key: Node, value: Node, items: [Node]) {
        guard let list = try list(owner, key) else { throw error("the role has no '\(key)'", at: owner) }
        return list
    }

    /// A new top-level key at the end of the file, after a blank line.
    mutating func appendTopLevel(_ key: String, _ value: WrittenYAML) throws(LoadError) {
        var end = lines.count
        while end > 0, lines.isBlank(end - 1) { end -= 1 }
        replace(end..<end, with: [""] + value.entry(key, indent: 0))
    }

    /// The order keys of a role are written in, for placing a key the role did not have.
    static let roleKeyOrder = ["id", "title", "kind", "tier", "expected-band", "reports-to", "base", "supervision", "contract",
                               "hours", "reference", "service", "posts", "working-pattern", "disclosure"]

    mutating func setField(_ role: Node, field: RoleField, value raw: String?) throws(LoadError) {
        var owner = role
        for key in field.keys.dropLast() {
            guard let inner = value(owner, key)?.value, case .mapping = inner, !isFlow(inner) else {
                throw error("the role's '\(key)' is not a block mapping; edit it by hand", at: owner)
            }
            owner = inner
        }
        let key = field.keys.last!
        let text = raw?.trimmed() ?? ""
        let new: WrittenYAML = field.isNumber ? .word(text) : .text(text)
        guard let entry = value(owner, key) else {
            guard !(text.isEmpty && field.isOptional) else { return }
            // A key the role lacks goes after the nearest key before it in the usual order.
            let order = Self.roleKeyOrder
            let before = order.prefix(while: { $0 != key }).reversed().compactMap { value(owner, $0) }.first
                ?? { () -> (key: Node, value: Node)? in
                    guard case .mapping(let mapping) = owner, let last = mapping.reversed().first else { return nil }
                    return (last.key, last.value)
                }()
            guard let before else { throw error("the role has no keys", at: owner) }
            let span = entrySpan(before.key)
            let written: WrittenYAML = field == .expectedBand ? .quoted(text) : new
            replace((span.end + 1)..<(span.end + 1), with: written.entry(key, indent: keyColumn(owner)))
            return
        }
        let span = entrySpan(entry.key)
        if text.isEmpty && field.isOptional {
            guard position(entry.key).column > lines.indent(span.start) || keyColumn(owner) == lines.indent(span.start) else {
                throw error("'\(key)' is the first key of its item; edit it by hand", at: entry.key)
            }
            replace(span.start..<(span.end + 1), with: [], record: false)
            written.append((field.rawValue, max(1, span.start)...max(1, span.start)))
            return
        }
        let prefix = String(String.UnicodeScalarView(lines.scalars(span.start).prefix(span.indent)))
        let head = prefix + key + ":"
        var style = YAMLScalarStyle.Style.plain
        var comment = ""
        if case .scalar(let scalar) = entry.value {
            switch scalar.style {
            case .singleQuoted: style = .singleQuoted
            case .doubleQuoted: style = .doubleQuoted
            case .folded: style = .folded
            case .literal: style = .literal
            default: style = .plain
            }
            comment = trailingComment(of: entry.value, style: style)
        }
        let newLines: [String]
        if field.isNumber {
            newLines = [head + " " + YAMLScalarStyle.word(text) + comment]
        } else if style == .folded || style == .literal {
            let contentIndent = span.end > span.start ? lines.indent(span.start + 1) : span.indent + 2
            newLines = WrittenYAML.prose(text, head: head, indent: contentIndent, folded: true, comment: comment)
        } else if style == .plain {
            newLines = WrittenYAML.prose(text, head: head, indent: span.indent + 2, folded: false, comment: comment)
        } else {
            newLines = [head + " " + YAMLScalarStyle.inline(text, like: style) + comment]
        }
        replace(span.start..<(span.end + 1), with: newLines)
    }

    /// A comment after a value on its key's line (` # …`), kept when the value is rewritten.
    func trailingComment(of value: Node, style: YAMLScalarStyle.Style) -> String {
        let (line, column) = position(value)
        let scalars = lines.scalars(line)
        guard column < scalars.count else { return "" }
        var index = column
        switch style {
        case .doubleQuoted:
            index += 1
            while index < scalars.count, scalars[index] != "\"" { index += scalars[index] == "\\" ? 2 : 1 }
            index += 1
        case .singleQuoted:
            index += 1
            while index < scalars.count {
                if scalars[index] == "'" {
                    if index + 1 < scalars.count, scalars[index + 1] == "'" { index += 2; continue }
                    break
                }
                index += 1
            }
            index += 1
        case .folded, .literal:
            index += 1
        case .plain:
            while index < scalars.count, !(scalars[index] == "#" && index > 0 && scalars[index - 1] == " ") { index += 1 }
            while index > column, scalars[index - 1] == " " { index -= 1 }
        }
        guard index < scalars.count else { return "" }
        let rest = String(String.UnicodeScalarView(scalars[index...]))
        return rest.trimmingCharacters(in: .whitespaces).hasPrefix("#") ? rest : ""
    }

    mutating func setEvidence(_ role: Node, index: Int, factor: Int, level: String?) throws(LoadError) {
        let duties = try requiredList(role, "duties")
        guard duties.items.indices.contains(index) else {
            throw error("there is no duty \(index + 1) (the role has \(duties.items.count))", at: duties.key)
        }
        let duty = duties.items[index]
        guard case .mapping = duty, !isFlow(duty) else {
            throw error("this duty is written in flow style ({…}); edit it by hand", at: duty)
        }
        let key = "F\(factor)"
        guard let evidence = value(duty, "evidence") else {
            // A catalogue duty: its evidence as the catalogue gives it, with the change, replaces it.
            guard let id = value(duty, "use")?.value.string else { throw error("this duty has no 'evidence'", at: duty) }
            var pairs = (catalogue.duties[id]?.evidence ?? []).map { ("F\($0.factor)", $0.level.description) }
            Self.set(&pairs, key, level)
            let span = try itemSpan(duty)
            replace((span.end + 1)..<(span.end + 1), with: WrittenYAML.flowMap(pairs).entry("evidence", indent: keyColumn(duty)))
            return
        }
        guard case .mapping(let mapping) = evidence.value else {
            throw error("this duty's 'evidence' is not a mapping", at: evidence.value)
        }
        if isFlow(evidence.value) {
            let (line, column) = position(evidence.value)
            let scalars = lines.scalars(line)
            guard let close = scalars[column...].firstIndex(of: "}") else {
                throw error("this duty's evidence runs over several lines; edit it by hand", at: evidence.value)
            }
            var pairs = mapping.map { ($0.key.string ?? "", $0.value.string ?? "") }
            Self.set(&pairs, key, level)
            lines.replace(line: line, from: column, to: close + 1, with: WrittenYAML.flow(pairs))
            changes.append((line..<(line + 1), 1))
            written.append((field, (line + 1)...(line + 1)))
            return
        }
        let indent = mapping.first.map { position($0.key).column } ?? entrySpan(evidence.key).indent + 2
        if let existing = mapping.first(where: { $0.key.string == key }) {
            let span = entrySpan(existing.key)
            if let level {
                replace(span.start..<(span.end + 1), with: WrittenYAML.word(level).entry(key, indent: indent))
            } else {
                replace(span.start..<(span.end + 1), with: [], record: false)
                if mapping.count == 1 {
                    emptyMapping(evidence.key)
                } else {
                    written.append((field, max(1, span.start)...max(1, span.start)))
                }
            }
        } else if let level {
            let before = mapping.filter { Int(($0.key.string ?? "").dropFirst()) ?? 0 < factor }.last
            let line = before.map { entrySpan($0.key).end + 1 } ?? position(evidence.key).line + 1
            replace(line..<line, with: WrittenYAML.word(level).entry(key, indent: indent))
        }
    }

    /// Puts ` {}` after a key whose mapping lost its last entry.
    mutating func emptyMapping(_ key: Node) {
        let (line, column) = position(key)
        let scalars = lines.scalars(line)
        guard let colon = scalars[column...].firstIndex(of: ":") else { return }
        lines.replace(line: line, from: colon + 1, to: colon + 1, with: " {}")
        written.append((field, (line + 1)...(line + 1)))
    }

    /// Sets or removes a factor in evidence pairs, a new factor going in factor order.
    static func set(_ pairs: inout [(String, String)], _ key: String, _ level: String?) {
        if let index = pairs.firstIndex(where: { $0.0 == key }) {
            if let level { pairs[index].1 = level } else { pairs.remove(at: index) }
        } else if let level {
            let number = Int(key.dropFirst()) ?? 0
            let index = pairs.firstIndex { (Int($0.0.dropFirst()) ?? 0) > number } ?? pairs.count
            pairs.insert((key, level), at: index)
        }
    }

    mutating func addRole(_ role: NewRole) throws(LoadError) {
        let roles = try roleNodes()
        guard let last = roles.last, let list = try list(root.node, "roles") else { throw error("the pathway has no roles") }
        let span = try itemSpan(last)
        let first = try itemSpan(roles[0])
        // Roles separated by a blank line get one before the new role too.
        let second = roles.count > 1 ? try itemSpan(roles[1]).start : 0
        let separated = second > 0 && lines.isBlank(second - 1)
        var entries: [(String, WrittenYAML)] = [("id", .word(role.id)), ("title", .text(role.title)), ("kind", .word(role.kind)),
                                              ("tier", .word(role.tier))]
        if let band = role.expectedBand?.trimmed(), !band.isEmpty { entries.append(("expected-band", .quoted(band))) }
        entries += [("reports-to", .word(role.reportsTo)), ("base", .text(role.base)),
                    ("supervision", .map([("kind", .word(role.supervisionKind)), ("detail", .text(role.supervisionDetail))])),
                    ("contract", .map([("kind", .word("permanent"))])),
                    ("hours", .word(role.hours)), ("purpose", .text(role.purpose)),
                    ("duties", .list(role.duties.map { .map([("use", .word($0))]) })),
                    ("criteria", .list(role.criteria.map { .map([("use", .word($0))]) }))]
        _ = list
        let new = WrittenYAML.map(entries).item(indent: first.dash)
        let at = span.end + 1
        replace(at..<at, with: (separated ? [""] : []) + new)
    }
}
