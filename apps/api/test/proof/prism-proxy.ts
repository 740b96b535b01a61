// Stoplight Prism in validating-proxy mode in front of a running service: it forwards every request,
// checks it and the answer against the OpenAPI document, and names what breaks the document in the
// `sl-violations` header. Without --errors it forwards invalid requests too, so the service's own answer
// to them is checked as well (see docs/decisions/0013).
import { type ChildProcess, spawn } from "node:child_process"
import { createRequire } from "node:module"
import { createServer } from "node:net"
import { dirname, join } from "node:path"

/** One violation as Prism reports it; `location` starts with "request" or "response". */
export interface Violation {
  readonly location: ReadonlyArray<string>
  readonly severity: string
  readonly code?: string | number
  readonly message: string
}

export interface PrismProxy {
  readonly url: string
  readonly stop: () => Promise<void>
}

const require = createRequire(import.meta.url)

/** The CLI's entry point, from the installed package (run with this Node, not a global one). */
const prismEntry = (): string => {
  const manifest = require.resolve("@stoplight/prism-cli/package.json")
  const { bin } = require(manifest) as { bin: Record<string, string> }
  return join(dirname(manifest), bin.prism ?? "dist/index.js")
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer()
    probe.on("error", reject)
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address()
      const port = typeof address === "object" && address !== null ? address.port : 0
      probe.close(() => resolve(port))
    })
  })

/** Starts `prism proxy <document> <upstream>` and resolves once it listens. */
export const startPrismProxy = async (documentPath: string, upstream: string): Promise<PrismProxy> => {
  const port = await freePort()
  const child: ChildProcess = spawn(
    process.execPath,
    [prismEntry(), "proxy", documentPath, upstream, "--host", "127.0.0.1", "--port", String(port)],
    { stdio: ["ignore", "pipe", "pipe"] },
  )
  // Kept for the error message if Prism never comes up; its per-request log lines are dropped.
  let output = ""
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000)
  }
  child.stderr?.on("data", keep)
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()))
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      keep(chunk)
      if (output.includes("Prism is listening")) resolve()
    })
    child.once("exit", (code) => reject(new Error(`prism exited (${code}) before listening:\n${output}`)))
  })
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM")
      await exited
    },
  }
}

/** The violations Prism found in one exchange (none when the header is absent). */
export const violationsOf = (response: Response): ReadonlyArray<Violation> => {
  const header = response.headers.get("sl-violations")
  if (header === null || header === "") return []
  // Past 8 KiB Prism cuts the list and says so ("Too many violations! [..."): read what is left of it.
  if (!header.startsWith("Too many violations!")) return JSON.parse(header) as ReadonlyArray<Violation>
  return [
    ...header.matchAll(
      /"location":\[([^\]]*)\],"severity":"(\w+)"(?:[^{}]*?"message":"((?:[^"\\]|\\.)*)")?/g,
    ),
  ].map((m) => ({
    location: JSON.parse(`[${m[1]}]`) as ReadonlyArray<string>,
    severity: m[2] ?? "",
    message: m[3] ?? "(cut off)",
  }))
}
