/// Writes a zip archive in memory: local headers and data in the order added, then the central
/// directory. Every entry carries one fixed date and Unix permissions 0644, so the same entries give
/// the same bytes. No zip64: an ODT package is far below its 4 GiB and 65,535-entry limits.
struct ZipArchive {
    private var bytes: [UInt8] = []
    private var directory: [UInt8] = []
    private var count = 0

    /// 1 January 2020, 00:00, as MS-DOS date and time fields (zip stores local time, with no zone).
    static let dosDate: UInt16 = (2020 - 1980) << 9 | 1 << 5 | 1
    static let dosTime: UInt16 = 0

    mutating func add(_ entry: ZipEntry) {
        let offset = bytes.count
        let version: UInt16 = entry.method == .stored ? 10 : 20
        append32(0x0403_4b50, to: &bytes)
        append16(version, to: &bytes)
        common(entry, to: &bytes)
        append16(0, to: &bytes)                       // no extra field
        bytes += entry.name
        bytes += entry.stored

        append32(0x0201_4b50, to: &directory)
        append16(0x0300 | 20, to: &directory)         // made by: Unix, zip 2.0
        append16(version, to: &directory)
        common(entry, to: &directory)
        append16(0, to: &directory)                   // no extra field
        append16(0, to: &directory)                   // no comment
        append16(0, to: &directory)                   // disk 0
        append16(0, to: &directory)                   // no internal attributes
        append32(UInt32(0o100644) << 16, to: &directory)  // a regular file, rw-r--r--
        append32(UInt32(offset), to: &directory)
        directory += entry.name
        count += 1
    }

    /// The finished archive: the entries, the central directory and its end record.
    func finish() -> [UInt8] {
        var archive = bytes
        archive.reserveCapacity(bytes.count + directory.count + 22)
        archive += directory
        append32(0x0605_4b50, to: &archive)
        append16(0, to: &archive)
        append16(0, to: &archive)
        append16(UInt16(count), to: &archive)
        append16(UInt16(count), to: &archive)
        append32(UInt32(directory.count), to: &archive)
        append32(UInt32(bytes.count), to: &archive)
        append16(0, to: &archive)                     // no comment
        return archive
    }

    /// The fields local and central headers share, from the flags to the name's length.
    private func common(_ entry: ZipEntry, to out: inout [UInt8]) {
        append16(0, to: &out)                         // flags: sizes known up front, no data descriptor
        append16(entry.method.rawValue, to: &out)
        append16(Self.dosTime, to: &out)
        append16(Self.dosDate, to: &out)
        append32(entry.crc32, to: &out)
        append32(UInt32(entry.stored.count), to: &out)
        append32(UInt32(entry.uncompressedSize), to: &out)
        append16(UInt16(entry.name.count), to: &out)
    }

    private func append16(_ value: UInt16, to out: inout [UInt8]) {
        out.append(UInt8(value & 0xff))
        out.append(UInt8(value >> 8))
    }

    private func append32(_ value: UInt32, to out: inout [UInt8]) {
        for shift in stride(from: 0, to: 32, by: 8) { out.append(UInt8((value >> UInt32(shift)) & 0xff)) }
    }
}
