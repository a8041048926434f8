import type { FindingCategory, RuleId, RuleInfo, Severity } from './types';

/**
 * The rule catalogue: one entry per rule id, so a UI can show "why" without running a check.
 * References are to the Procurement Act 2023 (PA23) unless stated; PCR 2015 is the Public Contracts
 * Regulations 2015, which still govern procurements started before 24 February 2025.
 */
const PA_TECH_BRAND = 'Procurement Act 2023 s56(7)–(8); PCR 2015 reg 42(4)';
const PA_TECH_PERF = 'Procurement Act 2023 s56(2); PCR 2015 reg 42(3); CJEU C-424/23 DYKA';
const PA_STANDARDS = 'Procurement Act 2023 s56(3)–(6); PCR 2015 reg 42(3)(b)';
const PA_COP = 'Procurement Act 2023 s22 (conditions of participation must be proportionate)';

function r(id: RuleId, severity: Severity, title: string, reference: string, explanation: string): RuleInfo {
  const category = id.slice(0, id.indexOf('.')) as FindingCategory;
  return { id, category, severity, title, reference, explanation };
}

export const RULE_LIST: readonly RuleInfo[] = [
  // ── brand ──────────────────────────────────────────────────────────────
  r(
    'brand.named-product',
    'error',
    'Brand or product named without "or equivalent"',
    PA_TECH_BRAND,
    'Naming a trade mark, trade name, product, proprietary system or producer shuts out every supplier who offers something different that would do the job. The law allows it only where the requirement cannot otherwise be described precisely, and then it must be followed by "or equivalent".',
  ),
  r(
    'brand.equivalents-refused',
    'error',
    'Equivalents expressly refused',
    PA_TECH_BRAND,
    'The text names a brand or standard and says equivalents will not be accepted. Unless you can justify it (for example, compatibility with a system you already own), that is a clear breach.',
  ),
  r(
    'brand.genericised-trade-mark',
    'warning',
    'Trade mark used as a generic word',
    PA_TECH_BRAND,
    'Words like "Portakabin", "Hoover" or "Tarmac" are trade marks. Suppliers may read them as a demand for that brand. Use the generic name.',
  ),
  r(
    'brand.product-like-name',
    'warning',
    'Looks like a product or model name',
    PA_TECH_BRAND,
    'A capitalised name with a model number, a trade mark symbol or unusual capitals usually names one product. Describe the performance you need instead, or add "or equivalent".',
  ),
  r(
    'brand.named-producer',
    'warning',
    'Named manufacturer or supplier',
    PA_TECH_BRAND,
    'Requiring goods from a named manufacturer or company excludes everyone else who could meet the need.',
  ),
  r(
    'brand.proprietary',
    'warning',
    'Proprietary, patented or "same make" requirement',
    PA_TECH_BRAND,
    'Requiring a patented or proprietary product, or the same make as existing equipment, locks the contract to one supplier. If compatibility is the real need, state the interface or standard to be met.',
  ),
  r(
    'brand.place-of-origin',
    'warning',
    'Place of origin required',
    `${PA_TECH_BRAND}; Procurement Act 2023 s90 (non-discrimination)`,
    'Requiring goods to be made or sourced in a particular place discriminates against suppliers from elsewhere, including treaty-state suppliers.',
  ),
  r(
    'brand.existing-system',
    'info',
    'Existing product named for compatibility',
    PA_TECH_BRAND,
    'Naming a system you already run, so that the new service works with it, is usually fine. Make sure the requirement asks for compatibility, not for that product, and record the reason as a justification.',
  ),
  // ── solution ───────────────────────────────────────────────────────────
  r(
    'solution.named-technology',
    'warning',
    'Technology, language or platform dictated',
    PA_TECH_PERF,
    'Naming a programming language, framework, database, operating system or platform decides the solution for the supplier. Say what the service must do and what it must work with; let suppliers propose the technology.',
  ),
  r(
    'solution.architecture',
    'warning',
    'Design, architecture or hosting model dictated',
    PA_TECH_PERF,
    'Fixing the architecture or hosting model (for example microservices, on-premises servers, a native app, blockchain) rules out other designs that might be better or cheaper. State the performance, security and availability you need.',
  ),
  r(
    'solution.licensing-model',
    'warning',
    'Licensing model dictated',
    PA_TECH_PERF,
    'Requiring a particular licensing model (perpetual, per-user, concurrent, a named licence) narrows the market. State the outcome you need, such as total cost over the contract or the rights you need to the software.',
  ),
  r(
    'solution.fixed-type',
    'warning',
    'Fixed type or material dictated',
    PA_TECH_PERF,
    'Requiring a particular type or material (for example PVC pipes, diesel vans, timber frames) is a technical specification that must be justified and open to equivalents: the Court of Justice held in DYKA (C-424/23) that "type" requirements also need "or equivalent". Describe the performance instead.',
  ),
  r(
    'solution.problem-names-solution',
    'warning',
    'Problem statement already names the solution',
    PA_TECH_PERF,
    'Starting from "we need an app/portal/system" decides the answer before the market has been asked. Describe the problem and who has it, and let suppliers propose how to solve it.',
  ),
  r(
    'solution.prescribed-design',
    'warning',
    'Design or form of the solution dictated',
    PA_TECH_PERF,
    'The requirement says what the solution must be or be built with (a wizard, a mobile app, a relational database) rather than what it must achieve. State what users must be able to do and how well, and let suppliers propose the design.',
  ),
  // ── method ─────────────────────────────────────────────────────────────
  r(
    'method.team-composition',
    'warning',
    'Team size or roles dictated',
    PA_TECH_PERF,
    "Specifying how many people, which roles or how many full-time equivalents prescribes the supplier's method. Specify the outcomes and service levels; let suppliers decide how to staff them.",
  ),
  r(
    'method.on-site',
    'warning',
    'On-site attendance or location of work dictated',
    PA_TECH_PERF,
    'Requiring staff to be on site a set number of days, or to be based at your offices, dictates how the supplier works and adds cost. Say what needs to happen in person and why.',
  ),
  r(
    'method.named-methodology',
    'warning',
    'Named methodology or method dictated',
    PA_TECH_PERF,
    'Requiring a named methodology (for example PRINCE2, Scrum, Lean Six Sigma) or your own method tells the supplier how to work rather than what to achieve.',
  ),
  r(
    'method.process-steps',
    'warning',
    'Process steps or task frequencies dictated',
    PA_TECH_PERF,
    'Fixing frequencies ("mop twice daily"), visit lengths or process steps is an input specification. An output specification ("floors visibly clean and dry at all times, checked by monthly audit") lets suppliers find better ways.',
  ),
  r(
    'method.working-hours',
    'warning',
    'Supplier working hours dictated',
    PA_TECH_PERF,
    "Fixing when the supplier's staff work, rather than when the service must be available, dictates method.",
  ),
  r(
    'method.tools',
    'warning',
    'Working tools dictated',
    PA_TECH_PERF,
    'Requiring the supplier to manage its work in a particular tool prescribes its method. If you need information in a format, ask for the format.',
  ),
  r(
    'method.staff-experience',
    'warning',
    'Fixed years of staff experience',
    `${PA_TECH_PERF}; ${PA_COP}`,
    "A fixed number of years' experience is a poor proxy for competence and shuts out capable people. Describe the skills or results needed.",
  ),
  r(
    'method.prescribed-means',
    'warning',
    'How the work is done dictated',
    PA_TECH_PERF,
    'The requirement fixes the means (equipment, materials, channels, meetings or who does the work) instead of the result. Say what must be achieved and how it will be checked; let suppliers decide how.',
  ),
  // ── standard ───────────────────────────────────────────────────────────
  r(
    'standard.certification',
    'error',
    'Certification or accreditation without equivalents',
    `${PA_STANDARDS}; Procurement Act 2023 s22(4) (s46(4)(c) for frameworks)`,
    'You may ask suppliers to meet a standard, but you must accept equivalent certification and other evidence that they meet it. Demanding one certificate or scheme membership excludes suppliers who meet the standard another way.',
  ),
  r(
    'standard.qualification',
    'warning',
    'Qualification or membership without equivalents',
    `${PA_STANDARDS}; Procurement Act 2023 s22(4) (s46(4)(c) for frameworks)`,
    'Demanding a named qualification or professional membership without accepting equivalents excludes people qualified elsewhere.',
  ),
  r(
    'standard.no-equivalent',
    'warning',
    'Standard cited without "or equivalent"',
    PA_STANDARDS,
    'When a specification refers to a standard it must also accept equivalents.',
  ),
  r(
    'standard.national-standard',
    'warning',
    'National standard where an international one exists',
    `${PA_STANDARDS}; Procurement Act 2023 s90`,
    'Prefer the international standard (ISO/IEC/EN) where there is one; national standards favour domestic suppliers.',
  ),
  r(
    'standard.legal-baseline',
    'info',
    'Legal baseline standard cited',
    PA_STANDARDS,
    'This standard reflects a legal duty, so citing it is fine. Adding "or equivalent" costs nothing and avoids challenge.',
  ),
  // ── threshold ──────────────────────────────────────────────────────────
  r(
    'threshold.turnover-excessive',
    'error',
    'Minimum turnover above twice the contract value',
    `${PA_COP}; PCR 2015 reg 58(9)`,
    'A minimum yearly turnover of more than twice the estimated contract value is disproportionate and shuts out SMEs.',
  ),
  r(
    'threshold.turnover-unverified',
    'warning',
    'Minimum turnover: check it is proportionate',
    `${PA_COP}; PCR 2015 reg 58(9)`,
    'A turnover requirement should not exceed twice the estimated contract value. The contract value is not stated here, so this could not be checked.',
  ),
  r(
    'threshold.years-trading',
    'warning',
    'Minimum years of trading',
    `${PA_COP}; Procurement Act 2023 s12(4) (SME barriers)`,
    'A minimum trading history excludes new businesses that could do the work. Ask for evidence of capability instead.',
  ),
  r(
    'threshold.headcount',
    'warning',
    'Minimum company size (headcount)',
    `${PA_COP}; Procurement Act 2023 s12(4)`,
    'Requiring a minimum number of employees excludes small firms. Ask for evidence that the supplier can resource the contract.',
  ),
  r(
    'threshold.previous-authority',
    'error',
    'Past work for a particular authority required',
    'Procurement Act 2023 s22(4) (s46(4)(a) for frameworks)',
    'You may not require suppliers to have been awarded a contract by a particular contracting authority.',
  ),
  r(
    'threshold.sector-experience',
    'warning',
    'Experience or references restricted to one sector or type of buyer',
    `${PA_COP}; Procurement Act 2023 s22(4) (s46(4)(a)); Cabinet Office guidance on conditions of participation`,
    'Requiring experience, contracts or references from one sector or type of buyer (for example NHS trusts, London boroughs, local authorities in one region) shuts out capable suppliers who have done the same work elsewhere. Ask for work of comparable scope and complexity in any sector.',
  ),
  r(
    'threshold.insurance-at-bid',
    'warning',
    'Insurance demanded at bid stage',
    'Procurement Act 2023 s22(3)(b) (s46(3) for frameworks)',
    'You may not require insurance relating to the contract to be in place before award, except insurance the law already requires. Ask for a commitment to hold it from the start of the contract.',
  ),
  r(
    'threshold.audited-accounts',
    'warning',
    'Audited accounts demanded from all suppliers',
    'Procurement Act 2023 s22(3)(a) (s46(3) for frameworks)',
    'You may not require audited accounts from suppliers that are not required by law to have them audited (most small companies).',
  ),
  r(
    'threshold.local-presence',
    'warning',
    'Local or UK office required',
    `${PA_COP}; Procurement Act 2023 s90 (non-discrimination)`,
    'Requiring an office or base in a particular place excludes suppliers elsewhere. Specify the response time or availability you need.',
  ),
  r(
    'threshold.financial-ratio',
    'warning',
    'Fixed financial ratio or credit score',
    PA_COP,
    'Fixed credit scores, profit or net-asset tests can exclude sound SMEs. Use proportionate checks and accept other evidence of financial capacity.',
  ),
  // ── measure ────────────────────────────────────────────────────────────
  r(
    'measure.vague-term',
    'warning',
    'Vague word with no measure',
    'Procurement Act 2023 s23(3) (award criteria must be clear, measurable and specific)',
    'Words like "user-friendly", "robust" or "timely" mean different things to different bidders and cannot be evaluated fairly. Add a measure.',
  ),
  r(
    'measure.unmeasurable-outcome',
    'warning',
    'Outcome with no success measure',
    'Procurement Act 2023 s23(3); s52 (key performance indicators)',
    'The requirement asks for an improvement but does not say how much, by when or how it will be measured.',
  ),
  // ── readability ────────────────────────────────────────────────────────
  r(
    'readability.long-sentence',
    'info',
    'Long sentence',
    'GOV.UK style guide (plain English); Procurement Act 2023 s12(4)',
    'Sentences over 30 words are hard to read, especially for small suppliers without bid teams. Split it.',
  ),
  r(
    'readability.passive-no-actor',
    'info',
    'Passive obligation with no one responsible',
    'GOV.UK style guide (active voice)',
    'A passive "must be done" does not say who must do it: the supplier, the buyer or someone else.',
  ),
  r(
    'readability.acronym',
    'info',
    'Acronym not explained',
    'GOV.UK style guide (abbreviations and acronyms)',
    'Write acronyms out in full the first time, unless they are well known.',
  ),
  r('readability.jargon', 'info', 'Jargon', 'GOV.UK style guide (words to avoid)', 'Jargon hides meaning. Use the plain word.'),
  // ── tender ─────────────────────────────────────────────────────────────
  r(
    'tender.weights-sum',
    'error',
    'Weights do not add up to 100',
    'Procurement Act 2023 s23(4) (relative importance of award criteria)',
    'Award-criteria weights must add up to 100%, at every level of the criteria tree.',
  ),
  r(
    'tender.pass-fail-undeclared',
    'warning',
    'Pass/fail gates not declared',
    'Procurement Act 2023 s23(4) and s21 (tender documents must explain assessment)',
    'The tender has mandatory requirements but does not say which of them are pass/fail gates, so bidders cannot tell how they will be assessed.',
  ),
  r(
    'tender.social-value-weight',
    'warning',
    'Social value below 10%',
    'PPN 06/20 and PPN 002 (social value: minimum 10% of total score)',
    'Government policy requires social value to carry at least 10% of the total score.',
  ),
  r(
    'tender.single-lot',
    'warning',
    'Large tender in a single lot without a reason',
    'Procurement Act 2023 s18 (duty to consider lots)',
    'You must consider dividing a contract into lots and, if you do not, give your reasons. Smaller lots let SMEs compete.',
  ),
  r(
    'tender.mandatory-count',
    'warning',
    'Too many mandatory requirements for the contract size',
    'Procurement Act 2023 s12(4) and s22(2) (proportionality)',
    'A long list of mandatory requirements on a modest contract raises the cost of bidding and deters small suppliers.',
  ),
  r(
    'tender.scoring-by-quantity',
    'warning',
    'Scoring rewards the number of examples',
    'Procurement Act 2023 s23(3) (criteria must relate to the subject matter and be proportionate)',
    'Awarding marks per example, reference or case study rewards size, not quality. Score the quality and relevance of a fixed number of examples.',
  ),
  r(
    'tender.reading-age',
    'info',
    'High reading age',
    'GOV.UK style guide (reading age of 9); Procurement Act 2023 s12(4)',
    'The specification needs a high reading age. Plain English widens the field of bidders.',
  ),
];

export const RULES: Readonly<Record<RuleId, RuleInfo>> = Object.freeze(
  Object.fromEntries(RULE_LIST.map((rule) => [rule.id, rule])) as Record<RuleId, RuleInfo>,
);
