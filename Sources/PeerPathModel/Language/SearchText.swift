/// A text made ready to look for many phrases in: its UTF-8, whether it is all ASCII, and — for
/// ASCII text — a fingerprint of each run of letters in it. A written phrase can only occur in
/// ASCII text where its key run of letters (`PhraseMatcher.key`) is a run of the text, so most
/// phrases are ruled out by a look at a few numbers instead of a scan of the text.
struct SearchText {
    let text: String
    let utf8: [UInt8]
    let isASCII: Bool
    /// The fingerprints of the text's runs of ASCII letters (`LetterRun`), in order; empty unless ASCII.
    private(set) var runs: [LetterRun] = []
    /// One bit for each run's fingerprint (`LetterRun.bit`).
    private var bits: UInt64 = 0

    init(_ text: String) {
        self.text = text
        utf8 = Array(text.utf8)
        isASCII = utf8.withUnsafeBufferPointer(\.isASCII)
        guard isASCII else { return }
        var start = -1
        for index in 0...utf8.count {
            if index < utf8.count, Words.isASCIILetter(utf8[index]) {
                if start < 0 { start = index }
            } else if start >= 0 {
                let run = utf8.withUnsafeBufferPointer { LetterRun($0[start..<index]) }
                runs.append(run)
                bits |= run.bit
                start = -1
            }
        }
    }

    /// Whether the text has this run of letters (or, rarely, another with the same fingerprint).
    func has(_ run: LetterRun) -> Bool {
        bits & run.bit != 0 && runs.contains(run)
    }

    /// Whether the text has a run of letters that begins with this one.
    func hasRun(beginningWith run: LetterRun) -> Bool {
        runs.contains { $0.begins(with: run) }
    }
}

/// A fingerprint of a run of ASCII letters, in any case: its first 12 letters, 5 bits each, and
/// its length (up to 15). Two runs with different fingerprints differ; two with the same one
/// nearly always are the same.
struct LetterRun: Equatable, Sendable {
    private let value: UInt64

    init(_ letters: Slice<UnsafeBufferPointer<UInt8>>) {
        var value: UInt64 = 0
        for (number, byte) in letters.prefix(12).enumerated() {
            value |= UInt64((byte | 0x20) &- 0x60) << (59 - 5 * number)
        }
        self.value = value | UInt64(min(letters.count, 15))
    }

    private var length: Int { Int(value & 0xF) }

    /// A bit of 64 chosen by the fingerprint.
    var bit: UInt64 { 1 << ((value &* 0x9E37_79B9_7F4A_7C15) >> 58) }

    /// Whether this run begins with `other`, as far as the fingerprints tell (never false when it does).
    func begins(with other: LetterRun) -> Bool {
        guard length >= other.length else { return false }
        let letters = UInt64(min(other.length, 12))
        let mask: UInt64 = letters == 0 ? 0 : ~0 << (64 - 5 * letters)
        return value & mask == other.value & mask
    }
}
