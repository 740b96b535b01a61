// The API in its own Node process, as `pnpm start` runs it: started, waited for, killed (SIGKILL for the
// fault suites) and restarted on the same data folder or database. The one launcher of the e2e specs and
// the soaks.
import { type ChildProcess, spawn } from "node:child_process"
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"

const main = fileURLToPath(new URL("../src/main.ts", import.meta.url))

export interface ServiceProcess {
  readonly url: string
  readonly child: ChildProcess
  /** Every JSON log line the process printed so far (none after start-up with `keepLogs: false`). */
  readonly logs: Array<Record<string, unknown>>
  /** Log records at level "error" so far (a 5xx is logged there). */
  readonly errors: Array<Record<string, unknown>>
  /** Resolves with the exit code (null when a signal ended it) once the process has ended. */
  readonly exited: Promise<number | null>
  /** SIGKILL, and wait until the process is gone. */
  readonly kill: () => Promise<void>
  /** CPU seconds (user + system, all threads) the process has used so far, from /proc (Linux). */
  readonly cpuSeconds: () => number
}

export interface ServiceProcessOptions {
  /** Keep every log line (default); a soak's millions of request lines keep only the errors. */
  readonly keepLogs?: boolean
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
export const startServiceProcess = (
  env: Readonly<Record<string, string>>,
  options: ServiceProcessOptions = {},
): Promise<ServiceProcess> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", main], {
      env: { ...process.env, PORT: "0", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    })
    const logs: Array<Record<string, unknown>> = []
    const errors: Array<Record<string, unknown>> = []
    const exited = new Promise<number | null>((done) => child.once("exit", (code) => done(code)))
    let buffer = ""
    let stderr = ""
    let listening = false
    const keepAll = options.keepLogs ?? true
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000)
    })
    const read = (line: string) => {
      if (listening && !keepAll && !line.includes('"level":"error"')) return
      try {
        const record = JSON.parse(line) as Record<string, unknown>
        if (keepAll || !listening) logs.push(record)
        if (record.level === "error") errors.push(record)
        if (!listening && record.msg === "listening" && typeof record.url === "string") {
          listening = true
          resolve({
            url: record.url.replace("localhost", "127.0.0.1"),
            child,
            logs,
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
        // Not a log record (a stray line from a library): ignore it.
      }
    }
    child.stdout?.on("data", (chunk: Buffer) => {
      buffer += chunk.toString()
      for (let newline = buffer.indexOf("\n"); newline >= 0; newline = buffer.indexOf("\n")) {
        read(buffer.slice(0, newline))
        buffer = buffer.slice(newline + 1)
      }
    })
    void exited.then((code) => {
      if (!listening) {
        const said = errors.map((record) => JSON.stringify(record)).join("\n")
        reject(new Error(`the service exited with ${code} before listening: ${said}\n${stderr}`))
      }
    })
  })
