/// A list of gender-coded words (`GenderCodedWords.masculine` or `.feminine`) arranged to match an
/// ASCII word of text at a glance: the list's words by first letter, each group in list order, so
/// the first word of a group that matches is the first of the whole list that does. Only for lists
/// of ASCII words, none empty.
struct CodedWordIndex: Sendable {
    private struct Entry: Sendable {
        var position: Int
        var word: [UInt8]
        var isStem: Bool
    }

    /// The list's entries by the first byte of their word (128 groups).
    private var groups: [[Entry]] = Array(repeating: [], count: 128)
    /// Whether a lower-case ASCII byte begins some word of the list (bit per byte).
    private(set) var initials: (UInt64, UInt64) = (0, 0)

    init?(_ words: [CodedWord]) {
        for (position, coded) in words.enumerated() {
            let word = Array(coded.word.utf8)
            guard let first = word.first, word.allSatisfy({ $0 < 0x80 }) else { return nil }
            groups[Int(first)].append(Entry(position: position, word: word, isStem: coded.isStem))
            if first < 64 { initials.0 |= 1 << first } else { initials.1 |= 1 << (first - 64) }
        }
    }

    /// Whether an ASCII byte begins some word of the list.
    func isInitial(_ byte: UInt8) -> Bool {
        byte < 64 ? initials.0 & 1 << byte != 0 : byte < 128 && initials.1 & 1 << (byte - 64) != 0
    }

    /// The position in the list of the first word that a lower-case ASCII word of text is, or that
    /// it begins with (a stem) — `CodedWord.matches(_:)` for each word in turn.
    func first(matching candidate: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = candidate.first, first < 0x80 else { return nil }
        for entry in groups[Int(first)] where entry.isStem ? candidate.count >= entry.word.count : candidate.count == entry.word.count {
            if entry.word.indices.allSatisfy({ entry.word[$0] == candidate[$0] }) { return entry.position }
        }
        return nil
    }
}
