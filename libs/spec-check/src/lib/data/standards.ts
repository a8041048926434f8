/**
 * Standards, certification schemes, qualifications and legal registrations.
 *
 * HOW TO EXTEND
 * - CERTIFICATION_SCHEMES: schemes a supplier is certified, accredited or registered under. Demanding one
 *   without accepting equivalents is an error (standard.certification). Regex sources, case-sensitive.
 * - QUALIFICATIONS: personal qualifications and memberships (standard.qualification). Regex sources, case-sensitive.
 * - LEGAL_REGISTRATIONS: registrations the law itself requires (Gas Safe, CQC, DBS…). Requiring these is fine and
 *   never flagged. Regex sources, case-insensitive.
 * - LEGAL_BASELINE_STANDARDS: standards that restate a legal duty (WCAG for public-sector websites). Flagged only
 *   as info.
 * - NATIONAL_TO_INTERNATIONAL: withdrawn or national standards and the international one to cite instead.
 */

export const CERTIFICATION_SCHEMES: readonly string[] = [
  'Cyber Essentials(?: Plus|\\+)?', 'CHAS(?: Premium Plus| Elite)?', 'SafeContractor', 'Constructionline(?: Gold| Silver| Platinum)?',
  'SMAS(?: Worksafe)?', 'Acclaim Accreditation', 'Achilles(?: UVDB| BuildingConfidence)?', 'Avetta', 'Builders Profile', 'Alcumus',
  'TrustMark', 'NICEIC', 'NAPIT', 'ELECSA', 'FENSA', 'CERTASS', 'OFTEC', 'HETAS', 'MCS(?:[- ]certified| accredited| accreditation)',
  'Microgeneration Certification Scheme', 'BREEAM(?: (?:Outstanding|Excellent|Very Good))?', 'Passivhaus', 'FORS(?: (?:Bronze|Silver|Gold))?',
  'CLOCS', 'Investors in People', 'IiP', 'Disability Confident(?: Leader| Employer)?', '(?:accredited )?Living Wage (?:[Ee]mployer|Foundation accreditation|accreditation)',
  'B Corp(?:oration)?', 'EcoVadis', 'Carbon Trust Standard', 'Planet Mark', 'UKAS[- ]accredited', 'UKAS accreditation', 'BAFE(?: SP\\d+)?',
  'LPCB', 'NSI (?:Gold|Silver)', 'SSAIB', 'ECA member(?:ship)?', 'BESA', 'Secured by Design', 'Fairtrade(?: certified| Mark)?',
  'FSC(?:[- ]certified| certification)?', 'PEFC(?:[- ]certified| certification)?', 'Red Tractor', 'RSPCA Assured', 'MSC[- ]certified',
  'Soil Association', 'Energy Star', 'EU Ecolabel', 'TCO Certified', 'EPEAT(?: Gold| Silver)?', 'Blue Angel', 'Nordic Swan',
  'Cradle to Cradle', 'OEKO-TEX', 'bluesign', 'GOTS', 'CREST(?:[- ]accredited| approved)?',
  'CHECK (?:scheme|accredited|approved)', 'NCSC[- ](?:assured|certified)', 'Cyber Assurance', 'IASME(?: Governance)?', 'Made in Britain',
  'BSI Kitemark', 'Kitemark', 'Quality Mark', 'Matrix Standard', 'Customer Service Excellence', 'ServiceMark',
];

