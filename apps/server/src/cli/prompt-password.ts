// Reads a password without echoing it on a terminal; from a pipe, reads the first line
// (so unattended installs can do `echo "$PW" | aipipeline user create …`).
import { createInterface } from 'node:readline'

export async function promptPassword(question: string): Promise<string> {
  const input = process.stdin
  if (!input.isTTY) {
    const rl = createInterface({ input })
    for await (const line of rl) {
      rl.close()
      return line
    }
    return ''
  }
  process.stderr.write(question)
  input.setRawMode(true)
  input.resume()
  input.setEncoding('utf8')
  return new Promise((resolve, reject) => {
    let value = ''
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          input.setRawMode(false)
          input.pause()
          input.off('data', onData)
          process.stderr.write('\n')
          return resolve(value)
        }
        if (ch === '\u0003') {
          input.setRawMode(false)
          return reject(new Error('cancelled'))
        }
        value = ch === '\u007f' ? value.slice(0, -1) : value + ch
      }
    }
    input.on('data', onData)
  })
}
