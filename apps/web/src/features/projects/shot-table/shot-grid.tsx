// The one place that knows the grid library (Glide Data Grid, pinned 6.0.4 alpha: see
// docs/adr/0006-web-stack.md). The shot table speaks in library-free cells and text edits,
// so moving to a stable release, or another grid, changes this file only.
import '@glideapps/glide-data-grid/dist/index.css'
import {
  CompactSelection,
  DataEditor,
  type EditableGridCell,
  type GridCell,
  GridCellKind,
  type GridColumn,
  type GridSelection,
  type Item,
  type ProvideEditorCallback,
  type Theme,
} from '@glideapps/glide-data-grid'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { CheckedCellEditor, EditedCellProblem } from './checked-cell-editor'
import { parseTsv } from './tsv'

/** What one cell shows; the grid decides how. */
export type GridCellView =
  /** `checked`: typed text must parse (cellProblem); `open`: the text is a link (a shot's code). */
  | { kind: 'text'; text: string; editable: boolean; checked?: boolean; open?: () => void }
  | { kind: 'number'; value: number | null; editable: boolean }
  | { kind: 'boolean'; value: boolean; editable: boolean }
  | { kind: 'image'; url: string | null; approved?: boolean }
  /** Opens a picker on activation (status, assignees); `chips` are drawn as bubbles. */
  | { kind: 'picker'; text: string; chips?: string[]; color?: string | null; editable: boolean }
  | { kind: 'group'; text: string }

export interface GridColumnView {
  id: string
  title: string
  width: number
}

export interface CellEdit {
  column: number
  row: number
  /** The new value as text, exactly as a spreadsheet cell would hold it. */
  text: string
}

export interface ShotGridProps {
  columns: readonly GridColumnView[]
  rows: number
  cellAt: (column: number, row: number) => GridCellView
  /** Text written to the clipboard for a cell (copy). */
  copyText: (column: number, row: number) => string
  onEdit: (edits: CellEdit[]) => void
  /** `range`: the selected cells, which a smaller block fills by repetition. */
  onPaste: (column: number, row: number, block: string[][], range: { width: number; height: number }) => void
  /** Why `text` cannot go into a checked cell (translated), or null when it can. */
  cellProblem: (column: number, row: number, text: string) => string | null
  onActivate: (column: number, row: number) => void
  onHeaderClick: (column: number) => void
  /** Drag reorder by the row number; omitted while rows are not in editorial order. */
  onRowMove?: (from: number, to: number) => void
  /** Display rows of the selection (row markers and cell ranges), e.g. for the Render button. */
  onSelectedRowsChange?: (rows: number[]) => void
  onVisibleRowsChange?: (first: number, last: number) => void
  /** A column's edge dragged to a new width (px). */
  onColumnResize?: (columnId: string, width: number) => void
  /** Columns kept in view while scrolling sideways. */
  frozenColumns: number
  dark: boolean
  height: number
}

const ROW_HEIGHT = 36

// The grid opens its cell editor in a fixed layer named "portal" at the end of <body>.
function ensurePortal(): void {
  if (document.getElementById('portal')) return
  const layer = document.createElement('div')
  layer.id = 'portal'
  layer.style.cssText = 'position: fixed; left: 0; top: 0; z-index: 9999;'
  document.body.appendChild(layer)
}
const HEADER_HEIGHT = 38
const MARKER_WIDTH = 44

function toCell(view: GridCellView, copy: string, span: [number, number] | undefined, theme: Partial<Theme>): GridCell {
  switch (view.kind) {
    case 'text':
      if (view.open) {
        const open = view.open
        return {
          kind: GridCellKind.Uri,
          data: view.text,
          displayData: view.text,
          hoverEffect: true,
          onClickUri: (event) => {
            event.preventDefault()
            open()
          },
          allowOverlay: view.editable,
          readonly: !view.editable,
          copyData: copy,
        }
      }
      return {
        kind: GridCellKind.Text,
        data: view.text,
        displayData: view.text,
        allowOverlay: view.editable,
        readonly: !view.editable,
        copyData: copy,
      }
    case 'number': {
      // A text cell, so a typo reaches the checked editor (a number editor would drop it).
      const text = view.value === null ? '' : String(view.value)
      return {
        kind: GridCellKind.Text,
        data: text,
        displayData: text,
        allowOverlay: view.editable,
        readonly: !view.editable,
        contentAlign: 'right',
        copyData: copy,
      }
    }
    case 'boolean':
      return {
        kind: GridCellKind.Boolean,
        data: view.value,
        allowOverlay: false,
        readonly: !view.editable,
        copyData: copy,
      }
    case 'image':
      return {
        kind: GridCellKind.Image,
        data: view.url ? [view.url] : [],
        allowOverlay: false,
        readonly: true,
        copyData: '',
        // The approved version's picture sits on the approved status's green.
        ...(view.approved ? { themeOverride: { bgCell: 'rgba(34, 209, 96, 0.35)' } } : {}),
      }
    case 'picker':
      if (view.chips) return { kind: GridCellKind.Bubble, data: view.chips, allowOverlay: false, copyData: copy }
      return {
        kind: GridCellKind.Text,
        data: view.text,
        displayData: view.text,
        allowOverlay: false,
        readonly: true,
        copyData: copy,
        ...(view.color ? { themeOverride: { textDark: view.color, baseFontStyle: '600 13px' } } : {}),
      }
    case 'group':
      return {
        kind: GridCellKind.Text,
        data: view.text,
        displayData: view.text,
        allowOverlay: false,
        readonly: true,
        copyData: '',
        themeOverride: { ...theme, baseFontStyle: '700 13px' },
        ...(span ? { span } : {}),
      }
  }
}

