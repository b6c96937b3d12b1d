import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import PeerPath
import PeerPathDocuments
import PeerPathFormats
import PeerPathModel
@testable import PeerPathServer

/// `peerpath serve`, tested through a real server on a free loopback port: pages with the real
/// data, unknown ids, the what-if, the token and body rules, escaping, previews and downloads.
@Suite(.serialized)
struct ServeTests {
    /// A running server and a client for it.
    final class Running: Sendable {
        let port: Int
        let workbench: Workbench
        let task: Task<Void, any Error>

        init(files: [String], token: String? = nil) async throws {
            let workbench = try Workbench(files: files, installation: TestSupport.installation, token: token)
            let server = try WorkbenchServer(workbench: workbench, port: 0, tokenGiven: token != nil)
            let (stream, continuation) = AsyncStream<Int>.makeStream()
            let app = server.application { port in continuation.yield(port) }
            task = Task { try await app.runService(gracefulShutdownSignals: []) }
            var iterator = stream.makeAsyncIterator()
            port = await iterator.next() ?? 0
            self.workbench = workbench
        }

        deinit { task.cancel() }

        func request(_ path: String, method: String = "GET", body: Data? = nil, headers: [String: String] = [:],
                     token: Bool = true) async throws -> (status: Int, body: Data, headers: [String: String]) {
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
            request.httpMethod = method
            request.httpBody = body
            if method == "POST" && token { request.setValue(workbench.token, forHTTPHeaderField: "X-PeerPath-Token") }
            for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
            let (data, response) = try await URLSession.shared.data(for: request)
            let http = response as! HTTPURLResponse
            var fields: [String: String] = [:]
            for (name, value) in http.allHeaderFields { fields[String(describing: name).lowercased()] = String(describing: value) }
            return (http.statusCode, data, fields)
        }

        func page(_ path: String) async throws -> String {
            let reply = try await request(path)
            #expect(reply.status == 200, "\(path) answered \(reply.status)")
            return String(decoding: reply.body, as: UTF8.self)
        }

        func whatIf(_ path: String, _ json: String) async throws -> (status: Int, json: [String: Any]) {
            let reply = try await request(path + "/what-if", method: "POST", body: Data(json.utf8), headers: ["Content-Type": "application/json"])
            return (reply.status, (try? JSONSerialization.jsonObject(with: reply.body)) as? [String: Any] ?? [:])
        }
    }

    static let adult = TestSupport.repository + "/pathways/nhs-adult-mental-health.yaml"

