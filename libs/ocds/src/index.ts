/** OCDS 1.1 with the UK profile (issue 15): pure functions from published data to releases, records and packages. */
export * from './lib/ocds.types';
export * from './lib/inputs';
export { OcdsInputError } from './lib/ocds-errors';
export { ocdsTenderStatus, awardCriteria, PROCUREMENT_METHODS, PROCUREMENT_METHOD_DETAILS, RELEASE_IDS } from './lib/mappings';
export { COMPANIES_HOUSE_SCHEME, LOCAL_ORGANISATION_SCHEME, organisationIdentifier, partyId } from './lib/parties';
export { tenderRelease, tenderUpdateRelease, publishedVersionRelease } from './lib/tender-release';
export { awardRelease, contractRelease, bidStatistics } from './lib/award-release';
export { planningRelease } from './lib/planning-release';
export { compileRecord } from './lib/compile-record';
export { releasePackage, recordPackage, OCDS_EXTENSIONS, type PackageMeta } from './lib/packages';
