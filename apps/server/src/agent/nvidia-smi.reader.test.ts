import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parseNvidiaSmiCsv, readGpus } from './nvidia-smi.reader'

const dir = mkdtempSync(join(tmpdir(), 'fake-nvidia-smi-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Writes an executable script and returns its path. */
function script(name: string, body: string): string {
  const path = join(dir, name)
  writeFileSync(path, `#!/bin/sh\n${body}\n`)
  chmodSync(path, 0o755)
  return path
}

describe('nvidia-smi reading', () => {
  it('parses one line per GPU, with [N/A] and [Not Supported] as null', () => {
    const gpus = parseNvidiaSmiCsv(
      '0, NVIDIA GeForce RTX 4090, 87, 71, 20480, 24564, 398.12\n1, NVIDIA A100-SXM4-80GB, [N/A], 45, 1024, 81920, [Not Supported]\n',
    )
    expect(gpus).toEqual([
      {
        index: 0,
        name: 'NVIDIA GeForce RTX 4090',
        utilizationPercent: 87,
        temperatureC: 71,
        memoryUsedMb: 20480,
        memoryTotalMb: 24564,
        powerW: 398.12,
      },
      {
        index: 1,
        name: 'NVIDIA A100-SXM4-80GB',
        utilizationPercent: null,
        temperatureC: 45,
        memoryUsedMb: 1024,
        memoryTotalMb: 81920,
        powerW: null,
      },
    ])
  })

  it('names the line that is not a GPU reading', () => {
    expect(() => parseNvidiaSmiCsv('0, RTX, 1, 2\n')).toThrow(/line 1 has 4 fields/)
    expect(() => parseNvidiaSmiCsv('x, RTX, 1, 2, 3, 4, 5\n')).toThrow(/line 1 is not a GPU reading/)
  })

  it('runs the given nvidia-smi with the query arguments', async () => {
    const fake = script(
      'nvidia-smi',
      'case "$*" in *"--query-gpu=index,name,utilization.gpu,temperature.gpu,memory.used,memory.total,power.draw --format=csv,noheader,nounits"*) echo "0, Fake GPU, 12, 40, 100, 8192, 55.5";; *) exit 9;; esac',
    )
    const reading = await readGpus({ command: fake })
    expect(reading).toEqual({
      kind: 'gpus',
      gpus: [
        {
          index: 0,
          name: 'Fake GPU',
          utilizationPercent: 12,
          temperatureC: 40,
          memoryUsedMb: 100,
          memoryTotalMb: 8192,
          powerW: 55.5,
        },
      ],
    })
  })

  it('reports an absent nvidia-smi as absent and a failing one with its message', async () => {
    expect(await readGpus({ command: join(dir, 'no-such-nvidia-smi') })).toEqual({ kind: 'absent' })
    const broken = script(
      'broken-smi',
      'echo "NVIDIA-SMI has failed because it could not communicate with the NVIDIA driver" >&2; exit 9',
    )
    expect(await readGpus({ command: broken })).toEqual({
      kind: 'failed',
      reason: 'NVIDIA-SMI has failed because it could not communicate with the NVIDIA driver',
    })
  })
})