    @Test func pagesShowTheRealData() async throws {
        let server = try await Running(files: TestSupport.shippedPathways)
        let home = try await server.page("/")
        for served in server.workbench.pathways {
            #expect(home.contains("href=\"/p/\(served.id)\""))
        }
        let ladder = try await server.page("/p/nhs-adult-mental-health")
        let assessment = server.workbench.pathway("nhs-adult-mental-health")!.assessment
        #expect(ladder.contains("<svg"))
        for entry in assessment.roles {
            // Each role is a link in the ladder picture and in the table, with its band and points.
            #expect(ladder.contains("<a href=\"/p/nhs-adult-mental-health/r/\(entry.role.id)\""))
            #expect(ladder.contains("\(entry.evaluation.placement) · \(entry.evaluation.points) points"))
        }
        // Each role's yearly cost and the establishment's are peerpath cost's, bottom to top of the band.
        let bottom = try server.workbench.pipeline.cost(assessment, payPoint: .bottom)
        let top = try server.workbench.pipeline.cost(assessment, payPoint: .top)
        for (low, high) in zip(bottom.posts, top.posts) {
            #expect(ladder.contains("<td>\(Money.text(low.amounts.total)) to \(Money.text(high.amounts.total))</td>"), "\(low.roleID)")
        }
        #expect(ladder.contains("The establishment</th><td>\(Money.text(bottom.total.total)) to \(Money.text(top.total.total))</td>"))
        #expect(ladder.contains("<meta name=\"peerpath-token\" content=\"\(server.workbench.token)\">"))
        #expect(ladder.contains("id=\"findings\""))
        let role = try await server.page("/p/nhs-adult-mental-health/r/peer-leader")
        let leader = assessment.role("peer-leader")!
        #expect(role.contains("<h1>Peer Leader</h1>"))
        #expect(role.contains("<output id=\"points\">\(leader.evaluation.points)</output>"))
        #expect(role.contains("<output id=\"band\">\(leader.evaluation.placement.band!.name)</output>"))
        #expect(role.contains("<section id=\"sensitivity\""))
        for factor in 1...16 {
            #expect(role.contains("<tr data-factor=\"\(factor)\">"))
            #expect(role.contains("<label class=\"visually-hidden\" for=\"level-\(factor)\">"))
        }
        #expect(role.contains("<option value=\"\(leader.evaluation.factor(1)!.level)\" selected>"))
        #expect(role.contains("<ul id=\"duties\">") && role.contains("class=\"remove-duty\""))
        #expect(role.contains("<ul id=\"criteria\">") && role.contains("class=\"remove-criterion\""))
        #expect(role.contains("id=\"duty-search\" type=\"search\"") && role.contains("<ul id=\"duty-results\""))
        #expect(role.contains("<button type=\"button\" id=\"reset\">"))
        #expect(role.contains("id=\"pack\"") && role.contains("id=\"edit\""))
        #expect(role.components(separatedBy: "class=\"preview\"").count - 1 == 6)
        #expect(role.components(separatedBy: "class=\"download\"").count - 1 == 24)
        #expect(role.contains("<section id=\"trace\""))
        // The level's meaning, from the scheme's wording data.
        let wording = server.workbench.wording.factors[1]!.meaning(of: leader.evaluation.factor(1)!.level)!
        #expect(role.contains(HTMLText.escape(wording)))
    }

    @Test func unknownIdsAre404() async throws {
        let server = try await Running(files: [Self.adult])
        for path in ["/p/nope", "/p/nhs-adult-mental-health/r/nope", "/p/nhs-adult-mental-health/r/peer-leader/preview/nope",
                     "/p/nhs-adult-mental-health/r/peer-leader/download/job-description.pdf",
                     "/p/nhs-adult-mental-health/r/peer-leader/download/..%2F..%2Fetc%2Fpasswd",
                     "/p/..%2Fpathways/r/peer-leader", "/assets/..%2FPackage.swift", "/nothing"] {
            let reply = try await server.request(path)
            #expect(reply.status == 404, "\(path) answered \(reply.status)")
        }
        let reply = try await server.request("/p/nope/r/x/what-if", method: "POST", body: Data("{}".utf8))
        #expect(reply.status == 404)
    }

