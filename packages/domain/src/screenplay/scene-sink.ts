// Collects parsed parts into the preamble and scenes, tracking who speaks in each scene.
import type { Scene, SceneHeading, ScreenplayElement } from './screenplay.model'

/** Collects elements into the preamble or the current scene. */
export class SceneSink {
  readonly preamble: ScreenplayElement[] = []
  readonly scenes: Scene[] = []
  heading(heading: SceneHeading): void {
    this.scenes.push({ index: this.scenes.length, heading, elements: [], characters: [] })
  }
  element(element: ScreenplayElement): void {
    const scene = this.scenes.at(-1)
    if (scene === undefined) {
      this.preamble.push(element)
      return
    }
    scene.elements.push(element)
    const name = element.character
    if (element.kind === 'character' && name !== undefined && !scene.characters.includes(name)) {
      scene.characters.push(name)
    }
  }
}
