// The grid's editor for cells whose text must parse (frames, numbers, dates, shot codes):
// Enter or Tab commits only text that parses; otherwise the cell stays in edit with the
// reason under it. Escape cancels and clicking away drops the edit (the grid's validateCell
// marks it invalid), so nothing unparsed is ever saved.
import { type GridCell, GridCellKind, type ProvideEditorComponent } from '@glideapps/glide-data-grid'
import { createContext, useContext, useState } from 'react'

/** Why text cannot go into the cell being edited (translated), or null; set by the grid. */
export const EditedCellProblem = createContext<(text: string) => string | null>(() => null)

/** The cell with new text (only text and link cells get this editor). */
function withText(cell: GridCell, text: string): GridCell {
  if (cell.kind === GridCellKind.Text) return { ...cell, data: text }
  if (cell.kind === GridCellKind.Uri) return { ...cell, data: text }
  return cell
}

/** The editor of a checked cell; the reason text is refused comes from EditedCellProblem. */
export const CheckedCellEditor: ProvideEditorComponent<GridCell> = (props) => {
  const problem = useContext(EditedCellProblem)
  const { value, onChange, onFinishedEditing, initialValue } = props
  const [text, setText] = useState(
    initialValue ?? ('data' in value && typeof value.data === 'string' ? value.data : ''),
  )
  const [attempted, setAttempted] = useState(false)
  const reason = problem(text)
  const commit = (movement: readonly [-1 | 0 | 1, -1 | 0 | 1]) => {
    if (reason !== null) {
      setAttempted(true)
      return
    }
    onFinishedEditing(withText(value, text), movement)
  }
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 4, minWidth: 180 }}>
      <input
        // The grid opens this editor on a key press or Enter; the caret belongs here.
        // biome-ignore lint/a11y/noAutofocus: a cell editor takes focus the moment it opens
        autoFocus
        data-testid="cell-editor"
        aria-invalid={reason !== null}
        value={text}
        style={{ font: 'inherit', border: 'none', outline: 'none', background: 'transparent', color: 'inherit' }}
        onChange={(e) => {
          setText(e.currentTarget.value)
          onChange(withText(value, e.currentTarget.value))
        }}
        onKeyDown={(e) => {
          if (e.key !== 'Enter' && e.key !== 'Tab') return
          // Handled here, not by the grid's overlay, which would commit or drop it unchecked.
          e.preventDefault()
          e.stopPropagation()
          commit(e.key === 'Enter' ? [0, 1] : [e.shiftKey ? -1 : 1, 0])
        }}
      />
      {attempted && reason !== null && (
        <div role="alert" data-testid="cell-problem" style={{ color: '#e03131', fontSize: 12, whiteSpace: 'normal' }}>
          {reason}
        </div>
      )}
    </div>
  )
}