    @Test func whatIfMovesTheBand() async throws {
        let server = try await Running(files: [Self.adult])
        let path = "/p/nhs-adult-mental-health/r/peer-support-worker"
        let entry = server.workbench.pathway("nhs-adult-mental-health")!.assessment.role("peer-support-worker")!
        let unchanged = try await server.whatIf(path, "{}")
        #expect(unchanged.status == 200)
        #expect(unchanged.json["points"] as? Int == entry.evaluation.points)
        #expect(unchanged.json["band"] as? String == entry.evaluation.placement.band?.name)
        // Factor 2 (knowledge) to its top level lifts the total by the difference in points, and the band with it.
        let factor2 = TestSupport.scheme.factor(2)!
        let top = factor2.levels.upperBound
        let changed = try await server.whatIf(path, "{\"levels\": {\"2\": \"\(top)\"}}")
        #expect(changed.status == 200)
        let expected = entry.evaluation.points - entry.evaluation.factor(2)!.points + factor2.points(atLevel: top)
        #expect(changed.json["points"] as? Int == expected)
        #expect(changed.json["band"] as? String == TestSupport.scheme.placement(ofPoints: expected).band?.name)
        #expect(changed.json["band"] as? String != entry.evaluation.placement.band?.name)
        let findings = changed.json["findings"] as? [[String: Any]] ?? []
        #expect(findings.contains { $0["code"] as? String == "override-above-evidence" })
        #expect(findings.contains { $0["code"] as? String == "band-mismatch" })
        let factors = changed.json["factors"] as? [[String: Any]] ?? []
        #expect(factors.count == 16)
        #expect(factors.first { $0["factor"] as? Int == 2 }?["level"] as? String == String(top))
        #expect((changed.json["margins"] as? [String: Any])?["text"] is String)
        #expect((changed.json["sensitivity"] as? [Any])?.count == 16)
        // Removing every duty and adding one from the catalogue, and a criterion.
        let keys = RoleState.dutyKeys(of: entry.role)
        let catalogueID = server.workbench.pathway("nhs-adult-mental-health")!.catalogue.dutyOrder.first { !keys.contains($0) }!
        let removeAll = keys.map { "\"\($0)\"" }.joined(separator: ",")
        let rebuilt = try await server.whatIf(path, "{\"removeDuties\": [\(removeAll)], \"addDuties\": [\"\(catalogueID)\"], \"removeCriteria\": [0], \"addCriteria\": [{\"text\": \"Can keep a diary.\", \"kind\": \"desirable\"}]}")
        #expect(rebuilt.status == 200)
        let duties = rebuilt.json["duties"] as? [[String: Any]] ?? []
        #expect(duties.count == 1 && duties.first?["key"] as? String == catalogueID && duties.first?["number"] as? String == "1.1")
        let criteria = rebuilt.json["criteria"] as? [[String: Any]] ?? []
        #expect(criteria.count == entry.role.criteria.count && criteria.last?["key"] as? String == "new-0")
        // Bad changes are refused with a message, and nothing changes on the server.
        for bad in ["{\"levels\": {\"2\": \"99\"}}", "{\"levels\": {\"17\": \"1\"}}", "{\"addDuties\": [\"no-such-duty\"]}",
                    "{\"removeCriteria\": [999]}", "{\"removeDuties\": [\"nope\"]}"] {
            let refused = try await server.whatIf(path, bad)
            #expect(refused.status == 422, "\(bad) answered \(refused.status)")
            #expect(refused.json["error"] is String)
        }
        #expect(try await server.whatIf(path, "not json").status == 400)
        let after = try await server.whatIf(path, "{}")
        #expect(after.json["points"] as? Int == entry.evaluation.points)
    }

    @Test func postsNeedTheTokenAndASmallBody() async throws {
        let server = try await Running(files: [Self.adult])
        let path = "/p/nhs-adult-mental-health/r/peer-leader/what-if"
        let none = try await server.request(path, method: "POST", body: Data("{}".utf8), token: false)
        #expect(none.status == 403)
        let wrong = try await server.request(path, method: "POST", body: Data("{}".utf8), headers: ["X-PeerPath-Token": "0000"], token: false)
        #expect(wrong.status == 403)
        // The form field works as well as the header.
        let form = try await server.request(path, method: "POST", body: Data("token=\(server.workbench.token)".utf8),
                                            headers: ["Content-Type": "application/x-www-form-urlencoded"], token: false)
        #expect(form.status == 400)
        let big = Data(repeating: UInt8(ascii: " "), count: Safety.bodyLimit + 1)
        #expect(try await server.request(path, method: "POST", body: big).status == 413)
        #expect(try await server.request(path, method: "POST", body: Data("{}".utf8)).status == 200)
        // A request naming another host is refused (DNS rebinding).
        #expect(try await server.request("/", headers: ["Host": "evil.example:\(server.port)"]).status == 403)
        let page = try await server.request("/")
        #expect(page.headers["content-security-policy"]?.contains("default-src 'none'") == true)
    }

    @Test func aNonLoopbackHostNeedsAToken() throws {
        let workbench = try Workbench(files: [Self.adult], installation: TestSupport.installation)
        #expect(throws: PeerPathError.self) { try WorkbenchServer(workbench: workbench, host: "0.0.0.0", tokenGiven: false) }
        do {
            _ = try WorkbenchServer(workbench: workbench, host: "0.0.0.0", tokenGiven: false)
        } catch {
            #expect(error.exitCode == 64)
            #expect(error.message.contains("--token"))
        }
        _ = try WorkbenchServer(workbench: workbench, host: "0.0.0.0", tokenGiven: true)
        _ = try WorkbenchServer(workbench: workbench, host: "127.0.0.1", tokenGiven: false)
    }

