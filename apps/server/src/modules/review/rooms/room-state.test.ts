// Presence as connections per participant per instance: whatever the order of arrivals and
// departures, a participant is in the room exactly while they hold a connection, and the
// presenter's seat empties when the presenter is no longer in.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { arrive, depart, emptyRoom, otherInstances, participantsOf, withoutInstances } from './room-state'

const PEOPLE = ['ana', 'ben', 'cho']
const INSTANCES = ['i1', 'i2']
const step = fc.record({
  arrive: fc.boolean(),
  who: fc.constantFrom(...PEOPLE),
  instance: fc.constantFrom(...INSTANCES),
})

describe('room presence', () => {
  it('counts open connections per participant across instances', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), fc.constantFrom(...PEOPLE), (steps, presenter) => {
        let room = emptyRoom('p1', 'now')
        const open = new Map<string, number>()
        for (const s of steps) {
          const key = `${s.who}@${s.instance}`
          if (s.arrive) {
            room = arrive(room, {
              participantId: s.who,
              name: s.who,
              role: 'artist',
              guest: false,
              instanceId: s.instance,
            })
            open.set(key, (open.get(key) ?? 0) + 1)
            // The presenter takes the seat whenever they come in.
            if (s.who === presenter) room = { ...room, presenterId: presenter }
          } else if ((open.get(key) ?? 0) > 0) {
            room = depart(room, s.who, s.instance)
            open.set(key, (open.get(key) ?? 0) - 1)
          }
        }
        const expected = PEOPLE.map((p) => ({
          p,
          n: INSTANCES.reduce((sum, i) => sum + (open.get(`${p}@${i}`) ?? 0), 0),
        })).filter((x) => x.n > 0)
        const got = participantsOf(room)
        expect(got.map((x) => [x.id, x.connections]).sort()).toEqual(expected.map((x) => [x.p, x.n]).sort())
        // The seat is the presenter's exactly while they are in the room.
        expect(room.presenterId).toBe(got.some((x) => x.id === presenter) ? presenter : null)
      }),
    )
  })

  it('leaves the seat empty when the presenter’s last connection goes', () => {
    let room = arrive(emptyRoom('p1', 'now'), {
      participantId: 'ana',
      name: 'Ana',
      role: 'manager',
      guest: false,
      instanceId: 'i1',
    })
    room = arrive(room, { participantId: 'ana', name: 'Ana', role: 'manager', guest: false, instanceId: 'i2' })
    room = { ...room, presenterId: 'ana' }
    room = depart(room, 'ana', 'i1')
    expect(room.presenterId).toBe('ana')
    room = depart(room, 'ana', 'i2')
    expect(room.presenterId).toBeNull()
    expect(participantsOf(room)).toEqual([])
  })

  it('forgets what a stopped instance held, and only that', () => {
    let room = emptyRoom('p1', 'now')
    room = arrive(room, { participantId: 'ana', name: 'Ana', role: 'artist', guest: false, instanceId: 'i1' })
    room = arrive(room, { participantId: 'ana', name: 'Ana', role: 'artist', guest: false, instanceId: 'i2' })
    room = arrive(room, { participantId: 'guest-1', name: 'Kim', role: 'guest', guest: true, instanceId: 'i2' })
    room = { ...room, presenterId: 'ana' }
    expect(otherInstances(room, 'i1')).toEqual(['i2'])
    const after = withoutInstances(room, new Set(['i2']))
    expect(participantsOf(after)).toEqual([{ id: 'ana', name: 'Ana', role: 'artist', guest: false, connections: 1 }])
    expect(after.presenterId).toBe('ana')
  })
})
