import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  decodeBinaryFrame,
  encodePreviewFrame,
  encodePreviewWithMetadataFrame,
  encodeTextFrame,
} from './binary-frame.codec'
import { PromptAcceptedSchema, PromptRejectedSchema, QueueSchema } from './http-response.schema'
import { parseWsText } from './ws-message.schema'

describe('WebSocket text messages', () => {
  it('parses a finished-prompt executing message with node null', () => {
    const ev = parseWsText('{"type":"executing","data":{"node":null,"prompt_id":"p1"}}')
    expect(ev).toEqual({ type: 'executing', data: { node: null, prompt_id: 'p1' } })
  })

  it('turns an unknown message type into an unknown event carrying the raw message', () => {
    const ev = parseWsText('{"type":"crystools.monitor","data":{"cpu":3}}')
    expect(ev).toEqual({ type: 'unknown', raw: { type: 'crystools.monitor', data: { cpu: 3 } } })
  })

  it('reports a known type with a bad payload as malformed instead of throwing', () => {
    const ev = parseWsText('{"type":"progress","data":{"value":"x"}}')
    expect(ev.type).toBe('malformed')
  })

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (s) => {
        const ev = parseWsText(s)
        expect(typeof ev.type).toBe('string')
      }),
    )
  })
})

describe('binary frames', () => {
  it('round-trips a type-1 preview with its image format', () => {
    const frame = decodeBinaryFrame(encodePreviewFrame('image/png', Buffer.from([0x89, 0x50, 1, 2])))
    expect(frame).toMatchObject({ type: 'preview', mime: 'image/png', metadata: null })
  })

  it('round-trips a type-4 preview with metadata', () => {
    const meta = { node_id: '3', prompt_id: 'p', display_node_id: '3', image_type: 'image/jpeg' }
    const frame = decodeBinaryFrame(encodePreviewWithMetadataFrame(meta, Buffer.from([0xff, 0xd8, 9])))
    expect(frame).toMatchObject({ type: 'preview', mime: 'image/jpeg', metadata: meta })
    if (frame.type === 'preview') expect([...frame.image]).toEqual([0xff, 0xd8, 9])
  })

  it('round-trips a type-3 text frame for any node id and text', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (node, text) => {
        expect(decodeBinaryFrame(encodeTextFrame(node, text))).toEqual({ type: 'text', nodeId: node, text })
      }),
    )
  })

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect(typeof decodeBinaryFrame(Buffer.from(bytes)).type).toBe('string')
      }),
    )
  })
})

describe('HTTP responses', () => {
  it('accepts a 200 submit with node_errors for dropped outputs', () => {
    const body = {
      prompt_id: 'a',
      number: 3,
      node_errors: {
        '9': {
          errors: [{ type: 'value_not_in_list', message: 'Value not in list', details: 'x', extra_info: {} }],
          dependent_outputs: ['9'],
          class_type: 'SaveImage',
        },
      },
    }
    expect(PromptAcceptedSchema.parse(body).node_errors['9']?.class_type).toBe('SaveImage')
  })

  it('parses the 400 invalid_prompt shape', () => {
    const body = {
      error: {
        type: 'invalid_prompt',
        message: 'Cannot execute because node Foo does not exist.',
        details: "Node ID '#1'",
        extra_info: {},
      },
      node_errors: {},
    }
    expect(PromptRejectedSchema.parse(body).error.type).toBe('invalid_prompt')
  })

  it('parses queue rows of five and six elements', () => {
    const q = QueueSchema.parse({
      queue_running: [[0, 'a', {}, {}, ['9']]],
      queue_pending: [[1, 'b', {}, {}, ['9'], {}]],
    })
    expect(q.queue_pending[0]?.[1]).toBe('b')
  })
})
