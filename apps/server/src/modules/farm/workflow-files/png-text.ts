// PNG text chunks (tEXt, zTXt, iTXt) as sharp (libvips/libpng) reports them.
import sharp from 'sharp'
import { UnreadableWorkflowFile } from './embedded-texts'

/** The keyword/text pairs of a PNG's text chunks. */
export async function pngTexts(bytes: Buffer): Promise<Array<[string, string]>> {
  let comments: Array<{ keyword: string; text: string }> | undefined
  try {
    comments = (await sharp(bytes).metadata()).comments
  } catch (err) {
    throw new UnreadableWorkflowFile(`the PNG cannot be read: ${err instanceof Error ? err.message : String(err)}`)
  }
  return (comments ?? []).map((c) => [c.keyword, c.text])
}
