import Foundation
@testable import PeerPath
@testable import PeerPathFormats
import Testing

/// Packages built from a generated one with a part added, damaged or made huge: `validate` must
/// call each invalid, never skip what it could not check.
@Suite("validate: every entry checked, bounded, in linear time")
struct PackageValidatorTests {
    static let validator = try! PackageValidator(projectSchema: RelaxNGSchema(path: TestSupport.installation.schemaFile), odfSchemas: nil)

    /// The entries of the fixture's first job description, in order (mimetype first).
    static let entries: [(String, [UInt8])] = {
        let output = TestSupport.pipeline.outputsForTests.first { $0.path.hasSuffix("job-description.odt") }!
        let package = try! ODTPackageReader(data: output.data)
        return package.entryNames.map { ($0, Array(try! package.bytes($0))) }
    }()

    /// A package of the entries given, `mimetype` stored first, the rest deflated.
    static func package(_ entries: [(String, [UInt8])]) -> Data {
        var archive = ZipArchive()
        for (name, bytes) in entries {
            archive.add(name == "mimetype" ? ZipEntry(storing: bytes, as: name) : try! ZipEntry(deflating: bytes, as: name))
        }
        return Data(archive.finish())
    }

    /// The manifest rewritten to list `paths` as well.
    static func manifest(listing paths: [String]) -> (String, [UInt8]) {
        let manifest = String(decoding: entries.first { $0.0 == "META-INF/manifest.xml" }!.1, as: UTF8.self)
        let lines = paths.map { "<manifest:file-entry manifest:full-path=\"\($0)\" manifest:media-type=\"image/png\"/>" }.joined()
        return ("META-INF/manifest.xml", Array(manifest.replacingOccurrences(of: "</manifest:manifest>", with: lines + "</manifest:manifest>").utf8))
    }

    static func problems(_ data: Data) -> (file: String, problems: [String]) {
        let file = HostileStyles.write(data, named: "package.odt")
        return (file, validator.problems(in: file))
    }

    /// Where each header of the named entry keeps a field: local headers at `local`, central ones at `central`.
    static func patch(_ data: inout Data, entry name: String, local: Int?, central: Int, _ change: (inout UInt8) -> Void) {
        let bytes = [UInt8](data)
        let nameBytes = Array(name.utf8)
        for index in 0..<(bytes.count - 46) {
            if let local, bytes[index..<index + 4] == [0x50, 0x4b, 0x03, 0x04], Array(bytes[index + 30..<min(index + 30 + nameBytes.count, bytes.count)]) == nameBytes {
                change(&data[index + local])
            }
            if bytes[index..<index + 4] == [0x50, 0x4b, 0x01, 0x02], Array(bytes[index + 46..<min(index + 46 + nameBytes.count, bytes.count)]) == nameBytes {
                change(&data[index + central])
            }
        }
    }

    @Test func aGeneratedPackageIsValid() {
        #expect(Self.problems(Self.package(Self.entries)).problems == [])
    }

    @Test func twoEntriesWithOneNameMakeThePackageInvalid() {
        let hostile = ("content.xml", HostileStyles.hostileContent)
        let (file, problems) = Self.problems(Self.package(Self.entries + [hostile]))
        #expect(problems.contains("\(file): error: two entries are named 'content.xml'"), "\(problems)")
    }

    @Test func aPartThatCannotBeUnpackedMakesThePackageInvalid() {
        var data = Self.package(Self.entries)
        // A wrong CRC-32 in both headers of content.xml.
        Self.patch(&data, entry: "content.xml", local: 14, central: 16) { $0 ^= 0xff }
        let (file, problems) = Self.problems(data)
        #expect(problems.contains { $0.hasPrefix("\(file): error: 'content.xml' cannot be unpacked") }, "\(problems)")
    }

    @Test func aPictureThatCannotBeUnpackedMakesThePackageInvalid() {
        var data = Self.package(Self.entries.map { $0.0 == "META-INF/manifest.xml" ? Self.manifest(listing: ["Pictures/logo.png"]) : $0 }
                            + [("Pictures/logo.png", HostileStyles.png)])
        Self.patch(&data, entry: "Pictures/logo.png", local: 14, central: 16) { $0 ^= 0xff }
        let (file, problems) = Self.problems(data)
        #expect(problems.contains { $0.hasPrefix("\(file): error: 'Pictures/logo.png' cannot be unpacked") }, "\(problems)")
    }

