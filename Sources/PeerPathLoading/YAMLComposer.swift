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

    /// The root of the one document in `text`, nil for a file with no document (empty, or comments only).
    static func compose(_ text: String) throws(YAMLProblem) -> YAMLValue? {
        let bytes = Array(text.utf8)
        let result: Result<YAMLValue?, YAMLProblem> = bytes.withUnsafeBufferPointer { buffer in
            var composer = YAMLComposer(buffer)
            do throws(YAMLProblem) {
                return .success(try composer.singleRoot())
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

    /// What one event says, copied out of libyaml's event before it is freed.
    private enum Event {
        case streamStart, streamEnd(line: Int, column: Int), documentStart(line: Int, column: Int), documentEnd
        case alias(anchor: String, line: Int, column: Int)
        case scalar(YAMLValue, anchor: String?)
        case sequenceStart(anchor: String?, tag: String?, line: Int, column: Int), sequenceEnd
        case mappingStart(anchor: String?, tag: String?, line: Int, column: Int), mappingEnd
    }

    private mutating func singleRoot() throws(YAMLProblem) -> YAMLValue? {
        _ = try next() // the stream's start
        guard parser.pointee.stream_end_produced == 0 else { return nil }
        if case .streamEnd = try next() { return nil }
        // The document's start was read: its root, then its end.
        let root = try node(from: try next())
        _ = try next()
        switch try next() {
        case .streamEnd:
            return root
        case .documentStart(let line, let column), .alias(_, let line, let column),
             .sequenceStart(_, _, let line, let column), .mappingStart(_, _, let line, let column):
            throw .syntax(problem: "but found another document", line: line, column: column,
                          context: (text: "expected a single document in the stream", line: 1))
        case .scalar(let value, _):
            throw .syntax(problem: "but found another document", line: value.line, column: value.column,
                          context: (text: "expected a single document in the stream", line: 1))
        default:
            throw .syntax(problem: "but found another document", line: 1, column: 1,
                          context: (text: "expected a single document in the stream", line: 1))
        }
    }

    private mutating func node(from first: Event) throws(YAMLProblem) -> YAMLValue {
        switch first {
        case .alias(let anchor, let line, let column):
            guard let value = anchors[anchor] else {
                throw .syntax(problem: "found undefined alias", line: line, column: column, context: nil)
            }
            return value
        case .scalar(let value, let anchor):
            if let anchor { anchors[anchor] = value }
            return value
        case .sequenceStart(let anchor, let tag, let line, let column):
            var elements: [YAMLValue] = []
            while true {
                let event = try next()
                if case .sequenceEnd = event { break }
                elements.append(try node(from: event))
            }
            let value = YAMLValue(content: .sequence(elements), line: line, column: column, tag: tag)
            if let anchor { anchors[anchor] = value }
            return value
        case .mappingStart(let anchor, let tag, let line, let column):
            var pairs: [YAMLPair] = []
            while true {
                let event = try next()
                if case .mappingEnd = event { break }
                let key = try node(from: event)
                pairs.append(YAMLPair(key: key, value: try node(from: try next())))
            }
            if let duplicate = Self.duplicatedKey(in: pairs) {
                throw .duplicateKey(key: duplicate.scalar?.string ?? "<uncovertable>", line: duplicate.line)
            }
            let value = YAMLValue(content: .mapping(pairs), line: line, column: column, tag: tag)
            if let anchor { anchors[anchor] = value }
            return value
        default:
            // libyaml sends only a node's events where a node is due.
            throw .syntax(problem: "did not find expected node content", line: 1, column: 1, context: nil)
        }
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

    private func next() throws(YAMLProblem) -> Event {
        guard yaml_parser_parse(parser, event) == 1 else { throw problem() }
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
        case YAML_ALIAS_EVENT:
            return .alias(anchor: Self.text(e.data.alias.anchor) ?? "", line: line, column: column)
        case YAML_SCALAR_EVENT:
            let scalar = e.data.scalar
            let string = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            let tag = scalar.quoted_implicit == 1 ? nil : Self.tag(Self.text(scalar.tag), standing: "tag:yaml.org,2002:str")
            let value = YAMLValue(content: .scalar(YAMLScalar(string: string, isPlain: scalar.style == YAML_PLAIN_SCALAR_STYLE)),
                                  line: line, column: column, tag: tag)
            return .scalar(value, anchor: Self.text(scalar.anchor))
        case YAML_SEQUENCE_START_EVENT:
            let start = e.data.sequence_start
            let tag = start.implicit != 0 ? nil : Self.tag(Self.text(start.tag), standing: "tag:yaml.org,2002:seq")
            return .sequenceStart(anchor: Self.text(start.anchor), tag: tag, line: line, column: column)
        case YAML_SEQUENCE_END_EVENT:
            return .sequenceEnd
        case YAML_MAPPING_START_EVENT:
            let start = e.data.mapping_start
            let tag = start.implicit != 0 ? nil : Self.tag(Self.text(start.tag), standing: "tag:yaml.org,2002:map")
            return .mappingStart(anchor: Self.text(start.anchor), tag: tag, line: line, column: column)
        default:
            return .mappingEnd
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