export const QUALIFICATIONS: readonly string[] = [
  'PRINCE2(?:®)?(?: Agile)? (?:Practitioner|Foundation|[Qq]ualified|[Cc]ertified|[Cc]ertification|[Qq]ualification|[Aa]ccredited|trained)', 'MSP(?:®)? (?:Practitioner|Foundation)', 'MoP(?: Practitioner)?',
  'APM (?:PMQ|PFQ|PPQ|ChPP|Project Management Qualification)', 'ChPP', 'PMP', 'CAPM', 'PMI[- ]certified', 'ITIL(?:[ -]?v?\\d)? (?:Foundation|Expert|Practitioner|Managing Professional|Master|[Qq]ualified|[Cc]ertified|[Cc]ertification|[Qq]ualification)',
  'TOGAF(?: \\d+)? (?:Foundation|Certified|certified|qualified|certification|qualification|Practitioner)', 'CISSP', 'CISM', 'CISA', 'CRISC', 'CEH', 'OSCP', 'CCNA', 'CCNP', 'CCIE',
  'CompTIA(?: \\w+\\+?)?', 'MCSE', 'MCSA', 'Microsoft Certified(?: \\w+)*', 'AWS Certified(?: \\w+)*', 'Certified ScrumMaster', 'CSM',
  'PSM ?I{1,3}', 'Professional Scrum Master', 'SAFe(?:®)? (?:Agilist|Practitioner|Program Consultant)', 'SPC',
  'BCS (?:Foundation|Practitioner|Certificate|Diploma)', 'MCIPS', 'FCIPS', 'CIPS (?:Level \\d|qualified|qualification|Diploma|membership)',
  'Chartered (?:Member|Fellow) of CIPS', 'CIPD(?: Level \\d)?', 'CIMA', 'ACCA', 'ICAEW', 'ICAS', 'CIPFA', 'AAT', 'MRICS', 'FRICS',
  'RICS[- ](?:registered|accredited|qualified|chartered|membership)', 'MCIOB', 'FCIOB', 'CIBSE (?:membership|member)', 'MIET', 'MICE',
  'MIStructE', 'CEng', 'IEng', 'EngTech', 'NEBOSH(?: (?:General|Construction|National|International) Certificate| Diploma)?',
  'IOSH(?: Managing Safely| Working Safely)?', 'CSCS(?: (?:Gold|Black|Blue|Green))? cards?', 'SMSTS', 'SSSTS', 'IPAF', 'PASMA',
  'ECS cards?', 'JIB (?:card|grading)', 'City (?:&|and) Guilds(?: \\d{4})?', '18th Edition', 'NVQ(?: Level \\d)?', 'QCF Level \\d',
  'RQF Level \\d', 'BTEC', 'HNC', 'HND', 'Level \\d (?:Diploma|Certificate|Award|qualification)', 'Makaton (?:trained|training|qualified)',
  'Six Sigma (?:Black|Green|Yellow) Belt', 'Lean Six Sigma (?:Black|Green|Yellow) Belt', '(?:Black|Green) Belt',
];

/** Registrations the law requires (never a finding). Case-insensitive regex sources. */
export const LEGAL_REGISTRATIONS: readonly string[] = [
  'gas\\s+safe', 'CQC', 'Care\\s+Quality\\s+Commission', 'Ofsted', 'SIA\\s+(?:licen[cs]ed?|licen[cs]es|approved)', 'SIA', 'Security\\s+Industry\\s+Authority',
  'DBS', 'disclosure\\s+and\\s+barring', 'enhanced\\s+(?:DBS|disclosure)', 'HCPC', 'NMC', 'GMC', 'GPhC', 'GDC', 'GOC', 'Social\\s+Work\\s+England',
  'SWE', 'FCA', 'Financial\\s+Conduct\\s+Authority', 'ICO', 'Information\\s+Commissioner', 'waste\\s+carriers?\\s+(?:licen[cs]e|registration)',
  'upper\\s+tier\\s+waste\\s+carrier', 'environmental\\s+permit', 'operator\\s+licen[cs]e', "O-licen[cs]e", 'ARB', 'Architects\\s+Registration\\s+Board',
  'CE\\s+mark(?:ed|ing)?', 'UKCA(?:\\s+mark(?:ed|ing)?)?', 'MHRA', 'DSP\\s+Toolkit', 'Data\\s+Security\\s+and\\s+Protection\\s+Toolkit',
  'BPSS', 'Baseline\\s+Personnel\\s+Security\\s+Standard', 'security\\s+clearance', 'SC\\s+clearance', 'DV\\s+clearance', 'NPPV',
  'HGV\\s+licen[cs]e', 'driving\\s+licen[cs]e', 'Driver\\s+CPC', 'ADR\\s+certificate', 'F-gas', 'Companies\\s+House', 'registered\\s+charity',
  'Charity\\s+Commission', 'Office\\s+of\\s+the\\s+Regulator', 'Ofqual', 'Food\\s+Hygiene\\s+Rating', 'Level\\s+2\\s+Food\\s+Hygiene',
];

