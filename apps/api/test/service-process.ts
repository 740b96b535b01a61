import { type ChildProcess, spawn } from "node:child_process"
import { fileURLToPath } from "node:url"

const main = fileURLToPath(new URL("../src/main.ts", import.meta.url))

export interface ServiceProcess {
  readonly url: string
  readonly child: ChildProcess
  /** Every JSON log line the process printed so far. */
  readonly logs: Array<Record<string, unknown>>
  /** Resolves with the exit code once the process has ended. */
  readonly exited: Promise<number | null>
}

/** Starts `src/main.ts` in its own Node process (as `pnpm start` does) and waits until it listens. */
export const startServiceProcess = (env: Record<string, string>): Promise<ServiceProcess> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", main], {
      env: { ...process.env, PORT: "0", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    })
    const logs: Array<Record<string, unknown>> = []
    const exited = new Promise<number | null>((done) => child.once("exit", (code) => done(code)))
    let buffer = ""
    let stderr = ""
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString()
    })
    child.stdout?.on("data", (chunk: Buffer) => {
      buffer += chunk.toString()
      let newline = buffer.indexOf("\n")
      while (newline >= 0) {
        const line = buffer.slice(0, newline)
        buffer = buffer.slice(newline + 1)
        newline = buffer.indexOf("\n")
        try {
          const record = JSON.parse(line) as Record<string, unknown>
          logs.push(record)
          if (record.msg === "listening" && typeof record.url === "string") {
            resolve({ url: record.url.replace("localhost", "127.0.0.1"), child, logs, exited })
          }
        } catch {
          // Not a log record (a stray line from a library): ignore it.
        }
      }
    })
    void exited.then((code) =>
      reject(new Error(`the service exited with ${code} before listening: ${stderr}`)),
    )
  })
