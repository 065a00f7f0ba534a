import { ACTIVITY_EVENTS } from '@aipipeline/domain'
import { describe, expect, it } from 'vitest'
import { productionEvents } from './production-events.contract'

describe('activity sentences cover the production events', () => {
  it('has a sentence kind for every event the studio records as activity', () => {
    const recorded = Object.keys(productionEvents).filter((e) => e !== 'notification:new')
    expect([...ACTIVITY_EVENTS].sort()).toEqual(recorded.sort())
  })
})
