import CDeflate

/// One file of a zip archive, ready to write: its name, its bytes as stored (deflated or not) and
/// what the archive's headers say of it. An entry that is the same in every package (the styles)
/// is made once and added to each.
struct ZipEntry: Sendable {
    enum Method: UInt16, Sendable {
        case stored = 0
        case deflated = 8
    }

    let name: [UInt8]
    let method: Method
    let crc32: UInt32
    let uncompressedSize: Int
    let stored: [UInt8]

    /// zlib's fastest level: on peerpath's content.xml it is about three times as fast as the
    /// default level 6, for packages about a fifth larger (a panel pack's 115 KB of content:
    /// 18 KB at level 1, 15 KB at level 6).
    static let deflateLevel: Int32 = 1

    /// An entry kept as it is (ODF's `mimetype` must be).
    init(storing bytes: [UInt8], as name: String) {
        self.name = Array(name.utf8)
        method = .stored
        crc32 = Self.checksum(bytes)
        uncompressedSize = bytes.count
        stored = bytes
    }

    /// An entry compressed with deflate (a raw stream, as zip wants).
    init(deflating bytes: [UInt8], as name: String) throws(XMLWriteError) {
        self.name = Array(name.utf8)
        method = .deflated
        crc32 = Self.checksum(bytes)
        uncompressedSize = bytes.count
        stored = try Self.deflate(bytes)
    }

    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { buffer in
            UInt32(CDeflate.crc32(0, buffer.baseAddress, uInt(buffer.count)))
        }
    }

    static func deflate(_ bytes: [UInt8]) throws(XMLWriteError) -> [UInt8] {
        var stream = z_stream()
        guard deflateInit2_(&stream, deflateLevel, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY,
                            ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw XMLWriteError(message: "zlib could not start a deflate stream")
        }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))))
        let result = bytes.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.avail_in = uInt(input.count)
                stream.next_out = out.baseAddress
                stream.avail_out = uInt(out.count)
                return CDeflate.deflate(&stream, Z_FINISH)
            }
        }
        guard result == Z_STREAM_END else { throw XMLWriteError(message: "zlib could not deflate a part (\(result))") }
        output.removeSubrange(Int(stream.total_out)...)
        return output
    }
}
