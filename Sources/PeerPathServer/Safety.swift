import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The rules every request passes before its route: on a loopback address only requests naming a
/// loopback host (so another site cannot reach the server through a name it controls); with
/// `--token` on another address, the token on every request (once as `?token=`, then a cookie);
/// and on every POST a body of at most 64 KiB (413 beyond) carrying the session token in the
/// `X-PeerPath-Token` header or a form field `token` (403 without).
struct Safety: RouterMiddleware {
    typealias Context = BasicRequestContext

    /// The largest request body accepted.
    static let bodyLimit = 64 * 1024

    let token: String
    /// True when bound to a loopback address: the Host header must name loopback too.
    let loopback: Bool
    /// True when GET requests must carry the token too (a non-loopback address with `--token`).
    let tokenOnEveryRequest: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if loopback, !Self.isLoopback(authority: request.head.authority) {
            return Reply.error(.forbidden, "peerpath serve answers only requests addressed to 127.0.0.1, localhost or [::1]")
        }
        if tokenOnEveryRequest, request.method != .post {
            if let given = request.uri.queryParameters.get("token") {
                guard Self.same(given, token) else { return Reply.error(.forbidden, "wrong token") }
                // Keep the token in a cookie and drop it from the address bar.
                var reply = Response(status: .seeOther)
                reply.headers[.location] = request.uri.path
                reply.headers[.setCookie] = "peerpath-token=\(token); Path=/; HttpOnly; SameSite=Strict"
                return reply
            }
            guard let cookie = request.cookies["peerpath-token"], Self.same(cookie.value, token) else {
                return Reply.error(.forbidden, "this server needs its token: open it once as /?token=TOKEN")
            }
        }
        guard request.method == .post else { return try await next(request, context) }
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > Self.bodyLimit {
            return Reply.error(.contentTooLarge, "the request body is over \(Self.bodyLimit / 1024) KiB")
        }
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: Self.bodyLimit)
        } catch is NIOTooManyBytesError {
            return Reply.error(.contentTooLarge, "the request body is over \(Self.bodyLimit / 1024) KiB")
        }
        let given = request.headers[HeaderName.token] ?? Self.formField("token", in: body, type: request.headers[.contentType])
        guard let given, Self.same(given, token) else {
            return Reply.error(.forbidden, "this request lacks the page's token (header X-PeerPath-Token or form field token)")
        }
        return try await next(request, context)
    }

    static func isLoopback(authority: String?) -> Bool {
        guard let authority else { return false }
        let host: Substring
        if authority.hasPrefix("[") {
            host = authority.prefix { $0 != "]" }.dropFirst()
        } else {
            host = authority.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        }
        return host == "127.0.0.1" || host.lowercased() == "localhost" || host == "::1"
    }

    /// A field of an `application/x-www-form-urlencoded` body.
    static func formField(_ name: String, in body: ByteBuffer, type: String?) -> String? {
        guard let type, type.lowercased().hasPrefix("application/x-www-form-urlencoded") else { return nil }
        let text = String(buffer: body)
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0] == name else { continue }
            return String(parts[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
        }
        return nil
    }

    /// Compares two tokens in time that does not depend on where they differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }
}
