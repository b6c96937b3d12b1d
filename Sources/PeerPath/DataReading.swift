import Foundation
import PeerPathLoading
import PeerPathModel

/// peerpath's own data as a command needs it, read on a thread of its own: first the scheme, the
/// evidence cues, the competence domains, the national context and the pay year (`data()`), handed
/// over as soon as they are read, then the language word lists (`words`), four files, which the
/// thread that builds the pipeline shares once it has parsed and loaded the pathway: each file is
/// read by whichever thread takes it first.
///
/// A command run by hand on one pathway starts its reading before its command line is even parsed
/// (`Pipeline.readEarly`), from the data folder and for the needs that command will ask for; the
/// pipeline takes that reading when it asks for the same, and starts its own otherwise. A reading
/// only reads: taken or not, it changes nothing and no result, only when the work is done.
final class DataReading: Sendable {
    /// What a reading is for: the data folder, what the command uses, the checks it runs.
    struct Purpose: Equatable, Sendable {
        var root: String
        var needs: Pipeline.Needs
        var checks: Set<FindingCode.Family>
    }

    /// The data, apart from the word lists.
    struct Data: Sendable {
        var scheme: Scheme
        var cues: EvidenceCues
        var domains: [CompetenceDomain]
        var nationalContext: NationalContext?
        var costing: EstablishmentCosting?
    }

    let purpose: Purpose
    /// The data as one piece of work (which the pipeline's thread does itself if the reading's
    /// own thread has not begun it).
    private let dataPiece: SharedPieces<Result<Data, LoadError>>
    /// The word lists, one piece a file; nil when the command runs no language checks.
    private let wordLists: SharedPieces<Result<LanguageLoader.WordList, LoadError>>?

    /// Starts reading on another thread.
    init(_ installation: Installation, purpose: Purpose) {
        self.purpose = purpose
        let dataPiece = SharedPieces([{ @Sendable in Self.read(installation, needs: purpose.needs, checks: purpose.checks) }])
        let wordLists = purpose.needs.contains(.language) ? SharedPieces(LanguageLoader.pieces(folder: installation.languageFolder)) : nil
        (self.dataPiece, self.wordLists) = (dataPiece, wordLists)
        SecondCore.shared.run {
            dataPiece.work()
            wordLists?.work()
        }
    }

    /// The data, once read.
    func data() throws(LoadError) -> Data {
        try dataPiece.values()[0].get()
    }

    /// The word lists (nil when the command runs no language checks): this thread reads the files
    /// the reading's own thread has not begun, then waits for the rest.
    func words() throws(LoadError) -> LanguageData? {
        guard let wordLists else { return nil }
        return try LanguageLoader.assemble(wordLists.values())
    }

    private static func read(_ installation: Installation, needs: Pipeline.Needs, checks: Set<FindingCode.Family>) -> Result<Data, LoadError> {
        Result { () throws(LoadError) in
            // In this order, so that of two broken files the same one is reported as ever.
            let scheme = try SchemeLoader.load(file: installation.schemeFile)
            let cues = checks.contains(.evidence) ? try EvidenceCueLoader.load(file: installation.evidenceCuesFile, scheme: scheme) : .none
            let domains = try DomainLoader.load(file: installation.domainsFile)
            let nationalContext = checks.contains(.practice) ? try NationalContextLoader.load(file: installation.nationalContextFile) : nil
            var costing: EstablishmentCosting?
            if needs.contains(.costs) || needs.contains(.documents) {
                let (onCosts, hours) = try OnCostsLoader.load(file: installation.onCostsFile)
                costing = EstablishmentCosting(payScale: try PayScaleLoader.load(file: installation.payScaleFile), onCosts: onCosts, fullTimeHours: hours)
            }
            return Data(scheme: scheme, cues: cues, domains: domains, nationalContext: nationalContext, costing: costing)
        }
    }

    // MARK: The reading started before the command line was parsed

    private static let lock = NSLock()
    nonisolated(unsafe) private static var early: DataReading?

    /// Starts a reading for later: the next pipeline built for the same purpose takes it.
    @discardableResult
    static func startEarly(_ installation: Installation, purpose: Purpose) -> DataReading {
        let reading = DataReading(installation, purpose: purpose)
        lock.withLock { early = reading }
        return reading
    }

    /// The reading started early for this purpose, handed over once; or a new one started now.
    static func take(_ installation: Installation, purpose: Purpose) -> DataReading {
        let taken: DataReading? = lock.withLock {
            guard let reading = early, reading.purpose == purpose else { return nil }
            early = nil
            return reading
        }
        return taken ?? DataReading(installation, purpose: purpose)
    }
}
