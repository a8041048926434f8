import type { ImportLimits, ImportOutcome } from './import-refusals';
import { splitDocx, splitText } from './split-specification';

/** A task for the worker pool (common/workers): the file's bytes travel as a transferred ArrayBuffer. */
export type ImportTask = { kind: 'docx'; bytes: Uint8Array; limits: ImportLimits } | { kind: 'text'; text: string; limits: ImportLimits };

/** Worker-thread entry: parses an uploaded specification off the event loop. */
export default async function importSpecification(task: ImportTask): Promise<ImportOutcome> {
  if (task.kind === 'docx') return splitDocx(Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength), task.limits);
  return splitText(task.text, task.limits);
}
