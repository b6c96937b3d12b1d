import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import PeerPath
import PeerPathLoading
@testable import PeerPathServer

/// The edit form, the save and adding a role, through a real server on a loopback port, on copies
/// of the shipped pathways.
@Suite(.serialized)
struct EditRoutesTests {
    /// A running server on a free loopback port, and a client for it.
    final class Running: Sendable {
        let port: Int
        let workbench: Workbench
        let task: Task<Void, any Error>

        init(files: [String]) async throws {
            let workbench = try Workbench(files: files, installation: TestSupport.installation)
            let server = try WorkbenchServer(workbench: workbench, port: 0, tokenGiven: false)
            let (stream, continuation) = AsyncStream<Int>.makeStream()
            let app = server.application { port in continuation.yield(port) }
            task = Task { try await app.runService(gracefulShutdownSignals: []) }
            var iterator = stream.makeAsyncIterator()
            port = await iterator.next() ?? 0
            self.workbench = workbench
        }

        deinit { task.cancel() }

        func request(_ path: String, method: String = "GET", body: Data? = nil, headers: [String: String] = [:],
                     token: Bool = true) async throws -> (status: Int, body: Data) {
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
            request.httpMethod = method
            request.httpBody = body
            if method == "POST" && token { request.setValue(workbench.token, forHTTPHeaderField: "X-PeerPath-Token") }
            for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
            let (data, response) = try await URLSession.shared.data(for: request)
            return ((response as! HTTPURLResponse).statusCode, data)
        }

        func page(_ path: String) async throws -> String {
            let reply = try await request(path)
            #expect(reply.status == 200, "\(path) answered \(reply.status)")
            return String(decoding: reply.body, as: UTF8.self)
        }
    }

    static func form(_ fields: [(String, String)]) -> Data {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return Data(fields.map { "\($0.0.addingPercentEncoding(withAllowedCharacters: allowed)!)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }
            .joined(separator: "&").utf8)
    }

    static func post(_ server: Running, _ path: String, _ fields: [(String, String)], token: Bool = true) async throws -> (status: Int, body: String) {
        let reply = try await server.request(path, method: "POST", body: form(fields),
                                             headers: ["Content-Type": "application/x-www-form-urlencoded"], token: token)
        return (reply.status, String(decoding: reply.body, as: UTF8.self))
    }

    static func unescape(_ text: String) -> String {
        var out = text
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&#x27;", "'"), ("&amp;", "&")] {
            out = out.replacingOccurrences(of: entity, with: character)
        }
        return out
    }

    /// The digest the edit page carries.
    static func digest(in page: String) -> String {
        guard let range = page.range(of: "name=\"digest\" value=\"") else { return "" }
        return String(page[range.upperBound...].prefix(64))
    }