function editText(value: EditableGridCell): string | undefined {
  switch (value.kind) {
    case GridCellKind.Text:
    case GridCellKind.Uri:
      return value.data
    case GridCellKind.Number:
      return value.data === undefined ? '' : String(value.data)
    case GridCellKind.Boolean:
      return value.data === true ? 'true' : 'false'
    default:
      return undefined
  }
}

const LIGHT: Partial<Theme> = { accentColor: '#228be6', accentLight: 'rgba(34, 139, 230, 0.12)' }
const DARK: Partial<Theme> = {
  accentColor: '#4dabf7',
  accentLight: 'rgba(77, 171, 247, 0.18)',
  textDark: '#e9ecef',
  textMedium: '#ced4da',
  textLight: '#909296',
  textBubble: '#e9ecef',
  bgIconHeader: '#909296',
  fgIconHeader: '#1a1b1e',
  textHeader: '#c1c2c5',
  textHeaderSelected: '#1a1b1e',
  bgCell: '#1a1b1e',
  bgCellMedium: '#25262b',
  bgHeader: '#25262b',
  bgHeaderHasFocus: '#2c2e33',
  bgHeaderHovered: '#2c2e33',
  bgBubble: '#2c2e33',
  bgBubbleSelected: '#373a40',
  bgSearchResult: '#5c3c00',
  borderColor: 'rgba(255, 255, 255, 0.1)',
  drilldownBorder: 'rgba(255, 255, 255, 0.2)',
  linkColor: '#4dabf7',
}
const FONT = { fontFamily: 'system-ui, -apple-system, "Segoe UI", "Noto Sans KR", Roboto, sans-serif' }

