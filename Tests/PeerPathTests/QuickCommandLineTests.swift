import Testing
@testable import peerpath

/// The plain command lines read without ArgumentParser give exactly what ArgumentParser reads from
/// the same words, and every other command line is left to ArgumentParser.
@Suite("Command lines read without ArgumentParser")
struct QuickCommandLineTests {
    static let forms: [[String]] = {
        var forms: [[String]] = []
        let options = [[], ["--format", "json"], ["--format", "text"], ["--catalogue", "cat"], ["--share", "share"],
                       ["--format", "json", "--share", "s", "--catalogue", "c"]]
        for command in ["check", "lint"] {
            for extra in options {
                forms.append([command, "a.yaml"] + extra)
                forms.append([command] + extra + ["a.yaml", "pathways"])
                forms.append([command, "a.yaml"] + extra + ["b.yaml"])
            }
        }
        for extra in options {
            forms.append(["evaluate", "a.yaml"] + extra)
            forms.append(["evaluate"] + extra + ["a.yaml", "--role", "peer-leader"])
            forms.append(["trace", "a.yaml", "--role", "lead"] + extra)
            forms.append(["trace", "--role", "lead"] + extra + ["a.yaml"])
        }
        return forms
    }()

    /// Command lines that must go to ArgumentParser: help, other commands, other spellings, repeats,
    /// values like options, a wrong format, a missing or extra pathway, a missing role.
    static let leftToArgumentParser: [[String]] = [
        [], ["--version"], ["--help"], ["help"], ["check"], ["check", "--help"], ["check", "-h"], ["check", "a.yaml", "--help"],
        ["check", "help"], ["help", "check"], ["generate", "a.yaml"], ["cost", "a.yaml"], ["check", "--format=json", "a.yaml"],
        ["check", "a.yaml", "--format", "xml"], ["check", "a.yaml", "--format"], ["check", "a.yaml", "--share", "a", "--share", "b"],
        ["check", "a.yaml", "--share", "--format"], ["check", "--", "a.yaml"], ["check", "-a.yaml"], ["check", ""],
        ["check", "a.yaml", "--role", "x"], ["lint", "a.yaml", "--jobs", "2"], ["evaluate"], ["evaluate", "a.yaml", "b.yaml"],
        ["trace", "a.yaml"], ["trace", "a.yaml", "--role"], ["trace", "a.yaml", "b.yaml", "--role", "x"], ["check", "a.yaml", "--share", ""],
        ["evaluate", "a.yaml", "--role", "-x"], ["Check", "a.yaml"], ["check", "a.yaml", "--format", "JSON"],
    ]

    /// What ArgumentParser reads from the words, as the same request.
    static func parsed(_ arguments: [String]) throws -> QuickCommandLine {
        let command = try PeerPathCommand.parseAsRoot(arguments)
        switch command {
        case let check as Check: return .check(check.options.request)
        case let lint as Lint: return .lint(lint.options.request)
        case let evaluate as Evaluate:
            return .evaluate(EvaluateRequest(pathway: evaluate.pathway, role: evaluate.role, format: evaluate.format,
                                             catalogue: evaluate.catalogue.catalogue, share: evaluate.share.share))
        case let trace as TraceCommand:
            return .trace(TraceRequest(pathway: trace.pathway, role: trace.role, format: trace.format,
                                       catalogue: trace.catalogue.catalogue, share: trace.share.share))
        default:
            Issue.record("not one of the four commands: \(arguments)")
            throw CancellationError()
        }
    }

    @Test(arguments: forms)
    func aPlainCommandLineIsReadAsArgumentParserReadsIt(arguments: [String]) throws {
        let quick = try #require(QuickCommandLine.read(arguments), "\(arguments)")
        #expect(quick == (try Self.parsed(arguments)))
    }

    @Test(arguments: leftToArgumentParser)
    func anyOtherCommandLineIsLeftToArgumentParser(arguments: [String]) {
        #expect(QuickCommandLine.read(arguments) == nil)
    }

    @Test func theFormsCoverEveryCommandAndOption() {
        let words = Set(Self.forms.joined())
        for word in ["check", "lint", "evaluate", "trace", "--format", "json", "text", "--catalogue", "--share", "--role"] {
            #expect(words.contains(word))
        }
        #expect(Self.forms.count >= 60)
    }
}
