import Foundation

/// The texts of pathway files as edit pages loaded them, by digest, so a save refused because the
/// file changed on disk can show what changed since the page's version. Bounded: the oldest go first.
final class SourceVersions: @unchecked Sendable {
    private let lock = NSLock()
    private var texts: [String: String] = [:]
    private var order: [String] = []
    static let limit = 64

    func remember(_ text: String, digest: String) {
        lock.withLock {
            guard texts[digest] == nil else { return }
            texts[digest] = text
            order.append(digest)
            if order.count > Self.limit { texts[order.removeFirst()] = nil }
        }
    }

    func text(_ digest: String) -> String? { lock.withLock { texts[digest] } }
}
