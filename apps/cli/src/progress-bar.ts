/** Something that hears how far a long computation has come. */
export interface Progress {
  readonly update: (done: number, total: number) => void
  readonly finish: () => void
}

/** Progress that says nothing: for pipes, files, CI logs and short runs. */
export const silentProgress: Progress = { update: () => {}, finish: () => {} }

/**
 * A one-line progress bar redrawn in place on stderr. Only for terminals:
 * carriage returns and ANSI erasing would litter a log file.
 */
export const terminalProgress = (label: string, stream: NodeJS.WriteStream = process.stderr): Progress => {
  const width = 30
  let last = -1
  return {
    update: (done, total) => {
      const share = total === 0 ? 1 : Math.min(1, done / total)
      const percent = Math.floor(share * 100)
      if (percent === last) return
      last = percent
      const filled = Math.round(share * width)
      stream.write(`\r\u001b[2K${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${percent}%`)
    },
    finish: () => {
      if (last >= 0) stream.write("\r\u001b[2K")
    },
  }
}

/** A progress bar when stderr is a terminal, otherwise silence. */
export const progressFor = (label: string): Progress =>
  process.stderr.isTTY === true && process.env.CI === undefined ? terminalProgress(label) : silentProgress
