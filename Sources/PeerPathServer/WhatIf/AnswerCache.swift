import Foundation

/// What-if answers already worked out for a pathway, by role and change, as the JSON sent: a page
/// that goes back to a level it tried, or many people trying the same change, get the answer
/// without the evaluation. Held by the pathway, so a save that replaces the pathway empties it;
/// at `limit` answers it starts again empty.
final class AnswerCache: @unchecked Sendable {
    static let limit = 4_096

    private let lock = NSLock()
    private var answers: [String: Data] = [:]

    func answer(_ key: String) -> Data? {
        lock.withLock { answers[key] }
    }

    func keep(_ answer: Data, for key: String) {
        lock.withLock {
            if answers.count >= Self.limit { answers.removeAll(keepingCapacity: true) }
            answers[key] = answer
        }
    }
}
