import { describe, expect, it } from 'vitest'
import { composeAnnotatedFrame, type Paint2D } from './annotation-paint'

/** A 2D context that records calls: enough to see what a PNG export paints where. */
function recordingContext() {
  const calls: [string, ...unknown[]][] = []
  const record =
    (name: string) =>
    (...args: unknown[]) => {
      calls.push([name, ...args])
    }
  const ctx = {
    strokeStyle: '',
    fillStyle: '',
    lineWidth: 1,
    lineCap: 'butt',
    lineJoin: 'miter',
    globalAlpha: 1,
    font: '',
    textBaseline: 'alphabetic',
    ...Object.fromEntries(
      [
        'save',
        'restore',
        'beginPath',
        'closePath',
        'moveTo',
        'lineTo',
        'quadraticCurveTo',
        'ellipse',
        'rect',
        'stroke',
        'fill',
        'fillText',
        'drawImage',
      ].map((n) => [n, record(n)]),
    ),
  } as unknown as Paint2D
  return { ctx, calls }
}

describe('exporting a frame with its drawings', () => {
  it('paints the picture first, then each drawing at the media’s full resolution', () => {
    const { ctx, calls } = recordingContext()
    const image = {} as CanvasImageSource
    composeAnnotatedFrame(ctx, image, { width: 1920, height: 1080 }, [
      { tool: 'rect', from: [0.25, 0.5], to: [0.5, 0.75], color: '#ff3b30', width: 0.005 },
      { tool: 'text', at: [0.1, 0.1], text: 'soften', size: 0.05, color: '#ffffff', width: 0.004 },
    ])
    expect(calls[0]).toEqual(['drawImage', image, 0, 0, 1920, 1080])
    expect(calls).toContainEqual(['rect', 480, 540, 480, 270])
    expect(calls).toContainEqual(['fillText', 'soften', 192, 108])
  })
})
