import { describe, expect, it } from 'vitest'
import { formatBytes, outputFile, sidecarFile, versionCode, versionLabel } from './version-files'

const file = (id: string, role: 'output' | 'thumbnail' | 'sidecar') => ({
  id,
  role,
  name: `${id}.bin`,
  path: `p/${id}`,
  mediaType: 'application/octet-stream',
  sizeBytes: 1,
  sha256: '',
  width: null,
  height: null,
})

describe('version files on the shot page', () => {
  it('labels versions with three-digit numbers after the task type', () => {
    expect(versionCode(3)).toBe('v003')
    expect(versionCode(1234)).toBe('v1234')
    expect(versionLabel({ number: 12 }, 'Lighting')).toBe('Lighting v012')
    expect(versionLabel({ number: 1 }, '')).toBe('v001')
  })

  it('picks the output, not the thumbnail, and the sidecar only when the server lists one', () => {
    const files = [file('t', 'thumbnail'), file('o', 'output')]
    expect(outputFile({ files })?.id).toBe('o')
    expect(sidecarFile({ files })).toBeNull()
    expect(outputFile({ files: [file('t', 'thumbnail')] })).toBeNull()
    expect(sidecarFile({ files: [...files, file('s', 'sidecar')] })?.id).toBe('s')
  })

  it('writes sizes in bytes, KB and MB in the interface language', () => {
    expect(formatBytes(1023, 'en')).toBe('1,023 B')
    expect(formatBytes(1536, 'en')).toBe('1.5 KB')
    expect(formatBytes(12.3 * 1024 * 1024, 'en')).toBe('12.3 MB')
    expect(formatBytes(0, 'ko')).toBe('0 B')
  })
})
