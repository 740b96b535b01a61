// Starts the two servers the API benchmark loads, in a process of their own: the service (in-memory
// store) and a bare Hono JSON route as the ceiling. Prints their ports as one JSON line.
import { serve } from "@hono/node-server"
import { Hono } from "hono"
import { silentLogger } from "../src/http/request-log.js"
import { startServer } from "../src/server.js"

const api = await startServer({ port: 0, store: "memory", logger: silentLogger, hostname: "127.0.0.1" })
const bare = new Hono().post("/", (c) => c.json({ ok: true }))
const server = serve({ fetch: bare.fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
  process.stdout.write(`${JSON.stringify({ api: api.port, bare: info.port })}\n`)
})
process.on("SIGTERM", () => {
  server.close()
  void api.close().then(() => process.exit(0))
})
