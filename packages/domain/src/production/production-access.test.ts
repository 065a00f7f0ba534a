import { describe, expect, it } from 'vitest'
import type { Role } from '../auth/role'
import { findMentions } from './mentions'
import {
  canActOnTask,
  canSeeComment,
  canSeeField,
  canSeeTask,
  followedDepartments,
  type ProjectAccess,
} from './production-access'

const who = (role: Role, departments: string[] = []): ProjectAccess => ({
  projectId: 'p',
  userId: 'me',
  role,
  departments,
})
const mine = { assigneeIds: ['me'], department: 'Animation' }
const theirs = { assigneeIds: ['other'], department: 'Post' }

describe('project access', () => {
  it('lets artists and vendors act only on tasks assigned to them', () => {
    for (const role of ['artist', 'vendor'] as const) {
      expect(canActOnTask(who(role), mine)).toBe(true)
      expect(canActOnTask(who(role), theirs)).toBe(false)
    }
  })

  it('scopes supervisors to their departments, or everything when they have none', () => {
    expect(canActOnTask(who('supervisor', ['Animation']), mine)).toBe(true)
    expect(canActOnTask(who('supervisor', ['Animation']), theirs)).toBe(false)
    expect(canActOnTask(who('supervisor'), theirs)).toBe(true)
  })

  it('never lets a client act on a task, and hides what is not flagged for clients', () => {
    expect(canActOnTask(who('client'), mine)).toBe(false)
    expect(canSeeComment(who('client'), { forClient: false, authorId: 'artist-1' })).toBe(false)
    expect(canSeeComment(who('client'), { forClient: true, authorId: 'artist-1' })).toBe(true)
    expect(canSeeField(who('client'), { clientVisible: false })).toBe(false)
    expect(canSeeField(who('artist'), { clientVisible: false })).toBe(true)
  })

  it('keeps a client’s comment from other clients unless shared, and shows vendors only outside fields', () => {
    const other = { ...who('client'), userId: 'client-2' }
    expect(canSeeComment(who('client'), { forClient: false, authorId: 'me' })).toBe(true)
    expect(canSeeComment(other, { forClient: false, authorId: 'me' })).toBe(false)
    expect(canSeeComment(other, { forClient: true, authorId: 'me' })).toBe(true)
    expect(canSeeField(who('vendor'), { clientVisible: false })).toBe(false)
    expect(canSeeField(who('vendor'), { clientVisible: true })).toBe(true)
  })

  it('has supervisors with departments follow only those departments', () => {
    expect(followedDepartments(who('supervisor', ['Animation']))).toEqual(['Animation'])
    expect(followedDepartments(who('supervisor'))).toBeUndefined()
    expect(followedDepartments(who('artist', ['Animation']))).toBeUndefined()
  })

  it('shows vendors only tasks assigned to them', () => {
    expect(canSeeTask(who('vendor'), theirs)).toBe(false)
    expect(canSeeTask(who('artist'), theirs)).toBe(true)
  })
})

describe('mentions', () => {
  const people = [
    { id: 'u1', names: ['Demo Artist', 'artist'] },
    { id: 'u2', names: ['Demo'] },
  ]
  it('matches the longest name, departments, and ignores email addresses', () => {
    const m = findMentions('@Demo Artist please check, cc @animation and mail x@Demo.com', people, ['Animation'])
    expect(m.userIds).toEqual(['u1'])
    expect(m.departments).toEqual(['Animation'])
  })
  it('needs a word boundary after the name', () => {
    expect(findMentions('@Demonstration', people, []).userIds).toEqual([])
    expect(findMentions('(@Demo)', people, []).userIds).toEqual(['u2'])
  })
})
