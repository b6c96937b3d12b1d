import Foundation
import ZIPFoundation

/// Checks on zip packages that come from outside (an organisation's template, a file given to
/// `validate`), before anything in them is trusted.
enum ZipInspection {
    /// How many entries the end-of-central-directory record says the package has, or nil when it
    /// has none. Read here rather than by counting what the zip reader yields, because the reader
    /// stops quietly at the first entry it cannot read (an encrypted or damaged one), hiding the rest.
    static func declaredEntryCount(_ data: Data) -> Int? {
        // The record is 22 bytes and a comment of at most 65,535, at the very end.
        guard data.count >= 22 else { return nil }
        return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Int? in
            let bytes = raw.bindMemory(to: UInt8.self)
            var index = bytes.count - 22
            let lowest = max(0, bytes.count - 22 - 65_535)
            while index >= lowest {
                if bytes[index] == 0x50, bytes[index + 1] == 0x4b, bytes[index + 2] == 0x05, bytes[index + 3] == 0x06 {
                    return Int(bytes[index + 10]) | Int(bytes[index + 11]) << 8
                }
                index -= 1
            }
            return nil
        }
    }

    /// Why an entry name is unsafe in a package (it would escape a folder it is unpacked into, or
    /// could not be written or shown as it is), or nil for a safe one.
    static func unsafety(of name: String) -> String? {
        if name.isEmpty { return "empty, or not in the encoding its header claims" }
        if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) { return "a control character" }
        if name.contains("\\") { return "a backslash" }
        if name.hasPrefix("/") { return "an absolute path" }
        if name.split(separator: "/", omittingEmptySubsequences: false).contains("..") { return "a '..' segment" }
        return nil
    }

    /// An entry's name as its bytes spell it in UTF-8 where they are UTF-8 (the zip reader takes a
    /// name without the UTF-8 flag as code page 437, which shows a newline as "◙"), and why it is
    /// unsafe, if it is: judged on both readings, so no byte slips through either.
    static func name(of entry: Entry) -> (name: String, unsafety: String?) {
        let path = entry.path
        let utf8 = entry.path(using: .utf8)
        let name = utf8.isEmpty ? path : utf8
        return (name, unsafety(of: path) ?? (utf8.isEmpty ? nil : unsafety(of: utf8)))
    }

    /// Unpacks an entry through `consumer`, checking its CRC-32 (the zip reader's streaming
    /// extraction computes it but does not compare it).
    static func extract(_ entry: Entry, from archive: Archive, _ consumer: (Data) throws -> Void) throws {
        let checksum = try archive.extract(entry, skipCRC32: false, consumer: consumer)
        guard checksum == entry.checksum else { throw ZipInspectionError.checksum }
    }

    /// A name as a one-line message can show it: control characters written as `\u{…}`.
    static func shown(_ name: String) -> String {
        var shown = ""
        for scalar in name.unicodeScalars {
            if scalar.properties.generalCategory == .control {
                shown += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                shown.unicodeScalars.append(scalar)
            }
        }
        return shown
    }
}

enum ZipInspectionError: Error, CustomStringConvertible {
    case checksum

    var description: String { "its CRC-32 does not match its content" }
}
