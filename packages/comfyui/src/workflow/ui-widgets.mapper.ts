import { listInputs, type NodeDef, type ResolvedInput } from './object-info.schema'

const CONTROL_WORDS = new Set(['fixed', 'increment', 'decrement', 'randomize'])
const cache = new WeakMap<NodeDef, ResolvedInput[]>()

/**
 * Inputs that own a slot in `widgets_values`, in order. Socket-only types (MODEL, `*`, …) and
 * inputs flagged forceInput/defaultInput have no widget; lowercase types are custom widgets.
 */
export function widgetInputs(def: NodeDef): ResolvedInput[] {
  const cached = cache.get(def)
  if (cached !== undefined) return cached
  const list = listInputs(def).filter((input) => {
    if (input.category === 'hidden' || input.options.forceInput === true || input.options.defaultInput === true) {
      return false
    }
    if (['INT', 'FLOAT', 'STRING', 'BOOLEAN', 'COMBO'].includes(input.type)) return true
    return input.type !== '*' && input.type === input.type.toLowerCase() && /[a-z]/.test(input.type)
  })
  cache.set(def, list)
  return list
}

function isControlValue(value: unknown): boolean {
  // Very old workflows stored the companion as a boolean.
  return (typeof value === 'string' && CONTROL_WORDS.has(value)) || typeof value === 'boolean'
}

/**
 * Whether the value after this widget is the UI-only `control_after_generate` companion.
 * Declared companions are always there; the "seed in the name" guess yields to a following
 * combo that legitimately lists the same word.
 */
function hasCompanion(widget: ResolvedInput, next: ResolvedInput | undefined, value: unknown): boolean {
  if (!isControlValue(value)) return false
  const declared = widget.options.control_after_generate
  if (declared === true || typeof declared === 'string') return true
  if (widget.type !== 'INT' || !widget.name.includes('seed')) return false
  return !(next?.type === 'COMBO' && next.choices?.includes(typeof value === 'string' ? value : String(value)))
}

/** Maps a node's `widgets_values` (positional list or dict) onto input names. */
export function mapWidgetValues(
  def: NodeDef,
  values: unknown[] | Record<string, unknown> | undefined,
): Map<string, unknown> {
  const out = new Map<string, unknown>()
  if (values === undefined) return out
  const widgets = widgetInputs(def)
  if (!Array.isArray(values)) {
    for (const widget of widgets) if (widget.name in values) out.set(widget.name, values[widget.name])
    return out
  }
  let at = 0
  for (let i = 0; i < widgets.length && at < values.length; i++) {
    const widget = widgets[i]
    if (widget === undefined) break
    out.set(widget.name, values[at])
    at++
    if (at < values.length && hasCompanion(widget, widgets[i + 1], values[at])) at++
  }
  return out
}

/**
 * The value a subgraph node's widget holds for subgraph input `index`, or undefined when it
 * stores none. `promoted` lists the inputs that have a widget, in widget order; a surplus
 * control_after_generate companion after a value is skipped.
 */
export function promotedWidgetValue(
  promoted: readonly number[],
  values: unknown[] | Record<string, unknown> | undefined,
  index: number,
  name: string,
): { value: unknown } | undefined {
  if (values === undefined || !promoted.includes(index)) return undefined
  if (!Array.isArray(values)) return name in values ? { value: values[name] } : undefined
  let at = 0
  for (let k = 0; k < promoted.length && at < values.length; k++) {
    const value = values[at]
    if (promoted[k] === index) return { value }
    at++
    const surplus = values.length - at > promoted.length - (k + 1)
    if (surplus && typeof value === 'number' && isControlValue(values[at])) at++
  }
  return undefined
}
