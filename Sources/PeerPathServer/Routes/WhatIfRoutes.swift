import Foundation
import Hummingbird
import NIOCore
import PeerPathModel

/// `POST /p/{pathway}/r/{role}/what-if`: JSON in, the re-evaluated role out. Never saves.
struct WhatIfRoutes {
    let workbench: Workbench

    func register(on router: Router<BasicRequestContext>) {
        let lookup = Lookup(workbench: workbench)
        router.post("/p/:pathway/r/:role/what-if") { request, context in
            switch lookup.role(context) {
            case .failure(let miss): return lookup.notFound(miss, json: true)
            case .success(let (served, role)):
                var request = request
                let body = try await request.collectBody(upTo: Safety.bodyLimit)
                let change: WhatIf
                do {
                    change = try JSONDecoder().decode(WhatIf.self, from: Data(buffer: body))
                } catch {
                    return Reply.error(.badRequest, "the what-if is not the JSON expected: {\"levels\": {\"3\": \"4\"}, \"removeDuties\": [], \"addDuties\": [], \"removeCriteria\": [], \"addCriteria\": []}", json: true)
                }
                let key = role.id + "\n" + change.key
                if let answer = served.answers.answer(key) { return Reply.json(answer) }
                switch WhatIfEvaluation(workbench: workbench).answer(change, role: role, served: served) {
                case .success(let answer):
                    let data = Reply.encode(answer)
                    served.answers.keep(data, for: key)
                    return Reply.json(data)
                case .failure(let error): return Reply.error(.unprocessableContent, error.message, json: true)
                }
            }
        }
    }
}
