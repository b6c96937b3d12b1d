/// A small YAML value the source editor writes in the shipped pathways' style: block mappings and
/// lists, prose plain or folded, ids and levels as words, evidence and short lists in flow style
/// (`{F1: 3a, F6: 2}`, `[application, interview]`).
indirect enum WrittenYAML {
    /// Prose: plain on the key's line when it fits, else folded, else double-quoted.
    case text(String)
    /// Prose always double-quoted (values the neighbours quote, such as `expected-band: "3"`).
    case quoted(String)
    /// An id, number or level.
    case word(String)
    case flowMap([(String, String)])
    case flowList([String])
    case map([(String, WrittenYAML)])
    case list([WrittenYAML])

    /// The lines of `key: value` with the key at `indent`; `prefix` replaces the indent on the first
    /// line (a list item's `- `).
    func entry(_ key: String, indent: Int, prefix: String? = nil) -> [String] {
        let head = (prefix ?? String(repeating: " ", count: indent)) + key + ":"
        switch self {
        case .text(let value):
            return WrittenYAML.prose(value, head: head, indent: indent + 2, folded: false)
        case .quoted(let value):
            return [head + " " + YAMLScalarStyle.doubleQuoted(value)]
        case .word(let value):
            return [head + " " + YAMLScalarStyle.word(value)]
        case .flowMap(let pairs):
            return [head + " " + WrittenYAML.flow(pairs)]
        case .flowList(let items):
            return [head + " " + WrittenYAML.flow(items)]
        case .map(let entries):
            return [head] + entries.flatMap { $0.1.entry($0.0, indent: indent + 2) }
        case .list(let items):
            return items.isEmpty ? [head + " []"] : [head] + items.flatMap { $0.item(indent: indent + 2) }
        }
    }

    /// The lines of a list item whose `-` is at `indent`.
    func item(indent: Int) -> [String] {
        let dash = String(repeating: " ", count: indent) + "- "
        switch self {
        case .map(let entries):
            return entries.enumerated().flatMap { index, entry in
                entry.1.entry(entry.0, indent: indent + 2, prefix: index == 0 ? dash : nil)
            }
        case .text(let value):
            let plain = YAMLScalarStyle.plain(value)
            return [dash + (plain ?? YAMLScalarStyle.doubleQuoted(value))]
        case .quoted(let value):
            return [dash + YAMLScalarStyle.doubleQuoted(value)]
        case .word(let value):
            return [dash + YAMLScalarStyle.word(value)]
        case .flowMap(let pairs):
            return [dash + WrittenYAML.flow(pairs)]
        case .flowList(let items):
            return [dash + WrittenYAML.flow(items)]
        case .list(let items):
            return [dash.dropLast() + ""] + items.flatMap { $0.item(indent: indent + 2) }
        }
    }

    static func flow(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { "\(YAMLScalarStyle.word($0.0)): \(YAMLScalarStyle.word($0.1))" }.joined(separator: ", ") + "}"
    }

    static func flow(_ items: [String]) -> String {
        "[" + items.map { YAMLScalarStyle.word($0) }.joined(separator: ", ") + "]"
    }

    /// `head` followed by prose: on the same line when plain and short enough (and not asked to
    /// fold), else as a folded block at `indent`, else double-quoted on the same line.
    static func prose(_ value: String, head: String, indent: Int, folded: Bool, comment: String = "") -> [String] {
        if !folded, let plain = YAMLScalarStyle.plain(value), head.count + 1 + plain.count <= YAMLScalarStyle.width {
            return [head + " " + plain + comment]
        }
        let quoted = YAMLScalarStyle.doubleQuoted(value)
        if !folded, head.count + 1 + quoted.count <= YAMLScalarStyle.width {
            return [head + " " + quoted + comment]
        }
        if let lines = YAMLScalarStyle.folded(value, indent: indent) {
            return [head + " >" + comment] + lines
        }
        return [head + " " + quoted + comment]
    }
}
