/// The key path that led to a node, for messages: `roles[2].duties[4].evidence`. Each step keeps
/// its parent and its own key or position; the text is put together only when a message asks for
/// it, so reading a file that has no problem never builds it.
final class YAMLPath: Sendable {
    private enum Step {
        case root
        case key(String)
        /// 1-based, as messages count.
        case position(Int)
    }

    private let parent: YAMLPath?
    private let step: Step

    static let root = YAMLPath(parent: nil, step: .root)

    private init(parent: YAMLPath?, step: Step) {
        self.parent = parent
        self.step = step
    }

    func appending(key: String) -> YAMLPath { YAMLPath(parent: self, step: .key(key)) }

    func appending(position: Int) -> YAMLPath { YAMLPath(parent: self, step: .position(position)) }

    /// Whether the text is empty: at the root, or under keys that are all empty text.
    var isEmpty: Bool {
        switch step {
        case .root: true
        case .key(let key): key.isEmpty && (parent?.isEmpty ?? true)
        case .position: false
        }
    }

    /// The path as messages write it: keys joined by dots, positions in brackets.
    var text: String {
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
