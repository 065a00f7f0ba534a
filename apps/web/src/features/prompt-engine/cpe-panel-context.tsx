// What every field of the panel needs: the analysed config, the catalog, the UI language and
// one way to change the config. Provided once by PromptEnginePanel.
import type { Catalog, CpeConfig } from '@aipipeline/cpe'
import { createContext, type ReactNode, useContext } from 'react'
import type { UiLocale } from './choice-data'
import type { PanelAnalysis } from './cpe-analysis'

export interface PanelState {
  analysis: PanelAnalysis
  catalog: Catalog
  locale: UiLocale
  /** Whether choices the rules exclude may still be picked (they stay marked either way). */
  allowExcluded: boolean
  /** Applies an edit to the current config and reports the result to the owner. */
  edit: (change: (config: CpeConfig) => CpeConfig) => void
}

const PanelContext = createContext<PanelState | null>(null)

export function PanelProvider({ value, children }: { value: PanelState; children: ReactNode }) {
  return <PanelContext.Provider value={value}>{children}</PanelContext.Provider>
}

/** The panel state; only valid inside PromptEnginePanel. */
export function usePanel(): PanelState {
  const state = useContext(PanelContext)
  if (state === null) throw new Error('usePanel() outside PromptEnginePanel')
  return state
}
