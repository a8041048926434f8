import { OcdsInputError } from './ocds-errors';
import type { OcdsRecord, OcdsRelease } from './ocds.types';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** Fields that describe a release, not the contracting process: left out of the compiled release (`omitWhenMerged`). */
const OMIT_WHEN_MERGED = new Set(['id', 'date', 'tag']);

/**
 * A record of one ocid: its releases oldest first, and the compiled release merged by the OCDS rules: releases in
 * date order, later values replacing earlier ones field by field; an array of objects that all have an `id` is merged
 * item by item by id (new ids appended in order); any other array is replaced whole; a `null` removes the field. The
 * compiled release is tagged `compiled`, dated by its latest release and identified as `<ocid>-<that date>`.
 */
export function compileRecord(releases: readonly OcdsRelease[]): OcdsRecord {
  if (!releases.length) throw new OcdsInputError('A record needs at least one release.');
  const ocid = releases[0].ocid;
  const stray = releases.find((r) => r.ocid !== ocid);
  if (stray) throw new OcdsInputError(`Release ${stray.id} is of ${stray.ocid}, not ${ocid}: a record holds one ocid.`);
  const ordered = [...releases].sort((a, b) => Date.parse(a.date) - Date.parse(b.date));
  let compiled: JsonObject = {};
  for (const release of ordered) {
    const data = Object.fromEntries(Object.entries(release).filter(([key]) => !OMIT_WHEN_MERGED.has(key))) as JsonObject;
    compiled = mergeObject(compiled, data);
  }
  const date = ordered[ordered.length - 1].date;
  return {
    ocid,
    releases: ordered,
    compiledRelease: { ...(compiled as unknown as OcdsRelease), id: `${ocid}-${date}`, date, tag: ['compiled'] },
  };
}

function mergeObject(target: JsonObject, update: JsonObject): JsonObject {
  const out: JsonObject = { ...target };
  for (const [key, value] of Object.entries(update)) {
    if (value === null) delete out[key];
    else out[key] = mergeValue(out[key], value);
  }
  return out;
}

function mergeValue(target: Json | undefined, update: Json): Json {
  if (isObject(update)) return mergeObject(isObject(target) ? target : {}, update);
  if (Array.isArray(update) && update.length && update.every(hasId)) {
    const items: JsonObject[] = Array.isArray(target) && target.every(hasId) ? [...target] : [];
    for (const item of update) {
      const at = items.findIndex((x) => x['id'] === item['id']);
      if (at === -1) items.push(mergeObject({}, item));
      else items[at] = mergeObject(items[at], item);
    }
    return items;
  }
  return update;
}

const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasId = (v: Json): v is JsonObject => isObject(v) && (typeof v['id'] === 'string' || typeof v['id'] === 'number');
