import { type ChildProcess, spawn, spawnSync } from "node:child_process"
import { fileURLToPath } from "node:url"

/** The workspace root (where a user types `npm start`). */
export const workspaceRoot = fileURLToPath(new URL("../../../../", import.meta.url))

/** This environment without what the test runner's pnpm put in it (npm_* settings, INIT_CWD). */
export const userEnv = (extra: Record<string, string>): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.toLowerCase().startsWith("npm_") && key !== "INIT_CWD") env[key] = value
  }
  return { ...env, ...extra }
}

/** pnpm as the test run found it: the script that runs this test (npm_execpath), else `pnpm` on PATH. */
export const runPnpm = (args: ReadonlyArray<string>, cwd: string) => {
  const script = process.env.npm_execpath
  const [cmd, pre] =
    script !== undefined && /pnpm\.c?js$/.test(script) ? [process.execPath, [script]] : ["pnpm", []]
  return spawnSync(cmd, [...pre, ...args], { cwd, encoding: "utf8", env: userEnv({}) })
}

export interface Started {
  readonly child: ChildProcess
  readonly url: string
  /** Everything the process printed on stdout so far. */
  readonly stdout: () => string
  readonly exited: Promise<number | null>
}

/** Starts a process that prints the service's JSON log and resolves once it logs `listening`. */
export const startListening = (
  cmd: string,
  args: ReadonlyArray<string>,
  cwd: string,
  env: NodeJS.ProcessEnv,
) =>
  new Promise<Started>((resolve, reject) => {
    // Its own process group, so that cleanup can end whatever it started (see stopAll).
    const child = spawn(cmd, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"], detached: true })
    let stdout = ""
    let stderr = ""
    const exited = new Promise<number | null>((done) => child.once("exit", (code) => done(code)))
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString()
    })
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString()
      const listening = stdout.match(/"msg":"listening","url":"(http:\/\/localhost:\d+)"/)
      if (listening?.[1] !== undefined) {
        resolve({ child, url: listening[1].replace("localhost", "127.0.0.1"), stdout: () => stdout, exited })
      }
    })
    void exited.then((code) =>
      reject(new Error(`${cmd} ${args.join(" ")} exited with ${code}: ${stdout}${stderr}`)),
    )
  })

/** Resolves with the exit code, or rejects when the process is still running after `ms`. */
export const exitWithin = (started: Started, ms: number) =>
  new Promise<number | null>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`still running ${ms} ms after the signal: ${started.stdout()}`)),
      ms,
    )
    void started.exited.then((code) => {
      clearTimeout(timer)
      resolve(code)
    })
  })

/** After a test: ends the process and everything it started (a service a broken chain left behind). */
export const stopAll = (started: Started | undefined) => {
  if (started?.child.pid === undefined) return
  try {
    process.kill(-started.child.pid, "SIGKILL")
  } catch {
    // Already gone.
  }
}
