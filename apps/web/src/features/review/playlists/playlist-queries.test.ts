import { ROLES } from '@aipipeline/domain'
import { describe, expect, it } from 'vitest'
import { makesPlaylists } from './playlist-queries'

describe('who is offered "New playlist" and "Add to playlist"', () => {
  it('is supervisors and above, as the create route allows; never artists, clients or vendors', () => {
    const offered = ROLES.filter((role) => makesPlaylists(role))
    expect(offered.sort()).toEqual(['admin', 'manager', 'supervisor'])
    expect(makesPlaylists(undefined)).toBe(false)
  })
})
