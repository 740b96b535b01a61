// What the service answers when Node's HTTP parser refuses a request before any route sees it: a URL and
// headers over Node's 16 KiB limit, a request that did not arrive in time, or bytes that are not HTTP.
// Node's own answer has no body; this one carries the documented error shape, like every other 4xx, with
// its status from the one error table.
import { type Server, STATUS_CODES } from "node:http"
import type { Duplex } from "node:stream"
import { MalformedRequest, RequestHeaderFieldsTooLarge, RequestTimeout } from "./api-error.js"
import { answerTo } from "./error-table.js"

interface ParserError extends Error {
  readonly code?: string
}

/** The tagged error for a parser error code (the codes Node's default handler answers the same way). */
export const parserRefusal = (code: string | undefined) =>
  code === "HPE_HEADER_OVERFLOW"
    ? new RequestHeaderFieldsTooLarge({
        message:
          "the request line and headers are over 16 KiB (no id or query value of this service is that long)",
      })
    : code === "ERR_HTTP_REQUEST_TIMEOUT"
      ? new RequestTimeout({ message: "the request did not arrive in time" })
      : new MalformedRequest({ message: "the request is not valid HTTP/1.1" })

/** The raw HTTP/1.1 answer for a refusal: a JSON error body, and the connection closed. */
export const refusalResponse = (refusal: ReturnType<typeof parserRefusal>) => {
  const { status, body } = answerTo(refusal)
  const text = JSON.stringify(body)
  return `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ""}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`
}

/** Answers parser refusals with a JSON error body, then closes the connection (what Node does, with a body). */
export const answerParserRefusals = (server: Server) => {
  server.on("clientError", (error: ParserError, socket: Duplex) => {
    // A reset socket has nobody to answer.
    if (error.code === "ECONNRESET" || !socket.writable) {
      socket.destroy()
      return
    }
    socket.end(refusalResponse(parserRefusal(error.code)))
  })
}
