// Downloads a finished job's outputs into a folder: each file is written under a temporary
// name and renamed, so an interrupted download never leaves a half file under the real name.
import { createWriteStream } from 'node:fs'
import { mkdir, rename, rm } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import { farmOutputFilePath, type RenderJobDetail } from '@aipipeline/contracts'
import type { StudioClient } from './studio-http.client'

/** Saves every output of `job` into `dir`; returns the written paths. */
export async function downloadOutputs(client: StudioClient, job: RenderJobDetail, dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true })
  const written: string[] = []
  for (const output of job.outputs) {
    const target = join(dir, basename(output.filename).replace(/[^A-Za-z0-9._-]/g, '_') || `${output.id}.bin`)
    const tmp = `${target}.${process.pid}.part`
    const res = await client.download(farmOutputFilePath(job.id, output.id, 'file'))
    if (res.body === null) throw new Error(`output ${output.filename} arrived without a body`)
    try {
      // The DOM and Node typings name the same WHATWG stream differently.
      await pipeline(Readable.fromWeb(res.body as WebReadableStream<Uint8Array>), createWriteStream(tmp))
      await rename(tmp, target)
    } catch (err) {
      await rm(tmp, { force: true })
      throw err
    }
    written.push(target)
  }
  return written
}
