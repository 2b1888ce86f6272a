import { type EventEmitter, once } from 'node:events';
import type ExcelJS from 'exceljs';

/** The zip entry a sheet's XML goes into: archiver's PassThrough (readable-stream 2, no writableLength). */
type ZipEntry = EventEmitter & { _writableState: { needDrain: boolean } };

/**
 * exceljs pushes each sheet's XML into its zip entry without heeding backpressure, and deflate takes
 * it a chunk per event-loop turn: with a turn only every 2,000 rows, the XML of a whole sheet piled up
 * in the entry (90 MB for 100,000 rows), and the Buffers that waited there long enough to reach V8's
 * old generation stayed in memory after deflate had taken them, until a major GC. Waiting for the
 * entry to drain every few hundred rows keeps both small at no cost in time (deflate is fast).
 */
export async function compressorCaughtUp(ws: ExcelJS.Worksheet): Promise<void> {
  const entry = (ws as unknown as { stream: { pipes: ZipEntry[] } }).stream.pipes[0];
  if (entry?._writableState.needDrain) await once(entry, 'drain');
}
