// libyaml as Yams 6.2.2 builds it (its CYaml target: libyaml 0.2.5 with a nesting limit of 1000),
// the same parser, with the same messages, as when Yams composed the nodes.
import CYaml

/// Builds a document's `YAMLValue` tree from libyaml's parser events: one document, aliases standing
/// for the node their anchor names, a key written twice in one mapping refused when the mapping ends.
/// The rules are those of Yams' composer, which peerpath used before (same problems, same places),
/// without its general tree: every scalar Yams made went through a tag object, a Foundation string
/// conversion and a hashed duplicate check, which was most of the time of reading a pathway.
struct YAMLComposer: ~Copyable {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let event: UnsafeMutablePointer<yaml_event_t>
    private var anchors: [String: YAMLValue] = [:]
    /// Every node built (keys too) and the bytes of every scalar's text, as `YAMLNode`'s walk of the
    /// expanded tree counts them; with no alias they are that walk's totals, so it need not run.
    private var values = 0
    private var text = 0
    private var aliased = false

    /// A document's root, with what building it counted.
    struct Composed {
        /// Nil for a file with no document (empty, or comments only).
        let root: YAMLValue?
        /// Whether an alias stands for its anchor's node somewhere, so the tree is larger expanded.
        let aliased: Bool
        /// The nodes and the bytes of scalar text in the tree as written.
        let values: Int
        let text: Int
    }

    /// The root of the one document in `text`, nil for a file with no document (empty, or comments only).
    static func compose(_ text: String) throws(YAMLProblem) -> YAMLValue? {
        try composeCounting(text).root
    }

