import { CreateStatusRequest, UpdateStatusRequest } from '@aipipeline/contracts'
import { describe, expect, it } from 'vitest'
import { createStatusRequest, newStatusForm, statusFormProblems, updateStatusRequest } from './status-form'

describe('status editor', () => {
  const form = { ...newStatusForm(), name: ' On hold ', shortName: 'hld', color: '#123abc', isRetake: true }

  it('creates a status the contract accepts, with its colour and flags', () => {
    const request = CreateStatusRequest.parse(createStatusRequest(form))
    expect(request).toMatchObject({ name: 'On hold', color: '#123abc', isRetake: true, clientAllowed: false })
    expect(request.boardVisibleTo).toBeUndefined()
  })

  it('sends only what changed, and nothing when nothing did', () => {
    expect(updateStatusRequest(form, form)).toBeUndefined()
    const patch = updateStatusRequest(form, { ...form, color: '#000000', isDone: true })
    expect(patch).toEqual({ color: '#000000', isDone: true })
    expect(UpdateStatusRequest.safeParse(patch).success).toBe(true)
  })

  it('shows a status on the client board exactly when clients may see it', () => {
    const studio = { ...form, boardVisibleTo: ['admin' as const, 'manager' as const] }
    expect(updateStatusRequest(studio, { ...studio, clientAllowed: true })).toEqual({
      clientAllowed: true,
      boardVisibleTo: ['admin', 'manager', 'client'],
    })
    const shown = { ...studio, clientAllowed: true, boardVisibleTo: ['admin' as const, 'client' as const] }
    expect(updateStatusRequest(shown, { ...shown, clientAllowed: false })).toEqual({
      clientAllowed: false,
      boardVisibleTo: ['admin'],
    })
  })

  it('names missing names and malformed colours', () => {
    expect(statusFormProblems(form)).toEqual({})
    expect(statusFormProblems({ ...newStatusForm(), color: 'red' })).toEqual({
      name: 'required',
      shortName: 'required',
      color: 'colour',
    })
  })
})