    @Test func theEditPageLabelsEveryControlAndCarriesTheFilesDigest() async throws {
        let file = PathwayEditTests.copy("nhs-adult-mental-health.yaml")
        let server = try await Running(files: [file])
        let page = try await server.page("/p/nhs-adult-mental-health/r/peer-leader/edit")
        #expect(Self.digest(in: page) == ContentDigest.sha256(TestSupport.read(file)))
        #expect(page.contains("name=\"token\" value=\"\(server.workbench.token)\""))
        #expect(page.contains("<input type=\"text\" id=\"title\" name=\"title\" value=\"Peer Leader\">"))
        #expect(page.contains("id=\"edit-duty-search\""))
        // Every control with an id has a label for it.
        let ids = page.matches(of: /<(?:input|select|textarea)[^>]* id="([^"]+)"/).map { String($0.1) }
        #expect(ids.count > 100)
        for id in ids {
            #expect(page.contains("<label for=\"\(id)\""), "no label for \(id)")
        }
        // Each evidence select shows the meaning of its level beside it.
        #expect(page.contains("class=\"level-select\" id=\"evidence-0-F"))
        #expect(page.contains("<p class=\"meaning\" id=\"meaning-evidence-0-F"))
    }

    @Test func aSaveWithoutTheTokenIsRefused() async throws {
        let file = PathwayEditTests.copy("nhs-perinatal.yaml")
        let before = TestSupport.read(file)
        let server = try await Running(files: [file])
        let page = try await server.page("/p/nhs-perinatal/r/perinatal-peer-support-worker/edit")
        let reply = try await Self.post(server, "/p/nhs-perinatal/r/perinatal-peer-support-worker/save",
                                        [("digest", Self.digest(in: page)), ("title", "Hijacked")], token: false)
        #expect(reply.status == 403)
        #expect(TestSupport.read(file) == before)
    }

    @Test func aSaveWritesOnlyTheEditedLinesAndTheServerShowsTheNewFile() async throws {
        let file = PathwayEditTests.copy("nhs-adult-mental-health.yaml")
        let folder = (file as NSString).deletingLastPathComponent
        let old = TestSupport.read(file)
        let server = try await Running(files: [file])
        let page = try await server.page("/p/nhs-adult-mental-health/r/peer-support-worker/edit")
        // The form as a browser sends it: every field, two changed, one catalogue duty ticked.
        var fields: [(String, String)] = [("digest", Self.digest(in: page))]
        for match in page.matches(of: /<input type="text" id="([^"]+)" name="[^"]+" value="([^"]*)"/) {
            fields.append((String(match.1), Self.unescape(String(match.2))))
        }
        fields = fields.map { $0.0 == "title" ? ("title", "Peer Support Worker <Wards> & \"Community\"") : $0 }
        fields.append(("add-duty", "plan-group-outing"))
        let reply = try await Self.post(server, "/p/nhs-adult-mental-health/r/peer-support-worker/save", fields)
        #expect(reply.status == 200)   // after the redirect to the edit page
        #expect(reply.body.contains("Saved to the pathway file."))
        #expect(reply.body.contains("value=\"Peer Support Worker &lt;Wards&gt; &amp; &quot;Community&quot;\""))
        let new = TestSupport.read(file)
        // Put the two edited lines back as they were, and the file is the old one, byte for byte.
        let title = try #require(new.range(of: "    title: Peer Support Worker <Wards> & \"Community\"\n"))
        let duty = try #require(new.range(of: "      - use: plan-group-outing\n", range: title.upperBound..<new.endIndex))
        var undone = new
        undone.removeSubrange(duty)
        undone.replaceSubrange(title, with: "    title: Peer Support Worker\n")
        #expect(undone == old)
        let role = try await server.page("/p/nhs-adult-mental-health/r/peer-support-worker")
        #expect(role.contains("<h1>Peer Support Worker &lt;Wards&gt; &amp; &quot;Community&quot;</h1>"))
        #expect(role.contains("data-duty=\"plan-group-outing\""))
        // Nothing but the pathway file and its catalogue in the folder: no temporary file left.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["catalogue", "nhs-adult-mental-health.yaml"])
    }

    @Test func anInvalidEditShowsTheLoadersMessageBesideTheField() async throws {
        let file = PathwayEditTests.copy("nhs-perinatal.yaml")
        let before = TestSupport.read(file)
        let server = try await Running(files: [file])
        let page = try await server.page("/p/nhs-perinatal/r/perinatal-peer-support-worker/edit")
        let select = try #require(page.firstMatch(of: /id="evidence-0-(F[0-9]+)"/)).1
        let reply = try await Self.post(server, "/p/nhs-perinatal/r/perinatal-peer-support-worker/save",
                                        [("digest", Self.digest(in: page)), ("evidence-0-\(select)", "99")])
        #expect(reply.status == 422)
        #expect(reply.body.contains("<p class=\"field-error\" role=\"alert\" id=\"error-evidence-0-\(select)\">\(file):"))
        #expect(reply.body.contains("aria-describedby=\"error-evidence-0-\(select) meaning-evidence-0-\(select)\" aria-invalid=\"true\""))
        #expect(TestSupport.read(file) == before)
    }

    @Test func aSaveFromAPageOfAnOlderFileIsRefusedWithTheDifference() async throws {
        let file = PathwayEditTests.copy("nhs-adult-mental-health.yaml")
        let server = try await Running(files: [file])
        let page = try await server.page("/p/nhs-adult-mental-health/r/peer-leader/edit")
        let changed = TestSupport.read(file).replacingOccurrences(of: "title: Peer Leader\n", with: "title: Peer Lead (changed by hand)\n")
        try changed.write(toFile: file, atomically: true, encoding: .utf8)
        let reply = try await Self.post(server, "/p/nhs-adult-mental-health/r/peer-leader/save",
                                        [("digest", Self.digest(in: page)), ("title", "From the page")])
        #expect(reply.status == 409)
        #expect(reply.body.contains("id=\"conflict\""))
        #expect(reply.body.contains(/\n-[0-9]+: +title: Peer Leader[\n<]/))
        #expect(reply.body.contains(/\n\+[0-9]+: +title: Peer Lead \(changed by hand\)/))
        #expect(TestSupport.read(file) == changed)
    }

    @Test func addingARoleWritesItAndServesIt() async throws {
        let file = PathwayEditTests.copy("nhs-perinatal.yaml")
        let server = try await Running(files: [file])
        let ladder = try await server.page("/p/nhs-perinatal")
        #expect(ladder.contains("<a href=\"/p/nhs-perinatal/new-role\" id=\"new-role\">"))
        let rolePage = try await server.page("/p/nhs-perinatal/r/perinatal-peer-support-worker")
        #expect(rolePage.contains("href=\"/p/nhs-perinatal/r/perinatal-peer-support-worker/edit\""))
        let page = try await server.page("/p/nhs-perinatal/new-role")
        #expect(page.contains("<label for=\"kind\""))
        let reply = try await Self.post(server, "/p/nhs-perinatal/roles", [
            ("digest", Self.digest(in: page)), ("id", "night-peer-worker"), ("title", "Night Peer Worker"), ("kind", "peer-worker"),
            ("tier", "1"), ("expected-band", "4"), ("reports-to", "senior-perinatal-peer-support-worker"), ("base", "Mother and baby unit"),
            ("supervision-kind", "peer"), ("supervision-detail", "Monthly peer supervision."), ("hours", "30"),
            ("purpose", "Offers peer support to parents on the unit at night."),
            ("duty", "meet-people-with-guidance"), ("duty", "go-with-people"), ("criterion", "lived-experience-recovery"),
        ])
        #expect(reply.status == 200)
        #expect(reply.body.contains("<h1>Edit Night Peer Worker</h1>"))
        let role = try await server.page("/p/nhs-perinatal/r/night-peer-worker")
        #expect(role.contains("<h1>Night Peer Worker</h1>"))
        #expect(TestSupport.read(file).contains("  - id: night-peer-worker\n    title: Night Peer Worker\n"))

        // A role whose id is taken gets the loader's message.
        let again = try await server.page("/p/nhs-perinatal/new-role")
        let refused = try await Self.post(server, "/p/nhs-perinatal/roles", [
            ("digest", Self.digest(in: again)), ("id", "night-peer-worker"), ("title", "Twice"), ("kind", "peer-worker"),
            ("tier", "1"), ("reports-to", "senior-perinatal-peer-support-worker"), ("base", "Unit"), ("supervision-kind", "peer"),
            ("supervision-detail", "Monthly."), ("hours", "30"), ("purpose", "Twice."), ("duty", "go-with-people"),
        ])
        #expect(refused.status == 422)
        #expect(refused.body.contains("night-peer-worker"))
        #expect(refused.body.contains("\(file):"))
    }
}
