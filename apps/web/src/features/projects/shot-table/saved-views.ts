// Saved views of the shot table (filter, sort, grouping, column widths), kept on the server
// per person and shared per project. These are the pure conversions between the table's
// in-memory view and what the server stores.
import type { ShotTableViewSettings } from '@aipipeline/contracts'
import { DEFAULT_VIEW, type TableView } from './table-model'

/** Column widths by column id, as dragged in the grid. */
export type ColumnWidths = Record<string, number>

/** What saving the current view stores: the view and the column layout. */
export function toSettings(view: TableView, widths: ColumnWidths): ShotTableViewSettings {
  return { ...view, columnWidths: widths }
}

/** The view and column layout a saved view restores. */
export function fromSettings(settings: ShotTableViewSettings): { view: TableView; widths: ColumnWidths } {
  const { columnWidths, ...view } = settings
  return { view, widths: columnWidths }
}

/** Widths the grid may draw (30–2000 px, as the server accepts), rounded to whole pixels. */
export function withWidth(widths: ColumnWidths, columnId: string, width: number): ColumnWidths {
  return { ...widths, [columnId]: Math.min(2000, Math.max(30, Math.round(width))) }
}

/** A view with every filter cleared, keeping nothing from the current one. */
export function resetView(): TableView {
  return DEFAULT_VIEW
}
