/** A sink for structured log records; one JSON object per line in production. */
export interface RequestLogger {
  readonly info: (record: Readonly<Record<string, unknown>>) => void
  readonly error: (record: Readonly<Record<string, unknown>>) => void
}

const write = (level: string, record: Readonly<Record<string, unknown>>) =>
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level, ...record })}\n`)

/** JSON lines on stdout. */
export const jsonLogger: RequestLogger = {
  info: (record) => write("info", record),
  error: (record) => write("error", record),
}

/** Drops every record (tests, embedding). */
export const silentLogger: RequestLogger = { info: () => {}, error: () => {} }
