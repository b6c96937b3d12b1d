/// The key path that led to a node, for messages: `roles[2].duties[4].evidence`. A path is its
/// parent's path and one step (a key, or a position in a list); the text is put together only
/// when a message asks for it, so reading a file that has no problem never builds it. A node keeps
/// its own step beside its parent's path (`YAMLNode`), so only a node whose children are read
/// makes a path object.
final class YAMLPath: Sendable {
    enum Step: Sendable {
        case root
        case key(String)
        /// 1-based, as messages count.
        case position(Int)
    }

    let parent: YAMLPath?
    let step: Step

    static let root = YAMLPath(parent: nil, step: .root)

    init(parent: YAMLPath?, step: Step) {
        self.parent = parent
        self.step = step
    }

    func appending(key: String) -> YAMLPath { YAMLPath(parent: self, step: .key(key)) }

    func appending(position: Int) -> YAMLPath { YAMLPath(parent: self, step: .position(position)) }

    var isEmpty: Bool { Self.isEmpty(step, under: parent) }

    var text: String { Self.text(step, under: parent) }

    /// Whether the text of a step under a parent is empty: at the root, or under keys that are all
    /// empty text (as the text was built before, step by step).
    static func isEmpty(_ step: Step, under parent: YAMLPath?) -> Bool {
        switch step {
        case .root: true
        case .key(let key): key.isEmpty && (parent?.isEmpty ?? true)
        case .position: false
        }
    }

    /// The path as messages write it: keys joined by dots, positions in brackets.
    static func text(_ step: Step, under parent: YAMLPath?) -> String {
        switch step {
        case .root:
            return ""
        case .key(let key):
            guard let parent, !parent.isEmpty else { return key }
            return "\(parent.text).\(key)"
        case .position(let position):
            return "\(parent?.text ?? "")[\(position)]"
        }
    }
}