    /// The root of the one document in `text`, and what it holds.
    static func composeCounting(_ text: String) throws(YAMLProblem) -> Composed {
        var text = text
        // A native string is its UTF-8 bytes, read in place.
        let result: Result<Composed, YAMLProblem> = text.withUTF8 { buffer in
            var composer = YAMLComposer(buffer)
            do throws(YAMLProblem) {
                let root = try composer.singleRoot()
                return .success(Composed(root: root, aliased: composer.aliased, values: composer.values, text: composer.text))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    private init(_ buffer: UnsafeBufferPointer<UInt8>) {
        parser = .allocate(capacity: 1)
        event = .allocate(capacity: 1)
        yaml_parser_initialize(parser)
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, buffer.baseAddress, buffer.count)
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
        event.deallocate()
    }

    /// What an event of the stream and document level says, copied out of libyaml's event before
    /// it is freed. (A node's events are read in place, by `node()`.)
    private enum Event {
        case streamStart, streamEnd(line: Int, column: Int), documentStart(line: Int, column: Int), documentEnd
        /// The start of a node: a scalar, an alias, a list or a mapping.
        case node(line: Int, column: Int)
        case collectionEnd
    }

    private mutating func singleRoot() throws(YAMLProblem) -> YAMLValue? {
        _ = try next() // the stream's start
        guard parser.pointee.stream_end_produced == 0 else { return nil }
        if case .streamEnd = try next() { return nil }
        // The document's start was read: its root, then its end.
        try parse()
        let root = try node()
        _ = try next()
        switch try next() {
        case .streamEnd:
            return root
        case .documentStart(let line, let column), .node(let line, let column):
            throw .syntax(problem: "but found another document", line: line, column: column,
                          context: (text: "expected a single document in the stream", line: 1))
        default:
            throw .syntax(problem: "but found another document", line: 1, column: 1,
                          context: (text: "expected a single document in the stream", line: 1))
        }
    }

    /// The next event, read into `event`.
    private func parse() throws(YAMLProblem) {
        guard yaml_parser_parse(parser, event) == 1 else { throw problem() }
    }

    /// The node whose first event is in `event` (which it frees), with everything inside it.
    private mutating func node() throws(YAMLProblem) -> YAMLValue {
        let e = event.pointee
        let line = e.start_mark.line + 1
        let column = e.start_mark.column + 1
        switch e.type {
        case YAML_SCALAR_EVENT:
            let scalar = e.data.scalar
            let string = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            let tag = scalar.quoted_implicit == 1 ? nil : Self.tag(Self.text(scalar.tag), standing: "tag:yaml.org,2002:str")
            let anchor = Self.text(scalar.anchor)
            yaml_event_delete(event)
            let value = YAMLValue(content: .scalar(YAMLScalar(string: string, isPlain: scalar.style == YAML_PLAIN_SCALAR_STYLE)),
                                  line: line, column: column, tag: tag)
            values += 1
            text += string.utf8.count
            if let anchor { anchors[anchor] = value }
            return value
        case YAML_ALIAS_EVENT:
            let anchor = Self.text(e.data.alias.anchor) ?? ""
            yaml_event_delete(event)
            guard let value = anchors[anchor] else {
                throw .syntax(problem: "found undefined alias", line: line, column: column, context: nil)
            }
            aliased = true
            return value
        case YAML_SEQUENCE_START_EVENT:
            let start = e.data.sequence_start
            let tag = start.implicit != 0 ? nil : Self.tag(Self.text(start.tag), standing: "tag:yaml.org,2002:seq")
            let anchor = Self.text(start.anchor)
            yaml_event_delete(event)
            var elements: [YAMLValue] = []
            while true {
                try parse()
                if event.pointee.type == YAML_SEQUENCE_END_EVENT { yaml_event_delete(event); break }
                elements.append(try node())
            }
            let value = YAMLValue(content: .sequence(elements), line: line, column: column, tag: tag)
            values += 1
            if let anchor { anchors[anchor] = value }
            return value
        case YAML_MAPPING_START_EVENT:
            let start = e.data.mapping_start
            let tag = start.implicit != 0 ? nil : Self.tag(Self.text(start.tag), standing: "tag:yaml.org,2002:map")
            let anchor = Self.text(start.anchor)
            yaml_event_delete(event)
            var pairs: [YAMLPair] = []
            while true {
                try parse()
                if event.pointee.type == YAML_MAPPING_END_EVENT { yaml_event_delete(event); break }
                let key = try node()
                try parse()
                pairs.append(YAMLPair(key: key, value: try node()))
            }
            if Self.mayRepeatKey(pairs), let duplicate = Self.duplicatedKey(in: pairs) {
                throw .duplicateKey(key: duplicate.scalar?.string ?? "<uncovertable>", line: duplicate.line)
            }
            let value = YAMLValue(content: .mapping(pairs), line: line, column: column, tag: tag)
            values += 1
            if let anchor { anchors[anchor] = value }
            return value
        default:
            // libyaml sends only a node's events where a node is due.
            yaml_event_delete(event)
            throw .syntax(problem: "did not find expected node content", line: 1, column: 1, context: nil)
        }
    }

    /// False when no key can be the same as another: all are untagged scalars of different text
    /// (the mappings of every file read); true sends the mapping to `duplicatedKey`.
    private static func mayRepeatKey(_ pairs: [YAMLPair]) -> Bool {
        guard pairs.count > 1 else { return false }
        if pairs.count > 16 {
            var seen = Set<String>(minimumCapacity: pairs.count)
            for pair in pairs {
                guard pair.key.tag == nil, case .scalar(let scalar) = pair.key.content,
                      seen.insert(scalar.string).inserted else { return true }
            }
            return false
        }
        for index in pairs.indices {
            let key = pairs[index].key
            guard key.tag == nil, case .scalar(let scalar) = key.content else { return true }
            for earlier in 0..<index {
                if case .scalar(let other) = pairs[earlier].key.content, other.string == scalar.string { return true }
            }
        }
        return false
    }

    /// The first occurrence of a key the mapping has twice; of several such keys, the one whose text
    /// sorts first (as Yams reported it).
    private static func duplicatedKey(in pairs: [YAMLPair]) -> YAMLValue? {
        guard pairs.count > 1 else { return nil }
        var firsts: [Int] = []
        var duplicated: [Int] = []
        for (index, pair) in pairs.enumerated() {
            if let first = firsts.first(where: { pairs[$0].key.isSameKey(as: pair.key) }) {
                if !duplicated.contains(first) { duplicated.append(first) }
            } else {
                firsts.append(index)
            }
        }
        return duplicated.map { pairs[$0].key }.min { a, b in
            guard let a = a.scalar, let b = b.scalar else { return false }
            return a.string < b.string
        }
    }

    /// The next event of the stream and document level.
    private func next() throws(YAMLProblem) -> Event {
        try parse()
        defer { yaml_event_delete(event) }
        let e = event.pointee
        let line = e.start_mark.line + 1
        let column = e.start_mark.column + 1
        switch e.type {
        case YAML_STREAM_START_EVENT:
            return .streamStart
        case YAML_STREAM_END_EVENT:
            return .streamEnd(line: line, column: column)
        case YAML_DOCUMENT_START_EVENT:
            return .documentStart(line: line, column: column)
        case YAML_DOCUMENT_END_EVENT:
            return .documentEnd
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            return .collectionEnd
        default:
            return .node(line: line, column: column)
        }
    }

    /// A written tag, nil when it is the kind's own or the non-specific `!`.
    private static func tag(_ written: String?, standing own: String) -> String? {
        guard let written, written != "!", written != own else { return nil }
        return written
    }

    private static func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    /// The parser's problem after a failed event.
    private func problem() -> YAMLProblem {
        let state = parser.pointee
        let problem = state.problem.map { String(cString: $0) } ?? "unknown problem"
        switch state.error {
        case YAML_MEMORY_ERROR:
            return .memory
        case YAML_READER_ERROR:
            return .reader(problem: problem)
        default:
            let context = state.context.map { (text: String(cString: $0), line: state.context_mark.line + 1) }
            return .syntax(problem: problem, line: state.problem_mark.line + 1, column: state.problem_mark.column + 1, context: context)
        }
    }
}

/// Why a YAML file could not be read, in libyaml's words.
enum YAMLProblem: Error {
    /// A scanner, parser or composer problem at a line and column, with what libyaml was reading.
    case syntax(problem: String, line: Int, column: Int, context: (text: String, line: Int)?)
    /// The bytes could not be read as text.
    case reader(problem: String)
    case memory
    /// A key written twice in one mapping; the line of its first occurrence.
    case duplicateKey(key: String, line: Int)
}
