// The events and activity rows of breakdown changes (sequences, characters, assets), made the
// same way whether one entry is edited or a whole script analysis is applied. Studio-only,
// like configuration changes.
import type { Change } from './activity.service'
import { changeHeader, studioOnlyChange } from './production-change'

type Named = { id: string; name: string }
type Coded = { id: string; code: string }
type KindNamed = { id: string; kind: string; name: string }

export function sequenceCreated(projectId: string, actorId: string, s: Coded): Change {
  return {
    event: 'sequence:new',
    payload: { ...changeHeader(projectId, actorId), sequenceId: s.id },
    ...studioOnlyChange(s.id, { sequenceId: s.id, code: s.code }),
  }
}

export function sequenceUpdated(projectId: string, actorId: string, s: Coded, fields: string[]): Change {
  return {
    event: 'sequence:update',
    payload: { ...changeHeader(projectId, actorId), sequenceId: s.id, fields },
    ...studioOnlyChange(s.id, { sequenceId: s.id, code: s.code, fields }),
  }
}

export function characterCreated(projectId: string, actorId: string, c: Named): Change {
  return {
    event: 'character:new',
    payload: { ...changeHeader(projectId, actorId), characterId: c.id },
    ...studioOnlyChange(c.id, { characterId: c.id, name: c.name }),
  }
}

export function characterUpdated(projectId: string, actorId: string, c: Named, fields: string[]): Change {
  return {
    event: 'character:update',
    payload: { ...changeHeader(projectId, actorId), characterId: c.id, fields },
    ...studioOnlyChange(c.id, { characterId: c.id, name: c.name, fields }),
  }
}

export function characterDeleted(projectId: string, actorId: string, c: Named): Change {
  return {
    event: 'character:delete',
    payload: { ...changeHeader(projectId, actorId), characterId: c.id },
    ...studioOnlyChange(c.id, { characterId: c.id, name: c.name }),
  }
}

export function assetCreated(projectId: string, actorId: string, a: KindNamed): Change {
  return {
    event: 'asset:new',
    payload: { ...changeHeader(projectId, actorId), assetId: a.id },
    ...studioOnlyChange(a.id, { assetId: a.id, kind: a.kind, name: a.name }),
  }
}

export function assetUpdated(projectId: string, actorId: string, a: KindNamed, fields: string[]): Change {
  return {
    event: 'asset:update',
    payload: { ...changeHeader(projectId, actorId), assetId: a.id, fields },
    ...studioOnlyChange(a.id, { assetId: a.id, kind: a.kind, name: a.name, fields }),
  }
}

export function assetDeleted(projectId: string, actorId: string, a: KindNamed): Change {
  return {
    event: 'asset:delete',
    payload: { ...changeHeader(projectId, actorId), assetId: a.id },
    ...studioOnlyChange(a.id, { assetId: a.id, kind: a.kind, name: a.name }),
  }
}