    @Test func aPartOverTheCapMakesThePackageInvalid() {
        let huge = Array("<?xml version=\"1.0\"?><office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"/>".utf8)
            + Array(repeating: UInt8(ascii: " "), count: 70 * 1024 * 1024)
        let data = Self.package(Self.entries.map { $0.0 == "content.xml" ? ("content.xml", huge) : $0 })
        let (file, problems) = Self.problems(data)
        #expect(problems.contains("\(file): error: 'content.xml' unpacks to more than \(PackageValidator.maximumPartSize / 1024 / 1024) MiB; peerpath checks parts of at most that"), "\(problems)")
    }

    @Test func anInputOverTheSizeCapIsInvalidWithoutBeingRead() throws {
        let file = TestSupport.temporaryFolder() + "/huge.odt"
        _ = FileManager.default.createFile(atPath: file, contents: Data())
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
        try handle.truncate(atOffset: UInt64(PackageValidator.maximumFileSize + 1))
        try handle.close()
        #expect(Self.validator.problems(in: file) == ["\(file): error: is larger than \(PackageValidator.maximumFileSize / 1024 / 1024) MiB; peerpath validates files of at most that"])
    }

    @Test func anEntryTheZipReaderCannotReachMakesThePackageInvalid() {
        // An entry flagged as encrypted, after which a zip reader that stops at it would see nothing more.
        var data = Self.package(Self.entries + [("Pictures/hidden.png", HostileStyles.png), ("content.xml", HostileStyles.hostileContent)])
        Self.patch(&data, entry: "Pictures/hidden.png", local: 6, central: 8) { $0 |= 1 }
        let (file, problems) = Self.problems(data)
        let expected = "\(file): error: the central directory lists \(Self.entries.count + 2) entries, but only the first \(Self.entries.count) can be read"
        #expect(problems.contains { $0.hasPrefix(expected) }, "\(problems)")
    }

    @Test func unsafeEntryNamesMakeThePackageInvalid() {
        for name in ["../x.png", "/etc/x.png", "Pictures\\x.png", "Pictures/a\0.png"] {
            let data = Self.package(Self.entries.map { $0.0 == "META-INF/manifest.xml" ? Self.manifest(listing: [name]) : $0 } + [(name, HostileStyles.png)])
            let (file, problems) = Self.problems(data)
            #expect(problems.contains { $0.hasPrefix("\(file): error: an entry is named '") && $0.contains("which is not a safe name") }, "\(name): \(problems)")
        }
    }

    @Test func anEntryPointingPastTheEndIsInvalidNotACrash() throws {
        // Found by FuzzStylesImporter: ZIPFoundation's in-memory reader trapped on it, and validate read packages from memory.
        let file = TestSupport.temporaryFolder() + "/read-past-end.odt"
        try FileManager.default.copyItem(atPath: TestSupport.fixture("styles/read-past-end.ott"), toPath: file)
        #expect(Self.validator.problems(in: file).contains("\(file): error: the central directory lists 2 entries, but only the first 1 can be read (the next is damaged or encrypted)"))
    }

    @Test func aManifestListingAPathTwiceIsInvalid() {
        let manifest = Self.manifest(listing: ["content.xml"])
        let (file, problems) = Self.problems(Self.package(Self.entries.map { $0.0 == manifest.0 ? manifest : $0 }))
        #expect(problems == ["\(file): error: the manifest lists 'content.xml' more than once"])
    }

    @Test func manifestAndEntryChecksAreLinear() {
        // The most entries a package may have, every one listed in the manifest.
        let names = (1...(PackageValidator.maximumEntries - Self.entries.count)).map { "Pictures/p\($0).png" }
        let data = Self.package(Self.entries.map { $0.0 == "META-INF/manifest.xml" ? Self.manifest(listing: names) : $0 }
                                + names.map { ($0, HostileStyles.png) })
        let start = Date()
        let (_, problems) = Self.problems(data)
        let seconds = Date().timeIntervalSince(start)
        #expect(problems == [])
        #expect(seconds < 5, "took \(seconds) s")
    }

    @Test func tooManyEntriesMakeThePackageInvalid() {
        let names = (0...PackageValidator.maximumEntries).map { "Pictures/p\($0).png" }
        let (file, problems) = Self.problems(Self.package(Self.entries + names.map { ($0, HostileStyles.png) }))
        #expect(problems.contains("\(file): error: has \(PackageValidator.maximumEntries + Self.entries.count + 1) entries; peerpath validates packages of at most \(PackageValidator.maximumEntries)"), "\(problems.prefix(3))")
    }
}

extension Pipeline {
    var outputsForTests: [OutputFile] {
        let file = TestSupport.fixture("two-roles.yaml")
        return try! outputs(for: load(file), file: file)
    }
}
