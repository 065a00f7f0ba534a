// The command an admin runs on a GPU host once a token is issued. The secret goes in the
// environment variable the agent reads (AIPIPELINE_AGENT_TOKEN), not on the command line,
// so it stays out of `ps` and shell history of other users.

/** Quotes a value for a POSIX shell: single quotes, with embedded ones closed and escaped. */
export function shellQuote(value: string): string {
  return /^[A-Za-z0-9_./:@%+=,-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`
}

/** `AIPIPELINE_AGENT_TOKEN=… npx aipipeline agent --server … --comfy …` for this studio. */
export function agentCommand(input: { secret: string; studioUrl: string; comfyUrl: string }): string {
  return [
    `AIPIPELINE_AGENT_TOKEN=${shellQuote(input.secret)}`,
    'npx aipipeline agent',
    `--server ${shellQuote(input.studioUrl)}`,
    `--comfy ${shellQuote(input.comfyUrl)}`,
  ].join(' ')
}
