// What every production service shares: the database, repositories, the user directory,
// the event publisher and the storage root. Services take only the parts they use.
import type { ProductionEvent, ProductionEventName, RoomName } from '@aipipeline/contracts'
import type { Db, ProductionRepositories, UserRepository } from '@aipipeline/db'

/** Sends one realtime event to one room (the realtime hub parses it against its contract). */
export type EmitEvent = <N extends ProductionEventName>(room: RoomName, event: N, payload: ProductionEvent<N>) => void

export interface ProductionContext {
  db: Db
  repos: ProductionRepositories
  users: UserRepository
  emit: EmitEvent
  /** Absolute path of DATA_DIR/storage; every stored path is relative to it. */
  storageRoot: string
}