    @Test(.enabled(if: PeerPathProcess.executable != nil, "the peerpath executable was not found beside the tests"))
    func theCommandRefusesANonLoopbackHostWithoutAToken() throws {
        let refused = try PeerPathProcess(["serve", Self.adult, "--host", "0.0.0.0"])
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("--host 0.0.0.0 is not a loopback address") && refused.stderr.contains("--token"))
        let badPort = try PeerPathProcess(["serve", Self.adult, "--port", "70000"])
        #expect(badPort.status == 64)
        let missing = try PeerPathProcess(["serve", "/nonexistent/pathway.yaml"])
        #expect(missing.status == 66)
    }

    @Test func hostileTextIsEscaped() async throws {
        let hostile = "<script>alert(\"x\")</script> it's \u{202E}evil"
        var text = TestSupport.read(TestSupport.repository + "/pathways/nhs-perinatal.yaml")
        let yaml = "'" + hostile.replacingOccurrences(of: "'", with: "''") + "'"
        text = text.replacingOccurrences(of: "title: Perinatal Peer Support Worker\n", with: "title: \(yaml)\n")
        text = text.replacingOccurrences(of: "  title: Peer support career pathway, community perinatal mental health service\n",
                                          with: "  title: \(yaml)\n")
        text = text.replacingOccurrences(of: "      - area: Working alongside parents\n        text: >\n          Visit mothers,",
                                          with: "      - area: \(yaml)\n        text: >\n          \(hostile.replacingOccurrences(of: "'", with: "’")) Visit mothers,")
        let folder = TestSupport.temporaryFolder()
        try FileManager.default.copyItem(atPath: TestSupport.repository + "/pathways/catalogue", toPath: folder + "/catalogue")
        let file = folder + "/hostile.yaml"
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        let server = try await Running(files: [file])
        let role = server.workbench.pathway("perinatal")?.pathway.roles.first ?? server.workbench.pathways[0].pathway.roles[0]
        #expect(role.title == hostile)
        let base = "/p/\(server.workbench.pathways[0].id)"
        var pages = [try await server.page("/"), try await server.page(base), try await server.page("\(base)/r/\(role.id)")]
        for kind in RolePage.documentTitles.map(\.0) {
            pages.append(try await server.page("\(base)/r/\(role.id)/preview/\(kind.rawValue)"))
        }
        for page in pages {
            for raw in ["<script>", "\"x\"", "it's", "\u{202E}"] {
                #expect(!page.contains(raw), "a page shows \(raw) unescaped")
            }
        }
        #expect(pages[2].contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; it&#39;s &#x202E;evil"))
        // The what-if answer is JSON: the script puts it in the page as text only.
        let answer = try await server.request("\(base)/r/\(role.id)/what-if", method: "POST", body: Data("{}".utf8))
        #expect(answer.headers["content-type"] == "application/json")
    }

    @Test func htmlEscapingCoversEveryDangerousCharacter() {
        #expect(HTMLText.escape("a&b<c>d\"e'f") == "a&amp;b&lt;c&gt;d&quot;e&#39;f")
        #expect(HTMLText.escape("\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}\u{2066}\u{2067}\u{2068}\u{2069}\u{200E}\u{200F}")
                == "&#x202A;&#x202B;&#x202C;&#x202D;&#x202E;&#x2066;&#x2067;&#x2068;&#x2069;&#x200E;&#x200F;")
        #expect(HTMLText.escape("tab\there\u{0}\u{7}") == "tab\there")
        #expect(HTMLText.escape("peer – support ‘quoted’ €") == "peer – support ‘quoted’ €")
        // Markup from the XML writer (inline SVG) keeps its own tags and entities.
        #expect(String(decoding: HTMLText.escape(markup: Array("<t a=\"x\">it's &amp; \u{202E}</t>".utf8)), as: UTF8.self)
                == "<t a=\"x\">it&#39;s &amp; &#x202E;</t>")
    }

    @Test func previewNumberingMatchesTheODT() async throws {
        let server = try await Running(files: [Self.adult])
        let served = server.workbench.pathway("nhs-adult-mental-health")!
        let documents = try served.documents(using: server.workbench.pipeline)["peer-leader"]!
        let outputs = try served.outputs(using: server.workbench.pipeline)
        for document in documents {
            let page = try await server.page("/p/nhs-adult-mental-health/r/peer-leader/preview/\(document.kind.rawValue)")
            let html = Self.matches(of: "<span class=\"number\">([^<]*)</span>", in: page)
            // The ODT numbers each list with a style whose prefix is the area's; its items count from 1.
            let odt = try ODTPackageReader(data: outputs["nhs-adult-mental-health/peer-leader/\(document.kind.rawValue).odt"]!)
            let content = try odt.text("content.xml")
            var prefixes: [String: String] = [:]
            for style in Self.matches(of: "<text:list-style style:name=\"(Numbered[0-9]+)\"", in: content) {
                let block = content.components(separatedBy: "<text:list-style style:name=\"\(style)\"")[1]
                prefixes[style] = Self.matches(of: "style:num-prefix=\"([^\"]*)\"", in: block).first ?? ""
            }
            var labels: [String] = []
            for list in content.components(separatedBy: "<text:list text:style-name=\"").dropFirst() {
                let style = String(list.prefix { $0 != "\"" })
                guard let prefix = prefixes[style] else { continue }
                let items = list.components(separatedBy: "</text:list>")[0].components(separatedBy: "<text:list-item>").count - 1
                labels += (1...max(items, 1)).prefix(items).map { "\(prefix)\($0)" }
            }
            #expect(!html.isEmpty || labels.isEmpty)
            #expect(html == labels, "\(document.kind.rawValue): HTML \(html.prefix(6)) vs ODT \(labels.prefix(6))")
            // Every heading of the document is in the preview.
            for section in document.sections { #expect(page.contains(HTMLText.escape(section))) }
        }
    }

    @Test func downloadsAreValid() async throws {
        let server = try await Running(files: [Self.adult])
        let validator = try PackageValidator(projectSchema: RelaxNGSchema(path: TestSupport.installation.schemaFile), odfSchemas: nil)
        let folder = TestSupport.temporaryFolder()
        for kind in RolePage.documentTitles.map(\.0) {
            for format in RolePage.formats {
                let reply = try await server.request("/p/nhs-adult-mental-health/r/senior-peer-support-worker/download/\(kind.rawValue).\(format)")
                #expect(reply.status == 200)
                #expect(reply.headers["content-disposition"]?.contains("attachment") == true)
                let file = "\(folder)/\(kind.rawValue).\(format)"
                try reply.body.write(to: URL(fileURLWithPath: file))
                switch format {
                case "odt", "xml": #expect(validator.problems(in: file) == [], "\(file)")
                case "docx":
                    let docx = try ODTPackageReader(data: reply.body)
                    #expect(docx.entryNames.contains("word/document.xml"))
                    _ = try XMLTree(data: try docx.bytes("word/document.xml"), name: file)
                default:
                    #expect(String(decoding: reply.body, as: UTF8.self).hasPrefix("*") || reply.body.count > 100)
                }
            }
        }
        let pack = try await server.request("/p/nhs-adult-mental-health/r/senior-peer-support-worker/pack.zip")
        #expect(pack.status == 200)
        #expect(pack.headers["content-type"] == "application/zip")
        let zip = try ODTPackageReader(data: pack.body)
        let expected = RolePage.documentTitles.flatMap { kind, _ in RolePage.formats.map { "senior-peer-support-worker/\(kind.rawValue).\($0)" } }
        #expect(zip.entryNames == expected)
        let outputs = try server.workbench.pathway("nhs-adult-mental-health")!.outputs(using: server.workbench.pipeline)
        #expect(try zip.bytes("senior-peer-support-worker/panel-pack.odt") == outputs["nhs-adult-mental-health/senior-peer-support-worker/panel-pack.odt"])
        // The same pack twice gives the same bytes.
        #expect(try await server.request("/p/nhs-adult-mental-health/r/senior-peer-support-worker/pack.zip").body == pack.body)
    }

    @Test func catalogueSearchFindsDuties() async throws {
        let server = try await Running(files: [Self.adult])
        let reply = try await server.request("/p/nhs-adult-mental-health/catalogue?q=standards%20peer")
        let duties = (try JSONSerialization.jsonObject(with: reply.body)) as? [[String: Any]] ?? []
        #expect(!duties.isEmpty)
        for duty in duties {
            let text = "\(duty["id"]!) \(duty["area"]!) \(duty["text"]!)".lowercased()
            #expect(text.contains("standards") && text.contains("peer"))
            #expect(duty["evidence"] is [String] && duty["domains"] is [String])
        }
        let assets = try await server.request("/assets/peerpath.js")
        #expect(assets.status == 200 && assets.headers["content-type"]?.hasPrefix("text/javascript") == true)
    }

    @Test func reassessingOneRoleGivesWhatAssessingTheWholePathwayGives() throws {
        let workbench = try Workbench(files: TestSupport.shippedPathways, installation: TestSupport.installation)
        let pipeline = workbench.pipeline
        for served in workbench.pathways {
            for entry in served.assessment.roles {
                var role = entry.role
                role.duties.removeFirst()
                role.criteria.removeLast()
                role.overrides.removeAll { $0.factor == 1 }
                role.overrides.append(Override(factor: 1, level: LevelClaim(1), reason: WhatIf.reason))
                var pathway = served.pathway
                pathway.roles[pathway.roles.firstIndex { $0.id == role.id }!] = role
                let whole = pipeline.assess(pathway, file: served.file)
                let one = pipeline.reassess(role, in: served.assessment, textChanged: true)
                #expect(one.findings.map(\.line).sorted() == whole.findings.map(\.line).sorted(), "\(served.id) \(role.id)")
                #expect(one.role(role.id)!.evaluation.points == whole.role(role.id)!.evaluation.points)
                #expect(one.role(role.id)!.sensitivity.marginBelow == whole.role(role.id)!.sensitivity.marginBelow)
                // A change of level alone leaves the texts, and so the language findings, as they were.
                var levelOnly = entry.role
                levelOnly.overrides.append(Override(factor: 16, level: LevelClaim(1), reason: WhatIf.reason))
                var levelPathway = served.pathway
                levelPathway.roles[levelPathway.roles.firstIndex { $0.id == role.id }!] = levelOnly
                #expect(pipeline.reassess(levelOnly, in: served.assessment, textChanged: false).findings.map(\.line).sorted()
                        == pipeline.assess(levelPathway, file: served.file).findings.map(\.line).sorted())
            }
        }
    }

    @Test func writesDocumentsOnlyIntoTheOutputFolder() async throws {
        let folder = TestSupport.temporaryFolder()
        let workbench = try Workbench(files: [Self.adult], installation: TestSupport.installation, outputFolder: folder + "/out")
        let server = try WorkbenchServer(workbench: workbench, port: 0, tokenGiven: false)
        let (stream, continuation) = AsyncStream<Int>.makeStream()
        let app = server.application { port in continuation.yield(port) }
        let task = Task { try await app.runService(gracefulShutdownSignals: []) }
        defer { task.cancel() }
        var iterator = stream.makeAsyncIterator()
        let port = await iterator.next() ?? 0
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/p/nhs-adult-mental-health/write")!)
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data("token=\(workbench.token)".utf8)
        let (_, response) = try await URLSession.shared.data(for: request)
        #expect((response as! HTTPURLResponse).statusCode == 200)
        let written = try FileManager.default.subpathsOfDirectory(atPath: folder + "/out").filter { $0.hasSuffix(".odt") }
        #expect(written.count == workbench.pathway("nhs-adult-mental-health")!.pathway.roles.count * 6 + 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out"])
        // Without --out there is nothing to write to.
        let plain = try await Running(files: [Self.adult])
        #expect(try await plain.request("/p/nhs-adult-mental-health/write", method: "POST", body: Data()).status == 404)
    }

    static func matches(of pattern: String, in text: String) -> [String] {
        let expression = try! NSRegularExpression(pattern: pattern)
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
