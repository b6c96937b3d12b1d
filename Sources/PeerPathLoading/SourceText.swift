import Foundation
import PeerPathModel

/// The text of an input file, read whole and checked before any parser sees it: valid UTF-8, and no
/// characters that XML 1.0 cannot hold (so nothing read can later break a document being written).
struct SourceText {
    let file: String
    let text: String

    /// The largest input file accepted, in bytes.
    static let maximumSize = 8 * 1024 * 1024

    init(contentsOf file: String) throws(LoadError) {
        self.file = file
        let data: Data
        do {
            data = try RegularFile.read(file, limit: Self.maximumSize)
        } catch .tooLarge {
            throw LoadError(file: file, line: 1, column: 1,
                            message: "file is larger than \(Self.maximumSize / 1024 / 1024) MiB; a pathway is far smaller")
        } catch {
            throw LoadError(kind: .missingInput, file: file, message: error.message)
        }
        self.text = try Self.decode(data, file: file)
    }

    /// Text already in memory (an edit not yet saved), checked as a file's would be.
    init(text: String, file: String) throws(LoadError) {
        self.file = file
        self.text = try Self.decode(Data(text.utf8), file: file)
    }

    /// Decodes UTF-8 (a leading byte-order mark is dropped), refusing invalid bytes and characters
    /// XML 1.0 cannot carry, each with its line and column.
    static func decode(_ data: Data, file: String) throws(LoadError) -> String {
        var bytes = Array(data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let text = plainText(bytes) { return text }
        // Something is wrong: go through the scalars to say what, and where.
        var line = 1
        var column = 1
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var scalars = String.UnicodeScalarView()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if !isAllowed(scalar) {
                    let code = String(scalar.value, radix: 16, uppercase: true)
                    throw LoadError(file: file, line: line, column: column,
                                    message: "control character U+\(String(repeating: "0", count: max(0, 4 - code.count)))\(code) is not allowed in a pathway file")
                }
                scalars.append(scalar)
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .emptyInput:
                break loop
            case .error:
                throw LoadError(file: file, line: line, column: column, message: "invalid UTF-8; save the file as UTF-8")
            }
        }
        return String(scalars)
    }

    /// The text, when a scan of the bytes shows nothing to refuse: no control byte but tab, line
    /// feed and carriage return, no C1 control (C2 80–9F), no U+FFFE or U+FFFF (EF BF BE/BF), and
    /// valid UTF-8. Nil when the scalars must be looked at one by one.
    static func plainText(_ bytes: [UInt8]) -> String? {
        var ascii = true
        let clean = bytes.withUnsafeBufferPointer { buffer -> Bool in
            let count = buffer.count
            var index = 0
            let raw = UnsafeRawBufferPointer(buffer)
            let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
            while index < count {
                // Eight bytes at once while none is a control byte, DEL or above ASCII (most of a
                // line); a word with any of them is read byte by byte below.
                if index + 8 <= count {
                    let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    let below20 = (word &- ones &* 0x20) & ~word & high
                    let del = word ^ (ones &* 0x7F)
                    let isDel = (del &- ones) & ~del & high
                    if (word & high) | below20 | isDel == 0 {
                        index += 8
                        continue
                    }
                }
                let byte = buffer[index]
                if byte < 0x20 {
                    if byte != 0x09 && byte != 0x0A && byte != 0x0D { return false }
                } else if byte >= 0x7F {
                    if byte == 0x7F { return false }
                    ascii = false
                    if byte == 0xC2, index + 1 < count, buffer[index + 1] <= 0x9F { return false }
                    if byte == 0xEF, index + 2 < count, buffer[index + 1] == 0xBF, buffer[index + 2] >= 0xBE { return false }
                }
                index += 1
            }
            return true
        }
        guard clean else { return nil }
        return ascii ? String(decoding: bytes, as: UTF8.self) : String(validating: bytes, as: UTF8.self)
    }

    /// Characters XML 1.0 allows, less the C1 controls and U+FFFE/U+FFFF.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: true
        case 0x00...0x1F, 0x7F...0x9F: false
        case 0xFFFE, 0xFFFF: false
        default: true
        }
    }
}
