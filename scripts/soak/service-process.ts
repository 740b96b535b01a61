// The API in its own Node process, as `pnpm start` runs it: started, waited for, killed (SIGKILL for the
// fault suites) and restarted on the same data folder or database.
import { type ChildProcess, spawn } from "node:child_process"
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"

const main = fileURLToPath(new URL("../../apps/api/src/main.ts", import.meta.url))

export interface ServiceProcess {
  readonly url: string
  readonly child: ChildProcess
  /** Log records at level "error" so far (a 5xx is logged there). */
  readonly errors: Array<Record<string, unknown>>
  /** Resolves with the exit code or signal once the process has ended. */
  readonly exited: Promise<string>
  /** SIGKILL, and wait until the process is gone. */
  readonly kill: () => Promise<void>
  /** CPU seconds (user + system, all threads) the process has used so far, from /proc (Linux). */
  readonly cpuSeconds: () => number
}

const ticksPerSecond = 100

/** utime + stime of a process, in seconds (fields 14 and 15 of /proc/<pid>/stat). */
export const cpuSecondsOf = (pid: number | undefined): number => {
  if (pid === undefined) return Number.NaN
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8")
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond
  } catch {
    return Number.NaN
  }
}

/** Starts the service with this environment (PORT, DATA_DIR, DATABASE_URL…) and resolves once it listens. */
export const startService = (env: Readonly<Record<string, string>>): Promise<ServiceProcess> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", main], {
      env: { ...process.env, PORT: "0", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    })
    const errors: Array<Record<string, unknown>> = []
    const exited = new Promise<string>((done) =>
      child.once("exit", (code, signal) => done(signal ?? String(code))),
    )
    let buffer = ""
    let stderr = ""
    let listening = false
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000)
    })
    child.stdout?.on("data", (chunk: Buffer) => {
      buffer += chunk.toString()
      let newline = buffer.indexOf("\n")
      while (newline >= 0) {
        const line = buffer.slice(0, newline)
        buffer = buffer.slice(newline + 1)
        newline = buffer.indexOf("\n")
        if (listening && !line.includes('"level":"error"')) continue
        try {
          const record = JSON.parse(line) as Record<string, unknown>
          if (record.level === "error") errors.push(record)
          if (!listening && record.msg === "listening" && typeof record.url === "string") {
            listening = true
            resolve({
              url: record.url.replace("localhost", "127.0.0.1"),
              child,
              errors,
              exited,
              kill: async () => {
                child.kill("SIGKILL")
                await exited
              },
              cpuSeconds: () => cpuSecondsOf(child.pid),
            })
          }
        } catch {
          // Not a log record: ignore it.
        }
      }
    })
    void exited.then((how) => {
      if (!listening) reject(new Error(`the service ended (${how}) before listening: ${stderr}`))
    })
  })
