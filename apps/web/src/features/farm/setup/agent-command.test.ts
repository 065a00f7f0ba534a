import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { agentCommand, shellQuote } from './agent-command'

/** What a POSIX shell makes of one single-quoted word (the quoting this module writes). */
function unquote(word: string): string {
  if (!word.startsWith("'")) return word
  return word.replace(/'\\''/g, "'").slice(1, -1)
}

describe('agent command', () => {
  it('puts the secret in the environment and names the studio and the local ComfyUI', () => {
    expect(
      agentCommand({ secret: 'apa_abc123', studioUrl: 'http://studio:8420', comfyUrl: 'http://127.0.0.1:8188' }),
    ).toBe(
      'AIPIPELINE_AGENT_TOKEN=apa_abc123 npx aipipeline agent --server http://studio:8420 --comfy http://127.0.0.1:8188',
    )
  })

  it('quotes any value so the shell reads it back unchanged', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const quoted = shellQuote(value)
        expect(unquote(quoted)).toBe(value)
        if (quoted !== value) expect(quoted.startsWith("'") && quoted.endsWith("'")).toBe(true)
      }),
    )
  })
})
