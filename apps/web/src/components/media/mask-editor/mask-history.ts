// Undo and redo for the mask, by tiles: while an edit runs, every 128 × 128 tile it is about to
// touch is copied once (copy-on-write), and committing keeps the before and after copies of
// only those tiles. A brush stroke on a 4096² mask therefore costs a few tiles, not 16 MB; a
// whole-mask edit (invert, feather, clear) costs the whole mask, so the history is capped by
// bytes as well as by count. Pure: no DOM.
import { clipRect, type MaskRaster, type Rect, unionRect } from './mask-raster'

export const TILE = 128
/** Edits kept for undo at most. */
export const MAX_EDITS = 100
/** Bytes of tile copies kept for undo at most (oldest edits go first). */
export const MAX_HISTORY_BYTES = 384 * 1024 * 1024

interface TileCopy {
  index: number
  before: Uint8Array
  after: Uint8Array
}
interface Edit {
  tiles: TileCopy[]
  rect: Rect
  bytes: number
}

export class MaskHistory {
  private pending: Map<number, Uint8Array> | null = null
  private pendingRect: Rect | null = null
  private readonly undone: Edit[] = []
  private readonly done: Edit[] = []
  private readonly columns: number
  private readonly rows: number

  constructor(
    readonly mask: MaskRaster,
    private readonly limits = { edits: MAX_EDITS, bytes: MAX_HISTORY_BYTES },
  ) {
    this.columns = Math.ceil(mask.width / TILE)
    this.rows = Math.ceil(mask.height / TILE)
  }

  get canUndo(): boolean {
    return this.done.length > 0
  }
  get canRedo(): boolean {
    return this.undone.length > 0
  }
  get editing(): boolean {
    return this.pending !== null
  }

  /** Starts an edit; the operations that follow pass `touch` as their `beforeWrite`. */
  begin(): void {
    this.pending = new Map()
    this.pendingRect = null
  }

  /** Copies the tiles under `rect` that this edit has not copied yet. */
  readonly touch = (rect: Rect): void => {
    const pending = this.pending
    if (pending === null) throw new Error('touch outside an edit: call begin() first')
    this.pendingRect = unionRect(this.pendingRect, rect)
    const c0 = Math.floor(rect.x / TILE)
    const c1 = Math.floor((rect.x + rect.width - 1) / TILE)
    const r0 = Math.floor(rect.y / TILE)
    const r1 = Math.floor((rect.y + rect.height - 1) / TILE)
    for (let r = r0; r <= r1; r++)
      for (let c = c0; c <= c1; c++) {
        const index = r * this.columns + c
        if (!pending.has(index)) pending.set(index, this.readTile(index))
      }
  }

  /** Ends the edit; it joins the undo list when it changed anything. Returns whether it did. */
  commit(): boolean {
    const pending = this.pending
    const rect = this.pendingRect
    this.pending = null
    this.pendingRect = null
    if (pending === null || rect === null) return false
    const tiles: TileCopy[] = []
    for (const [index, before] of pending) {
      const after = this.readTile(index)
      if (!sameBytes(before, after)) tiles.push({ index, before, after })
    }
    if (tiles.length === 0) return false
    const bytes = tiles.reduce((n, t) => n + t.before.length * 2, 0)
    this.done.push({ tiles, rect, bytes })
    this.undone.length = 0
    this.trim()
    return true
  }

  /** Puts back the mask as it was before the last edit; returns the changed rectangle. */
  undo(): Rect | null {
    if (this.pending !== null) this.commit()
    const edit = this.done.pop()
    if (edit === undefined) return null
    for (const tile of edit.tiles) this.writeTile(tile.index, tile.before)
    this.undone.push(edit)
    return edit.rect
  }

  /** Applies the last undone edit again. */
  redo(): Rect | null {
    const edit = this.undone.pop()
    if (edit === undefined) return null
    for (const tile of edit.tiles) this.writeTile(tile.index, tile.after)
    this.done.push(edit)
    return edit.rect
  }

  private trim(): void {
    let bytes = this.done.reduce((n, e) => n + e.bytes, 0)
    while (this.done.length > 1 && (this.done.length > this.limits.edits || bytes > this.limits.bytes)) {
      bytes -= this.done.shift()?.bytes ?? 0
    }
  }

  private tileRect(index: number): Rect {
    const c = index % this.columns
    const r = Math.floor(index / this.columns)
    if (r >= this.rows) throw new Error(`tile ${index} is outside the mask`)
    return clipRect({ x: c * TILE, y: r * TILE, width: TILE, height: TILE }, this.mask) as Rect
  }

  private readTile(index: number): Uint8Array {
    const { x, y, width, height } = this.tileRect(index)
    const out = new Uint8Array(width * height)
    for (let row = 0; row < height; row++) {
      const start = (y + row) * this.mask.width + x
      out.set(this.mask.data.subarray(start, start + width), row * width)
    }
    return out
  }

  private writeTile(index: number, bytes: Uint8Array): void {
    const { x, y, width, height } = this.tileRect(index)
    for (let row = 0; row < height; row++)
      this.mask.data.set(bytes.subarray(row * width, (row + 1) * width), (y + row) * this.mask.width + x)
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}
