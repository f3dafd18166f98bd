/**
 * A progress bar as plain stderr line updates: `\r` rewrites the line on a terminal; when stderr
 * is not a TTY (CI logs) a line is printed every 10 % instead, so logs stay readable.
 */
export type ProgressReporter = (label: string, done: number, total: number) => void

export function progressBar(
  stream: NodeJS.WriteStream = process.stderr,
): ProgressReporter & { end(): void } {
  const started = Date.now()
  let lastLabel = ''
  let lastDecile = -1
  let lastDraw = 0
  const report = (label: string, done: number, total: number) => {
    const fraction = total > 0 ? Math.min(1, done / total) : 1
    const seconds = ((Date.now() - started) / 1000).toFixed(0)
    if (stream.isTTY) {
      const now = Date.now()
      if (label === lastLabel && now - lastDraw < 100 && done < total) return
      lastDraw = now
      const width = 30
      const filled = Math.round(fraction * width)
      const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`
      stream.write(
        `\r\x1b[2K${bar} ${(fraction * 100).toFixed(0).padStart(3)}%  ${label}  ${seconds}s`,
      )
    } else {
      const decile = Math.floor(fraction * 10)
      if (label !== lastLabel || decile !== lastDecile) {
        stream.write(`[${(fraction * 100).toFixed(0).padStart(3)}%] ${label} (${seconds}s)\n`)
        lastDecile = decile
      }
    }
    lastLabel = label
  }
  return Object.assign(report, {
    end() {
      if (stream.isTTY) stream.write('\n')
    },
  })
}

export const silentProgress: ProgressReporter = () => undefined
