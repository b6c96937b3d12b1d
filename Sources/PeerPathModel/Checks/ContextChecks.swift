/// Whether the national context the documents cite is recent enough for the pathway's pay year.
public struct ContextChecks: Sendable {
    /// The context used when the pathway names none (peerpath's own).
    public let defaultContext: NationalContext?

    public init(defaultContext: NationalContext?) {
        self.defaultContext = defaultContext
    }

    public func findings(for pathway: Pathway) -> [Finding] {
        guard let context = pathway.nationalContext ?? defaultContext,
              let months = context.monthsBefore(payYear: pathway.payYear), months > 36 else { return [] }
        let years = months / 12
        let whose = pathway.nationalContext == nil ? "peerpath's national context" : "the pathway's national context"
        let message = "\(whose) is as of \(context.asOf), \(years) years before the pay year \(pathway.payYear) starts; update its facts and 'as-of', or name a newer file with 'national-context:'"
        let location = pathway.nationalContext?.asOfLocation ?? pathway.payYearLocation ?? pathway.location
        return [Finding(.contextOutOfDate, .warning, message, at: location)]
    }
}
