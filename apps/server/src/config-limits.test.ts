// The size limits and the parsing pool are configured from the environment, with defaults
// that fit a 2-core machine and the contract's own bounds.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { MAX_SCRIPT_CHARS } from '@aipipeline/contracts'
import { describe, expect, it } from 'vitest'
import { defaultOffloadThreads, loadConfig } from './config'

const dataDir = () => mkdtempSync(join(tmpdir(), 'aipipeline-config-limits-'))

describe('size limits and parsing threads', () => {
  it('defaults to the contract script bound, 20,000 workflow nodes, 50,000 rows and a core left free', () => {
    const config = loadConfig({ DATA_DIR: dataDir() })
    expect(config.scriptMaxChars).toBe(MAX_SCRIPT_CHARS)
    expect(config.workflowMaxNodes).toBe(20_000)
    expect(config.spreadsheetMaxRows).toBe(50_000)
    expect(config.offloadThreads).toBe(defaultOffloadThreads())
    expect([1, 2, 4, 64].map((cores) => defaultOffloadThreads(cores))).toEqual([1, 1, 3, 4])
  })

  it('reads them from the environment', () => {
    const config = loadConfig({
      DATA_DIR: dataDir(),
      OFFLOAD_THREADS: '2',
      SCRIPT_MAX_CHARS: '500000',
      WORKFLOW_MAX_NODES: '5000',
      SPREADSHEET_MAX_ROWS: '1000',
    })
    expect(config).toMatchObject({
      offloadThreads: 2,
      scriptMaxChars: 500_000,
      workflowMaxNodes: 5000,
      spreadsheetMaxRows: 1000,
    })
  })

  it('refuses a script limit above what the API contract accepts, and a pool of no threads', () => {
    expect(() =>
      loadConfig({ DATA_DIR: dataDir(), SCRIPT_MAX_CHARS: String(MAX_SCRIPT_CHARS + 1), OFFLOAD_THREADS: '0' }),
    ).toThrow(/OFFLOAD_THREADS[\s\S]*SCRIPT_MAX_CHARS/)
  })
})
