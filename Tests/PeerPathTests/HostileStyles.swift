import Foundation
@testable import PeerPathFormats

/// Small styles files made at test time, and the corpus's committed copies of them
/// (`Corpus/styles-*.ott`, checked to be byte-identical to what this makes): zips of whatever
/// entries a test names, duplicates, backslashes and NULs included, written with peerpath's own
/// zip writer (which, unlike a zip tool, does not mind).
enum HostileStyles {
    static let namespaces = [
        "office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"", "style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\"",
        "text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"", "draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\"",
        "svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\"", "fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\"",
        "xlink=\"http://www.w3.org/1999/xlink\"",
    ].map { "xmlns:\($0)" }.joined(separator: " ")

    /// A `styles.xml`: a page layout, `styles` inside `office:styles`, `fonts` as font-face
    /// declarations, and `header` as the master page's header paragraph's content.
    static func styles(header: String = "", styles: String = "", fonts: String = "") -> [UInt8] {
        Array("""
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document-styles \(namespaces) office:version="1.3">\
        <office:font-face-decls>\(fonts)</office:font-face-decls>\
        <office:styles>\(styles)</office:styles>\
        <office:automatic-styles><style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"/></style:page-layout></office:automatic-styles>\
        <office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">\
        <style:header><text:p>\(header)</text:p></style:header></style:master-page></office:master-styles>\
        </office:document-styles>
        """.utf8)
    }

    /// A logo in the header pointing at `href`.
    static func image(_ href: String) -> String {
        "<draw:frame draw:name=\"Logo\" text:anchor-type=\"as-char\" svg:width=\"3cm\" svg:height=\"1cm\">"
            + "<draw:image xlink:href=\"\(href)\" xlink:type=\"simple\" xlink:show=\"embed\" xlink:actuate=\"onLoad\"/></draw:frame>"
    }

    /// A `content.xml` that would replace a generated document's body, were it ever carried.
    static let hostileContent = Array("""
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document-content \(namespaces) office:version="1.3"><office:body><office:text><text:p>INJECTED BODY</text:p></office:text></office:body></office:document-content>
        """.utf8)

    static let png: [UInt8] = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] + Array(repeating: 0, count: 56)

    /// A zip of the entries given, `mimetype` first and stored, the rest deflated.
    static func zip(_ entries: [(String, [UInt8])]) -> Data {
        var archive = ZipArchive()
        archive.add(ZipEntry(storing: Array("application/vnd.oasis.opendocument.text-template".utf8), as: "mimetype"))
        for (name, bytes) in entries { archive.add(try! ZipEntry(deflating: bytes, as: name)) }
        return Data(archive.finish())
    }

    /// A template whose header logo points at `href`, carrying `extra` entries too.
    static func linking(to href: String, extra: [(String, [UInt8])] = []) -> Data {
        zip([("styles.xml", styles(header: image(href)))] + extra)
    }

    static func write(_ data: Data, named name: String = "styles.ott") -> String {
        let path = (TestSupport.temporaryFolder() as NSString).appendingPathComponent(name)
        _ = FileManager.default.createFile(atPath: path, contents: data)
        return path
    }

    static let mebibyte = 1024 * 1024

    /// The corpus's styles files (`Corpus/<name>.ott`), by name.
    static let corpus: [(name: String, data: Data)] = [
        ("styles-href-content", linking(to: "content.xml", extra: [("content.xml", hostileContent)])),
        ("styles-href-manifest", linking(to: "META-INF/manifest.xml", extra: [("META-INF/manifest.xml", hostileContent)])),
        ("styles-href-parent", linking(to: "../x.png", extra: [("Pictures/x.png", png)])),
        ("styles-href-absolute", linking(to: "/etc/passwd")),
        ("styles-href-http", linking(to: "http://attacker.invalid/track.png")),
        ("styles-href-file", linking(to: "file:///etc/passwd")),
        ("styles-href-own-picture", linking(to: "Pictures/org-chart.svg", extra: [("Pictures/org-chart.svg", hostileContent)])),
        ("styles-duplicate-entry", zip([("styles.xml", styles()), ("Pictures/logo.png", png), ("Pictures/logo.png", hostileContent)])),
        ("styles-duplicate-styles", zip([("styles.xml", styles()), ("styles.xml", styles(header: image("content.xml")))])),
        ("styles-too-many-entries", zip([("styles.xml", styles())]
                                        + Array(repeating: ("Pictures/logo.png", png), count: OrganisationStyles.maximumEntries))),
        ("styles-pictures-too-big", zip([("styles.xml", styles(header: (1...3).map { image("Pictures/p\($0).png") }.joined()))]
                                        + (1...3).map { ("Pictures/p\($0).png", png + Array(repeating: 0, count: 3 * mebibyte / 2)) })),
        ("styles-backslash-entry", zip([("styles.xml", styles()), ("Pictures\\..\\..\\x.png", png)])),
        ("styles-nul-entry", zip([("styles.xml", styles()), ("Pictures/a\0.png", png)])),
        ("styles-newline-entry", zip([("styles.xml", styles()), ("Pictures/a\nerror: b.png", png)])),
    ]
}