/** The virtualised shot grid: inline edit, range selection, copy/paste, row drag, pickers. */
export function ShotGrid(props: ShotGridProps) {
  const { columns, rows, cellAt, copyText, onEdit, onPaste, frozenColumns, dark } = props
  const container = useRef<HTMLDivElement>(null)
  useEffect(ensurePortal, [])
  const [selection, setSelection] = useState<GridSelection>({
    columns: CompactSelection.empty(),
    rows: CompactSelection.empty(),
  })
  const theme = useMemo(() => ({ ...(dark ? DARK : LIGHT), ...FONT }), [dark])
  const groupTheme = useMemo(
    () => ({ bgCell: dark ? '#2c2e33' : '#f1f3f5', textDark: dark ? '#e9ecef' : '#212529' }),
    [dark],
  )

  const gridColumns = useMemo<GridColumn[]>(
    () => columns.map((c) => ({ id: c.id, title: c.title, width: c.width })),
    [columns],
  )

  const getCellContent = useCallback(
    ([col, row]: Item): GridCell => {
      const view = cellAt(col, row)
      const span: [number, number] | undefined =
        view.kind === 'group'
          ? col < frozenColumns
            ? [0, frozenColumns - 1]
            : [frozenColumns, columns.length - 1]
          : undefined
      return toCell(view, view.kind === 'group' ? '' : copyText(col, row), span, groupTheme)
    },
    [cellAt, copyText, frozenColumns, columns.length, groupTheme],
  )

  const onCellsEdited = useCallback(
    (items: readonly { location: Item; value: EditableGridCell }[]) => {
      const edits = items.flatMap(({ location: [column, row], value }) => {
        const text = editText(value)
        return text === undefined ? [] : [{ column, row, text }]
      })
      if (edits.length > 0) onEdit(edits)
      return true
    },
    [onEdit],
  )

  // Paste handled here, not by the grid: the clipboard event's own text needs no clipboard
  // permission, and the whole block must become one batch edit.
  useEffect(() => {
    const listener = (event: ClipboardEvent) => {
      const root = container.current
      const current = selection.current
      if (!root || !current || !root.contains(document.activeElement)) return
      const text = event.clipboardData?.getData('text/plain') ?? ''
      if (text === '') return
      event.preventDefault()
      const { x, y, width, height } = current.range
      onPaste(x, y, parseTsv(text), { width, height })
    }
    window.addEventListener('paste', listener)
    return () => window.removeEventListener('paste', listener)
  }, [selection, onPaste])

  const { onSelectedRowsChange } = props
  useEffect(() => {
    if (onSelectedRowsChange) onSelectedRowsChange(selectedRows(selection))
  }, [selection, onSelectedRowsChange])

  // Cells are checked where the view asks for it (frames, numbers, dates, codes).
  const { cellProblem } = props
  const isChecked = useCallback(
    (col: number, row: number) => {
      const view = cellAt(col, row)
      return (view.kind === 'text' && view.checked === true) || (view.kind === 'number' && view.editable)
    },
    [cellAt],
  )
  const provideEditor = useCallback<ProvideEditorCallback<GridCell>>(
    (cell) => {
      // The editor's location counts the row-number column; the shot table's columns do not.
      const [col, row] = cell.location ?? [-1, -1]
      const column = col - 1
      if ((cell.kind !== GridCellKind.Text && cell.kind !== GridCellKind.Uri) || !isChecked(column, row))
        return undefined
      edited.current = [column, row]
      return { editor: CheckedCellEditor }
    },
    [isChecked],
  )
  // Read through refs so the open editor keeps its state while the table updates live.
  const edited = useRef<[number, number]>([-1, -1])
  const latestProblem = useRef(cellProblem)
  latestProblem.current = cellProblem
  const editedCellProblem = useCallback(
    (text: string) => latestProblem.current(edited.current[0], edited.current[1], text),
    [],
  )
  const validateCell = useCallback(
    ([col, row]: Item, value: EditableGridCell) => {
      const text = editText(value)
      return text === undefined || !isChecked(col, row) || cellProblem(col, row, text) === null
    },
    [isChecked, cellProblem],
  )

  const getRowThemeOverride = useCallback(
    (row: number): Partial<Theme> | undefined => (cellAt(0, row).kind === 'group' ? groupTheme : undefined),
    [cellAt, groupTheme],
  )

  return (
    <EditedCellProblem.Provider value={editedCellProblem}>
      <div ref={container} data-testid="shot-grid" style={{ height: props.height }}>
        <DataEditor
          columns={gridColumns}
          rows={rows}
          getCellContent={getCellContent}
          getCellsForSelection={true}
          onCellsEdited={onCellsEdited}
          provideEditor={provideEditor}
          validateCell={validateCell}
          onPaste={false}
          keybindings={{ paste: false, search: false }}
          gridSelection={selection}
          onGridSelectionChange={setSelection}
          rangeSelect="multi-rect"
          columnSelect="none"
          rowMarkers={{ kind: props.onRowMove ? 'clickable-number' : 'number', width: MARKER_WIDTH }}
          onRowMoved={props.onRowMove}
          onCellActivated={([col, row]) => props.onActivate(col, row)}
          onColumnResize={(column, width) => props.onColumnResize?.(column.id ?? '', width)}
          onHeaderClicked={(col) => props.onHeaderClick(col)}
          onVisibleRegionChanged={(range) => props.onVisibleRowsChange?.(range.y, range.y + range.height)}
          getRowThemeOverride={getRowThemeOverride}
          freezeColumns={frozenColumns}
          rowHeight={ROW_HEIGHT}
          headerHeight={HEADER_HEIGHT}
          smoothScrollX={true}
          smoothScrollY={true}
          theme={theme}
          width="100%"
          height={props.height}
        />
      </div>
    </EditedCellProblem.Provider>
  )
}

/** Rows covered by the row markers and every selected cell range, in order. */
function selectedRows(selection: GridSelection): number[] {
  const rows = new Set(selection.rows.toArray())
  const current = selection.current
  for (const r of current ? [current.range, ...current.rangeStack] : []) {
    for (let y = r.y; y < r.y + r.height; y++) rows.add(y)
  }
  return [...rows].sort((a, b) => a - b)
}

/** Row and header heights, for tests that click into the canvas by coordinates. */
export const GRID_METRICS = { rowHeight: ROW_HEIGHT, headerHeight: HEADER_HEIGHT, markerWidth: MARKER_WIDTH } as const
