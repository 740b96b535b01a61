import { spawn } from "node:child_process"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

/** The workspace root and the CLI's entry point, for tests that run the real binary. */
export const workspaceRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..")
export const accordBin = join(workspaceRoot, "apps", "cli", "bin", "accord.mjs")
export const examples = join(workspaceRoot, "examples")

export interface AccordResult {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

/**
 * Runs `accord <args>` as a child process (the package's bin), in `cwd`,
 * without a terminal and without a stale INIT_CWD from the test runner.
 */
export const accord = (args: ReadonlyArray<string>, cwd: string = workspaceRoot): Promise<AccordResult> =>
  new Promise((resolve, reject) => {
    const env = { ...process.env }
    delete env.INIT_CWD
    delete env.npm_lifecycle_event
    const child = spawn(process.execPath, [accordBin, ...args], {
      cwd,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    })
    let stdout = ""
    let stderr = ""
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk))
    child.on("error", reject)
    child.on("close", (code) => resolve({ code, stdout, stderr }))
  })

/** A long-running `accord` (serve): read its stderr as it comes, stop it with a signal. */
export interface RunningAccord {
  /** Resolves with the first match of `pattern` in stderr; rejects if the process ends first. */
  readonly waitForStderr: (pattern: RegExp) => Promise<RegExpMatchArray>
  /** Sends SIGINT (Ctrl-C) and resolves with the exit code. */
  readonly interrupt: () => Promise<number | null>
  readonly output: () => AccordResult
}

export const startAccord = (args: ReadonlyArray<string>, cwd: string = workspaceRoot): RunningAccord => {
  const env = { ...process.env }
  delete env.INIT_CWD
  delete env.npm_lifecycle_event
  const child = spawn(process.execPath, [accordBin, ...args], { cwd, env, stdio: ["ignore", "pipe", "pipe"] })
  let stdout = ""
  let stderr = ""
  let exitCode: number | null | undefined
  const exited = new Promise<number | null>((resolve) =>
    child.on("close", (code) => {
      exitCode = code
      resolve(code)
    }),
  )
  const listeners = new Set<() => void>()
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk
    for (const listener of listeners) listener()
  })
  return {
    waitForStderr: (pattern) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const match = stderr.match(pattern)
          if (match !== null) {
            listeners.delete(check)
            resolve(match)
          }
        }
        listeners.add(check)
        check()
        void exited.then(() => {
          listeners.delete(check)
          reject(new Error(`accord ${args.join(" ")} exited (${exitCode}) before ${pattern}: ${stderr}`))
        })
      }),
    interrupt: () => {
      if (exitCode === undefined) child.kill("SIGINT")
      return exited
    },
    output: () => ({ code: exitCode ?? null, stdout, stderr }),
  }
}