/** Standards that restate a legal duty (info only when cited without "or equivalent"). Regex sources. */
export const LEGAL_BASELINE_STANDARDS: readonly string[] = [
  'WCAG(?:\\s*\\d(?:\\.\\d)?)?(?:\\s*(?:level\\s+)?A{1,3})?', 'Web\\s+Content\\s+Accessibility\\s+Guidelines(?:\\s*\\d(?:\\.\\d)?)?',
  'BS\\s?7671(?::\\d{4})?', 'IET\\s+Wiring\\s+Regulations', 'HTM\\s?\\d{2}-\\d{2}', 'HBN\\s?\\d{2}(?:-\\d{2})?', 'SHTM\\s?\\d{2}-\\d{2}',
  'PCI[- ]DSS', 'SNOMED(?:\\s+CT)?', 'dm\\+d', 'ICD-1[01]', 'OPCS-4', 'NHS\\s+number', 'GS1', 'Peppol', 'EN\\s?301\\s?549',
  'Public\\s+Sector\\s+Bodies\\s+Accessibility\\s+Regulations', 'Building\\s+Regulations', 'Approved\\s+Document\\s+[A-T]',
  'Part\\s+[A-T]\\s+of\\s+the\\s+Building\\s+Regulations', 'Euro\\s?(?:6|VI)', 'ULEZ', 'CDM\\s+(?:2015|Regulations)',
  'DCB\\s?0?129', 'DCB\\s?0?160', 'DTAC', 'Service\\s+Standard', 'Technology\\s+Code\\s+of\\s+Practice',
];

/** Technical and data standards cited by name (not number). Regex sources, case-sensitive. */
export const NAMED_TECHNICAL_STANDARDS: readonly string[] = [
  'HL7(?:\\s+(?:v\\d|FHIR|CDA))?', 'FHIR(?:\\s+R\\d)?', 'DICOM', 'IHE', 'LOINC', 'COBie', 'IFC', 'Uniclass(?: 2015)?', 
  'CityGML', 'INSPIRE', 'Open\\s+Banking', 'EMV', 'Zigbee', 'Z-Wave', 'LoRaWAN', 'BACnet', 'Modbus', 'KNX', 'DALI', 'OCPP', 'CHAdeMO', 'CCS2',
  'Type\\s+2\\s+connectors?', 'TETRA', 'DMR', 'SCORM', 'xAPI', 'LTI',
];

export interface NationalStandard {
  /** Regex source matching the national or withdrawn standard. */
  pattern: string;
  international: string;
}

export const NATIONAL_TO_INTERNATIONAL: readonly NationalStandard[] = [
  { pattern: 'BS\\s?5750', international: 'ISO 9001' },
  { pattern: 'BS\\s?7750', international: 'ISO 14001' },
  { pattern: 'BS\\s?7799', international: 'ISO/IEC 27001' },
  { pattern: 'BS\\s?15000', international: 'ISO/IEC 20000-1' },
  { pattern: 'BS\\s?25999', international: 'ISO 22301' },
  { pattern: '(?:BS\\s?)?OHSAS\\s?18001', international: 'ISO 45001' },
  { pattern: 'BS\\s?10012', international: 'ISO/IEC 27701' },
  { pattern: 'BS\\s?8555', international: 'ISO 14005' },
  { pattern: 'BS\\s?11000', international: 'ISO 44001' },
  { pattern: 'BS\\s?25777', international: 'ISO/IEC 27031' },
  { pattern: 'BS\\s?8900', international: 'ISO 20121' },
  { pattern: 'BS\\s?16001', international: 'ISO 50001' },
  { pattern: 'BS\\s?8901', international: 'ISO 20121' },
  { pattern: 'PAS\\s?2050', international: 'ISO 14067' },
  { pattern: 'PAS\\s?1192(?:-\\d)?', international: 'ISO 19650' },
  { pattern: 'BS\\s?1192(?::\\d{4})?', international: 'ISO 19650' },
  { pattern: 'BS\\s?8555', international: 'ISO 14005' },
  { pattern: '(?:DIN|ANSI|ASTM|NF|UNE|AS/NZS|CSA)\\s?[A-Z]?\\s?\\d{2,6}(?:[-.]\\d+)*', international: 'an ISO, IEC or EN standard' },
];
