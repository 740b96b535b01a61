// What the service answers when Node's HTTP parser refuses a request before any route sees it: a URL and
// headers over Node's 16 KiB limit, a request that did not arrive in time, or bytes that are not HTTP.
// Node's own answer has no body; this one carries the documented error shape, like every other 4xx.
import type { Server } from "node:http"
import type { Duplex } from "node:stream"
import type { ErrorBody } from "./api-error.js"

interface ParserError extends Error {
  readonly code?: string
}

interface Refusal {
  readonly status: number
  readonly reason: string
  readonly error: string
  readonly message: string
}

const headersTooLarge: Refusal = {
  status: 431,
  reason: "Request Header Fields Too Large",
  error: "RequestHeaderFieldsTooLarge",
  message: "the request line and headers are over 16 KiB (no id or query value of this service is that long)",
}
const timedOut: Refusal = {
  status: 408,
  reason: "Request Timeout",
  error: "RequestTimeout",
  message: "the request did not arrive in time",
}
const notHttp: Refusal = {
  status: 400,
  reason: "Bad Request",
  error: "MalformedRequest",
  message: "the request is not valid HTTP/1.1",
}

/** The refusal for a parser error code (the codes Node's default handler answers the same way). */
export const parserRefusal = (code: string | undefined): Refusal =>
  code === "HPE_HEADER_OVERFLOW" ? headersTooLarge : code === "ERR_HTTP_REQUEST_TIMEOUT" ? timedOut : notHttp

/** The raw HTTP/1.1 answer for a refusal: a JSON error body, and the connection closed. */
export const refusalResponse = ({ status, reason, error, message }: Refusal) => {
  const body: ErrorBody = { error, message, issues: [{ path: "", message }] }
  const text = JSON.stringify(body)
  return `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`
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
