import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readWorkflowSource } from './render-input'

function workflowFile(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'aipipeline-render-input-')), 'workflow.json')
  writeFileSync(path, text)
  return path
}

describe('render workflow file', () => {
  it('refuses a workflow nested 20,000 levels deep, naming the file and where', async () => {
    const path = workflowFile(`{"1":{"inputs":${'['.repeat(20_000)}${']'.repeat(20_000)}}}`)
    await expect(readWorkflowSource(path)).rejects.toThrow(/nests more than 64 levels deep at 1\.inputs/)
  })

  it('reads an ordinary API workflow', async () => {
    const path = workflowFile('{"1":{"class_type":"KSampler","inputs":{"seed":1}}}')
    await expect(readWorkflowSource(path)).resolves.toMatchObject({ kind: 'api' })
  })
})
