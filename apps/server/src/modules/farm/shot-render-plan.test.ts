// A shot's clip for a video model covers the shot at the model's own rate, in its frame rhythm
// and inside the template's bounds; templates without declared roles get them from names.

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { shotClip, templateRoles } from './shot-render-plan'

const wan = { frames: 81, fps: 16 }
const shot = (frameIn: number, frameOut: number) => ({ frameIn, frameOut })

describe('shotClip', () => {
  it('renders a 2 s shot (48 frames at 24 fps) on Wan as 33 frames at 16 fps', () => {
    expect(shotClip(shot(1001, 1048), 24, 'wan-2.2', wan, undefined)).toEqual({ frames: 33, fps: 16, note: null })
  })

  it('clamps a 10 s shot to Wan’s 81 frames and says so', () => {
    const clip = shotClip(shot(1001, 1240), 24, 'wan-2.2', wan, undefined)
    expect(clip.frames).toBe(81)
    expect(clip.note).toContain('at most 81 frames')
  })

  it('keeps CogVideoX at its 49 frames and uses the model default without a frame range', () => {
    expect(shotClip(shot(1, 5), 24, 'cogvideox', { frames: 49, fps: 8 }, undefined).frames).toBe(49)
    expect(shotClip({ frameIn: null, frameOut: null }, 24, 'wan-2.2', wan, undefined).frames).toBe(81)
  })

  it('renders generic templates at the project rate with the shot’s frame count', () => {
    expect(shotClip(shot(1001, 1048), 25, 'generic', {}, { max: 40 })).toMatchObject({ frames: 40, fps: 25 })
  })

  it('always gives Wan 4n+1 frames within the template bounds', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.constantFrom(12, 24, 25, 30, 60),
        fc.integer({ min: 5, max: 81 }),
        (length, fps, max) => {
          const clip = shotClip(shot(1001, 1000 + length), fps, 'wan-2.2', wan, { max })
          expect((clip.frames - 1) % 4).toBe(0)
          expect(clip.frames).toBeGreaterThanOrEqual(1)
          expect(clip.frames).toBeLessThanOrEqual(Math.max(5, max))
        },
      ),
    )
  })
})

describe('templateRoles', () => {
  const param = (name: string, role?: 'prompt' | 'seed') => ({
    name,
    type: 'string' as const,
    locations: [],
    ...(role ? { role } : {}),
  })

  it('reads roles from conventional names when the template declares none', () => {
    const roles = templateRoles({ parameters: [param('prompt'), param('noise_seed'), param('length')] })
    expect(roles.prompt?.name).toBe('prompt')
    expect(roles.seed?.name).toBe('noise_seed')
    expect(roles.frames?.name).toBe('length')
  })

  it('takes declared roles at their word', () => {
    const roles = templateRoles({ parameters: [param('text', 'prompt'), param('seed')] })
    expect(roles.prompt?.name).toBe('text')
    expect(roles.seed).toBeUndefined()
  })
})
