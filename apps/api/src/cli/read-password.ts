import { createInterface } from 'node:readline'
import { Writable } from 'node:stream'

/** Reads all of a piped standard input; the password is its first line. */
async function fromPipe(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return (Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '')
}

/** Asks on the terminal without echoing what is typed. */
function prompt(question: string): Promise<string> {
  let muted = false
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!muted) process.stderr.write(chunk)
      done()
    },
  })
  const rl = createInterface({ input: process.stdin, output, terminal: true })
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close()
      process.stderr.write('\n')
      resolve(answer)
    })
    muted = true
  })
}

/** The password from standard input when piped, else a hidden prompt asked twice. */
export async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) return fromPipe()
  const first = await prompt('新管理员密码: ')
  const second = await prompt('再次输入密码: ')
  if (first !== second) throw new Error('两次输入的密码不一致')
  return first
}
