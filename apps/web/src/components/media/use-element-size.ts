// Tells `onSize` the element's content size whenever it changes (a stage that fills its box:
// the player, the compare viewer).
import { useEffect } from 'react'

export interface ElementSize {
  width: number
  height: number
}

export function useElementSize(el: HTMLElement | null, onSize: (size: ElementSize) => void): void {
  useEffect(() => {
    if (!el) return
    const observer = new ResizeObserver(([entry]) => {
      if (entry) onSize({ width: entry.contentRect.width, height: entry.contentRect.height })
    })
    observer.observe(el)
    return () => observer.disconnect()
  }, [el, onSize])
}
