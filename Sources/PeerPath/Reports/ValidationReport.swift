import PeerPathFormats

/// The `validate` command's result: every problem of every file, and a one-line summary.
public struct ValidationReport: Sendable {
    public let problems: [String]
    public let summary: String

    public init(files: [String], installation: Installation, odfSchemas: String?) throws(PeerPathError) {
        let validator: PackageValidator
        do {
            validator = try PackageValidator(projectSchema: RelaxNGSchema(path: installation.schemaFile), odfSchemas: odfSchemas)
        } catch {
            throw PeerPathError(odfSchemas == nil ? .software : .missingInput, error.description)
        }
        var problems: [String] = []
        var invalid = 0
        for file in files {
            let found = validator.problems(in: file)
            if !found.isEmpty { invalid += 1 }
            problems += found
        }
        self.problems = problems
        self.summary = "\(files.count - invalid) valid, \(invalid) invalid"
    }
}
