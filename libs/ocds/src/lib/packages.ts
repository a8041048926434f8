import { instant, OcdsInputError } from './ocds-errors';
import type { OcdsPublisher, OcdsRecordPackage, OcdsRelease, OcdsReleasePackage } from './ocds.types';
import { compileRecord } from './compile-record';

/**
 * The extensions every package declares (each repository's extension.json, at the commit the schema files in
 * libs/ocds/schema were copied from): lots, award criteria, bids, and the UK profile that Find a Tender declares.
 */
export const OCDS_EXTENSIONS: readonly string[] = [
  'https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/8d3b52eb26ce0f1a015c91b665c120b17ef619a0/extension.json',
  'https://raw.githubusercontent.com/open-contracting-extensions/ocds_awardCriteria_extension/9391240f353e8536992938fe9f7987cd89235331/extension.json',
  'https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/d62ff4b0ba393d823ca8113a9039b12edf7acb8f/extension.json',
  'https://raw.githubusercontent.com/cabinetoffice/ocds_uk_extension/aa0e43b84dfad0cb9b839a8135e0bc4b285d32fc/extension.json',
];

export interface PackageMeta {
  /** The package's own URI (the URL it was served at). */
  uri: string;
  publisher: OcdsPublisher;
  /** When the package's contents last changed; by default the latest release's date. */
  publishedDate?: string;
  license?: string;
  publicationPolicy?: string;
}

/**
 * A release package: the releases as given, with the publisher, the OCDS version and the declared extensions. The
 * package schema wants at least one release; an empty one (a feed's page with nothing in it) needs `publishedDate`.
 */
export function releasePackage(releases: readonly OcdsRelease[], meta: PackageMeta): OcdsReleasePackage {
  if (!releases.length && !meta.publishedDate)
    throw new OcdsInputError('A release package needs at least one release, or its publishedDate.');
  return {
    uri: meta.uri,
    version: '1.1',
    extensions: [...OCDS_EXTENSIONS],
    publishedDate: meta.publishedDate ? instant(meta.publishedDate) : latest(releases),
    publisher: meta.publisher,
    ...(meta.license ? { license: meta.license } : {}),
    ...(meta.publicationPolicy ? { publicationPolicy: meta.publicationPolicy } : {}),
    releases: [...releases],
  };
}

/** A record package of one ocid's releases (compiled by `compileRecord`). */
export function recordPackage(releases: readonly OcdsRelease[], meta: PackageMeta): OcdsRecordPackage {
  const record = compileRecord(releases);
  return {
    uri: meta.uri,
    version: '1.1',
    extensions: [...OCDS_EXTENSIONS],
    publishedDate: meta.publishedDate ? instant(meta.publishedDate) : latest(releases),
    publisher: meta.publisher,
    ...(meta.license ? { license: meta.license } : {}),
    ...(meta.publicationPolicy ? { publicationPolicy: meta.publicationPolicy } : {}),
    records: [record],
  };
}

const latest = (releases: readonly OcdsRelease[]) => new Date(Math.max(...releases.map((r) => Date.parse(r.date)))).toISOString();
