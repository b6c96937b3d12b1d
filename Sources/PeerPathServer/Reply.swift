import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The responses the server gives: pages, JSON, files to download, and errors, each with headers
/// that keep the page to its own assets (a content security policy allowing only this server).
enum Reply {
    static let policy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

    static func html(_ page: String, status: HTTPResponse.Status = .ok) -> Response {
        response(status: status, type: "text/html; charset=utf-8", bytes: Array(page.utf8), cache: false)
    }

    static func json(_ data: Data, status: HTTPResponse.Status = .ok) -> Response {
        response(status: status, type: "application/json", bytes: Array(data), cache: false)
    }

    static func json<Value: Encodable>(_ value: Value, status: HTTPResponse.Status = .ok) -> Response {
        json(encode(value), status: status)
    }

    static func encode<Value: Encodable>(_ value: Value) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)) ?? Data("{}".utf8)
    }

    /// A file to save: its type and the name the browser offers.
    static func download(_ bytes: [UInt8], type: String, name: String) -> Response {
        var reply = response(status: .ok, type: type, bytes: bytes, cache: false)
        reply.headers[HeaderName.contentDisposition] = "attachment; filename=\"\(name)\""
        return reply
    }

    static func asset(_ bytes: [UInt8], type: String) -> Response {
        response(status: .ok, type: type, bytes: bytes, cache: true)
    }

    /// A short error: JSON for a request that asked for JSON (what-if), else plain text.
    static func error(_ status: HTTPResponse.Status, _ message: String, json: Bool = false) -> Response {
        if json {
            return self.json(["error": message], status: status)
        }
        return response(status: status, type: "text/plain; charset=utf-8", bytes: Array((message + "\n").utf8), cache: false)
    }

    private static func response(status: HTTPResponse.Status, type: String, bytes: [UInt8], cache: Bool) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[HeaderName.contentSecurityPolicy] = policy
        headers[HeaderName.contentTypeOptions] = "nosniff"
        headers[HeaderName.referrerPolicy] = "no-referrer"
        headers[.cacheControl] = cache ? "max-age=300" : "no-store"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

/// The header names the server sets or reads beyond those HTTPTypes names.
enum HeaderName {
    static let contentSecurityPolicy = HTTPField.Name("Content-Security-Policy")!
    static let contentTypeOptions = HTTPField.Name("X-Content-Type-Options")!
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    static let contentDisposition = HTTPField.Name("Content-Disposition")!
    static let token = HTTPField.Name("X-PeerPath-Token")!
}
