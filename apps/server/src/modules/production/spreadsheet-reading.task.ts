// Reading an imported spreadsheet (XLSX unzips and parses XML; CSV splits every field) is
// CPU-bound, so large files are read on the offload pool's worker threads; this file
// imports only the codec for that reason. The row cap applies wherever it runs.
import { PayloadTooLarge } from '@aipipeline/domain'
import { defineOffloadTask } from '../../offload/offload-task'
import { readCsv, readXlsx, type Sheet } from './spreadsheet-codec'

/** Files from this many bytes are read on a worker thread; smaller ones inline. */
export const OFFLOAD_SHEET_BYTES = 64 * 1024

export const readSheetTask = defineOffloadTask(
  import.meta.url,
  'readSheetTask',
  async (input: { format: 'xlsx' | 'csv'; data: Uint8Array; maxRows: number }): Promise<Sheet> => {
    // A Buffer arrives on a worker thread as a plain Uint8Array; view the same bytes.
    const data = Buffer.from(input.data.buffer, input.data.byteOffset, input.data.byteLength)
    const sheet = input.format === 'xlsx' ? await readXlsx(data) : readCsv(data)
    if (sheet.rows.length > input.maxRows) {
      throw new PayloadTooLarge(
        `the spreadsheet has ${sheet.rows.length} rows; this studio imports at most ${input.maxRows} (SPREADSHEET_MAX_ROWS)`,
        { field: 'data', limit: input.maxRows, actual: sheet.rows.length },
      )
    }
    return sheet
  },
)
