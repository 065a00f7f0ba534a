import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { PromptHeap, type QueuedPrompt } from './prompt-heap'

const item = (number: number, promptId: string): QueuedPrompt => ({
  number,
  promptId,
  prompt: {},
  extraData: {},
  outputs: [],
  executionOrder: [],
  clientId: null,
})

describe('PromptHeap', () => {
  it('pops prompts lowest number first, ties by prompt id, like Python heapq on ComfyUI tuples', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), fc.uuid()), { maxLength: 60 }),
        (rows) => {
          const heap = new PromptHeap()
          for (const [n, id] of rows) heap.push(item(n, id))
          const popped: Array<[number, string]> = []
          for (let p = heap.pop(); p !== undefined; p = heap.pop()) popped.push([p.number, p.promptId])
          const expected = [...rows].sort(([a, x], [b, y]) => a - b || (x < y ? -1 : x > y ? 1 : 0))
          expect(popped).toEqual(expected)
        },
      ),
    )
  })

  it('removes only the named pending prompts and keeps heap order', () => {
    const heap = new PromptHeap()
    for (const [n, id] of [
      [3, 'c'],
      [1, 'a'],
      [2, 'b'],
      [0, 'z'],
    ] as const)
      heap.push(item(n, id))
    expect(heap.remove(new Set(['a', 'unknown']))).toBe(1)
    expect([heap.pop()?.promptId, heap.pop()?.promptId, heap.pop()?.promptId]).toEqual(['z', 'b', 'c'])
  })
})
