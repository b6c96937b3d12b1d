import CDeflate
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

    /// The name of the first deflated entry whose stream does not end within its compressed bytes,
    /// or is not deflate at all; nil when every one ends. Looked at with zlib before the zip reader
    /// unpacks anything: the reader's inflate loop asks for more input past an entry's end and
    /// waits for ever when the stream never ends (found by FuzzStylesImporter). Each stream is
    /// inflated at most to `limit` bytes (the caller's cap on a part, which it enforces itself),
    /// so the look costs no more than the unpacking it guards.
    static func unendingEntry(in data: Data, limit: Int) -> String? {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> String? in
            let bytes = raw.bindMemory(to: UInt8.self)
            func u16(_ at: Int) -> Int? { at + 2 <= bytes.count ? Int(bytes[at]) | Int(bytes[at + 1]) << 8 : nil }
            func u32(_ at: Int) -> Int? {
                guard at + 4 <= bytes.count else { return nil }
                return Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 | Int(bytes[at + 3]) << 24
            }
            // The end-of-central-directory record, then each central directory header in turn.
            var end = bytes.count - 22
            let lowest = max(0, bytes.count - 22 - 65_535)
            while end >= lowest, !(bytes[end] == 0x50 && bytes[end + 1] == 0x4b && bytes[end + 2] == 0x05 && bytes[end + 3] == 0x06) {
                end -= 1
            }
            guard end >= lowest, let count = u16(end + 10), var at = u32(end + 16) else { return nil }
            var output = [UInt8](repeating: 0, count: 64 * 1024)
            for _ in 0..<count {
                guard u32(at) == 0x0201_4b50, let method = u16(at + 10), let compressed = u32(at + 20),
                      let nameLength = u16(at + 28), let extraLength = u16(at + 30), let commentLength = u16(at + 32),
                      let local = u32(at + 42), at + 46 + nameLength <= bytes.count else { return nil }
                let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[(at + 46)..<(at + 46 + nameLength)]), as: UTF8.self)
                at += 46 + nameLength + extraLength + commentLength
                guard method == 8 else { continue }
                // The data follows the local header, whose name and extra field lengths are its own.
                // An entry whose header or data is not where the directory says is left to the zip
                // reader's own checks, which name it.
                guard u32(local) == 0x0403_4b50, let localName = u16(local + 26), let localExtra = u16(local + 28) else { continue }
                let start = local + 30 + localName + localExtra
                guard start + compressed <= bytes.count else { continue }
                var stream = z_stream()
                guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return name }
                defer { inflateEnd(&stream) }
                stream.next_in = UnsafeMutablePointer(mutating: bytes.baseAddress! + start)
                stream.avail_in = UInt32(compressed)
                var produced = 0
                var ended = false
                while produced <= limit {
                    let result = output.withUnsafeMutableBufferPointer { buffer -> Int32 in
                        stream.next_out = buffer.baseAddress
                        stream.avail_out = UInt32(buffer.count)
                        return inflate(&stream, Z_NO_FLUSH)
                    }
                    produced += output.count - Int(stream.avail_out)
                    if result == Z_STREAM_END { ended = true; break }
                    // No progress with input left, or none left before the end: the stream is broken.
                    guard result == Z_OK, stream.avail_in > 0 || stream.avail_out == 0 else { break }
                }
                if !ended && produced <= limit { return name }
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
