import Foundation

/// Makes PDFs with LibreOffice: one `soffice --convert-to pdf` process for a whole batch, on the
/// ODT of each document, so a batch of any size pays LibreOffice's start-up once. The ODTs are
/// written to a private temporary folder under plain numbered names (LibreOffice puts every PDF
/// in one output folder, and every role has a `job-description`), converted, and the PDFs staged
/// with the batch's other files, so they are put in place together or not at all.
struct PDFConverter: Sendable {
    let soffice: String

    /// The Debian package that installs `soffice` without a desktop.
    static let debianPackage = "libreoffice-writer-nogui"

    /// LibreOffice on the PATH (or PEERPATH_SOFFICE), or exit 69 naming the package to install.
    static func locate() throws(PeerPathError) -> PDFConverter {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment["PEERPATH_SOFFICE"], !explicit.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: explicit) else {
                throw PeerPathError(.unavailable, "peerpath: error: PEERPATH_SOFFICE names '\(explicit)', which is not a program")
            }
            return PDFConverter(soffice: explicit)
        }
        for folder in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            for name in ["soffice", "libreoffice"] {
                let candidate = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return PDFConverter(soffice: candidate) }
            }
        }
        throw PeerPathError(.unavailable, "peerpath: error: --formats pdf needs LibreOffice (soffice), which is not installed (Debian: apt-get install -y \(debianPackage))")
    }

    /// A batch's ODTs waiting for conversion.
    final class Queue: @unchecked Sendable {
        let folder: String
        private let lock = NSLock()
        private var targets: [String] = []

        init() {
            folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("peerpath-pdf-\(getpid())-\(UUID().uuidString)")
        }

        /// Keeps an ODT to convert into the PDF at `path` (relative to the output folder).
        func add(_ odt: Data, for path: String) throws(PeerPathError) {
            let index: Int = lock.withLock {
                targets.append(path)
                return targets.count
            }
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
                try odt.write(to: URL(fileURLWithPath: "\(folder)/\(index).odt"))
            } catch {
                throw PeerPathError(.io, "\(folder): error: cannot write a document for LibreOffice to convert (\(error.localizedDescription))")
            }
        }

        /// The PDF paths, in the order queued (the ODT of the n-th is `n.odt`).
        func snapshot() -> [String] { lock.withLock { targets } }

        func remove() {
            try? FileManager.default.removeItem(atPath: folder)
        }
    }

    /// Converts every ODT queued in one LibreOffice process; returns each PDF with the path it goes to.
    func convert(_ queue: Queue) throws(PeerPathError) -> [(path: String, data: Data)] {
        let targets = queue.snapshot()
        guard !targets.isEmpty else { return [] }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        process.currentDirectoryURL = URL(fileURLWithPath: queue.folder)
        // A private profile: no first-start dialogue, no clash with a LibreOffice already open.
        process.arguments = ["-env:UserInstallation=file://\(queue.folder)/profile", "--headless", "--norestore", "--nolockcheck",
                             "--convert-to", "pdf", "--outdir", "pdf"] + (1...targets.count).map { "\($0).odt" }
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw PeerPathError(.unavailable, "peerpath: error: LibreOffice (\(soffice)) cannot be started: \(error.localizedDescription)")
        }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        var pdfs: [(path: String, data: Data)] = []
        for (offset, path) in targets.enumerated() {
            guard let data = FileManager.default.contents(atPath: "\(queue.folder)/pdf/\(offset + 1).pdf"), data.starts(with: Array("%PDF".utf8)) else {
                let detail = message.split(whereSeparator: \.isNewline).last.map { ": \($0)" } ?? ""
                throw PeerPathError(.io, "\(path): error: LibreOffice made no PDF (exit \(process.terminationStatus))\(detail)")
            }
            pdfs.append((path, data))
        }
        return pdfs
    }
}
