import Foundation

/// The kinds of file `generate` writes for each document.
public enum OutputFormat: String, CaseIterable, Sendable, Comparable {
    case odt, docx, pdf, xml, md

    /// What `generate` writes when no `--formats` is given (`pdf` needs LibreOffice, so is asked for).
    public static let defaults: Set<OutputFormat> = [.odt, .docx, .xml, .md]

    public static func < (lhs: OutputFormat, rhs: OutputFormat) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// Reads a comma-separated list ("odt,docx,pdf"): each a known format, at least one.
    public static func parse(_ list: String) throws(PeerPathError) -> Set<OutputFormat> {
        var formats: Set<OutputFormat> = []
        for name in list.split(separator: ",", omittingEmptySubsequences: false) {
            let trimmed = name.trimmingCharacters(in: .whitespaces).lowercased()
            guard let format = OutputFormat(rawValue: trimmed) else {
                let known = allCases.map(\.rawValue).joined(separator: ", ")
                throw PeerPathError(.usage, "peerpath: error: --formats: '\(trimmed)' is not a format peerpath writes (\(known))")
            }
            formats.insert(format)
        }
        guard !formats.isEmpty else { throw PeerPathError(.usage, "peerpath: error: --formats needs at least one format") }
        return formats
    }
}
