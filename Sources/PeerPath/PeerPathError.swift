import PeerPathDocuments
import PeerPathFormats
import PeerPathLoading

/// A failure of a whole command, with the exit code a Makefile can rely on and one message line.
/// (Error findings are not failures: the commands report them and exit 1 themselves.)
public struct PeerPathError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable {
        /// The command line names something that does not exist (exit 64, EX_USAGE).
        case usage
        /// Input data is wrong (exit 65, EX_DATAERR).
        case badData
        /// An input is missing (exit 66, EX_NOINPUT).
        case missingInput
        /// A program a command needs is not installed (exit 69, EX_UNAVAILABLE).
        case unavailable
        /// peerpath's own files (templates, styles, schema) are broken (exit 70, EX_SOFTWARE).
        case software
        /// Output cannot be written (exit 74, EX_IOERR).
        case io
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var exitCode: Int32 {
        switch kind {
        case .usage: 64
        case .badData: 65
        case .missingInput: 66
        case .unavailable: 69
        case .software: 70
        case .io: 74
        }
    }

    public var description: String { message }

    init(_ error: LoadError) {
        self.init(error.kind == .missingInput ? .missingInput : .badData, error.description)
    }

    init(_ error: TemplateError) {
        self.init(.software, error.description)
    }

    init(_ error: XMLReadError) {
        self.init(.software, error.description)
    }
}
