// The shot table's grid is a canvas (shot-grid.tsx geometry): browser tests click cells by position.
import type { Page } from 'playwright-core'

const MARKER = 44
const HEADER = 38
const ROW = 36
const DESCRIPTION_X = MARKER + 90 + 90 + 110 + 120

/**
 * Opens the shot table and selects the rows `first` to `first + count - 1` (0-based, editorial
 * order): a click on the first, a shift-click on the last. Tries again (up to three times) until
 * the Render button counts the selection, since a click can land while the grid still lays out.
 */
export async function selectShotRows(page: Page, url: string, projectId: string, first: number, count: number) {
  await page.goto(`${url}/projects/${projectId}/shots`)
  await page.getByTestId('shot-count').filter({ hasText: '40' }).waitFor()
  for (let attempt = 1; ; attempt++) {
    await page.waitForTimeout(400 * attempt)
    const box = await page.getByTestId('shot-grid').boundingBox()
    if (!box) throw new Error('no grid')
    const rowY = (row: number) => box.y + HEADER + row * ROW + ROW / 2
    await page.mouse.click(box.x + DESCRIPTION_X, rowY(first))
    if (count > 1) {
      await page.keyboard.down('Shift')
      await page.mouse.click(box.x + DESCRIPTION_X, rowY(first + count - 1))
      await page.keyboard.up('Shift')
    }
    const counted = await page
      .getByTestId('render-open')
      .filter({ hasText: new RegExp(`\\b${count}\\b`) })
      .waitFor({ timeout: 5_000 })
      .then(() => true)
      .catch(() => false)
    if (counted || attempt === 3) return
  }
}
