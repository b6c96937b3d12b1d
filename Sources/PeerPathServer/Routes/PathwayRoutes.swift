import Foundation
import Hummingbird
import PeerPath
import PeerPathModel

/// `/`, `/p/{pathway}` and the catalogue search `/p/{pathway}/catalogue?q=TEXT`.
struct PathwayRoutes {
    let workbench: Workbench

    func register(on router: Router<BasicRequestContext>) {
        let lookup = Lookup(workbench: workbench)
        router.get("/") { _, _ in
            Reply.html(PathwaysPage(workbench: workbench).render())
        }
        router.get("/p/:pathway") { _, context in
            switch lookup.pathway(context) {
            case .failure(let miss): return lookup.notFound(miss)
            case .success(let served): return Reply.html(try LadderPage(workbench: workbench, served: served).render())
            }
        }
        router.get("/p/:pathway/catalogue") { request, context in
            switch lookup.pathway(context) {
            case .failure(let miss): return lookup.notFound(miss, json: true)
            case .success(let served):
                let query = request.uri.queryParameters.get("q") ?? ""
                return Reply.json(CatalogueSearch(served: served, scheme: workbench.pipeline.scheme).duties(matching: query))
            }
        }
    }
}

/// The catalogue duties whose id, area or text hold every word of the query, as `peerpath catalogue
/// --search` finds them: id, text, domains and the levels each evidences. At most 25.
struct CatalogueSearch {
    let served: ServedPathway
    let scheme: Scheme

    struct Match: Encodable {
        var id: String
        var area: String
        var text: String
        var domains: [String]
        var evidence: [String]
    }

    static let limit = 25

    func duties(matching query: String) -> [Match] {
        let words = query.lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
        var matches: [Match] = []
        for id in served.catalogue.dutyOrder {
            guard let duty = served.catalogue.duties[id] else { continue }
            let haystack = "\(id) \(duty.area) \(duty.text)".lowercased()
            guard words.allSatisfy({ haystack.contains($0) }) else { continue }
            matches.append(Match(id: id, area: duty.area, text: duty.text, domains: duty.domains,
                                 evidence: duty.evidence.map { "F\($0.factor) \($0.level)" }))
            if matches.count == Self.limit { break }
        }
        return matches
    }
}
