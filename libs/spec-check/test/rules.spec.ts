import { checkRequirement, RULES, type CheckContext, type RuleId } from '../src/index';

interface Case {
  text: string;
  ctx?: CheckContext;
  /** Exact text the finding must underline (optional). */
  span?: string;
}

/**
 * For every requirement-level rule: statements that must trigger it (positive) and near-misses that must
 * not trigger it (negative). Tender-level rules are covered in tender.spec.ts.
 */
const CASES: Partial<Record<RuleId, { pos: (string | Case)[]; neg: (string | Case)[] }>> = {
  'brand.named-product': {
    pos: [
      { text: 'Staff laptops must be Dell Latitude 5440.', span: 'Dell Latitude 5440' },
      'The contractor must supply Dyson Airblade hand dryers.',
      'Fleet vans must be Ford Transit Custom.',
      'Staff must use Microsoft Teams for meetings.',
      'Patient monitors must be Philips IntelliVue units.',
      'Replacement boilers must be Worcester Bosch units.',
    ],
    neg: [
      'Laptops must be Dell Latitude 5440 or equivalent.',
      'Dell Latitude or equivalent laptops are acceptable.',
      'Processor performance must be comparable to an Intel Core i5 or better.',
      'Laptops must perform at least as well as a Dell Latitude 5440, for example.',
      'Teams must be able to share documents securely in line with UK GDPR.',
      'Users must be able to zoom the page to 400% without loss of content.',
      'The service must work on the main web browsers, including Chrome and Safari.',
    ],
  },
  'brand.equivalents-refused': {
    pos: [
      'All rooflights must be Velux units; no alternatives will be accepted.',
      'Laptops must be Lenovo ThinkPads. Equivalents will not be accepted.',
    ],
    neg: ['Rooflights must be Velux units or equivalent.'],
  },
  'brand.genericised-trade-mark': {
    pos: [
      { text: 'Site accommodation must include two Portakabins.', span: 'Portakabins' },
      'Walking aids must include Zimmer frames.',
      'Car parks must be resurfaced with tarmac.',
    ],
    neg: ['Site accommodation must include two portable modular buildings.', 'Portakabin or equivalent portable buildings are acceptable.'],
  },
  'brand.product-like-name': {
    pos: [
      'Washroom dispensers must be Zorbex CleanPro 3000 units.',
      'Staff must use the ShiftMaster app to log visits.',
      'Cleaning must use AquaShine™ floor polish.',
    ],
    neg: [
      'The service must be delivered across Sites 1 to 4.',
      'Staff must be paid at least Band 5 of Agenda for Change.',
      'The design must meet Part L of the Building Regulations.',
      'Work must be completed in Phase 2 by March 2027.',
      'The service must comply with Article 28 of UK GDPR.',
      'The office is at Room 101, Building 300, Leeds LS1 4AB.',
      'The supplier must support DevOps practices.',
    ],
  },
  'brand.named-producer': {
    pos: ['Cleaning chemicals must be supplied by Brightclean Holdings.', 'Uniforms must be manufactured by Acme Textiles Ltd.'],
    neg: [
      'Reports must be approved by the Council.',
      'Equipment must be supplied by the contractor.',
      'Staff currently employed by Acme Care Ltd may transfer under TUPE.',
    ],
  },
  'brand.proprietary': {
    pos: [
      'Hospital beds must be the same make as our existing beds.',
      'The supplier must use its patented cleaning system.',
      'All hand dryers must be Acme-branded.',
    ],
    neg: ['The system must not use proprietary file formats.', 'The supplier must not infringe any patent.'],
  },
  'brand.place-of-origin': {
    pos: [
      'All meat must be British-reared.',
      'Slate must be Welsh slate.',
      'Furniture must be manufactured in the UK.',
      'Ingredients must be locally sourced.',
    ],
    neg: ['Food must meet the Government Buying Standards for Food.', 'Data must be hosted in a secure data centre.'],
  },
  'brand.existing-system': {
    pos: [
      'The service must integrate with our existing SystmOne installation.',
      "Data must be migrated from the council's current Civica system.",
    ],
    neg: ['The system must be SystmOne.'],
  },
  'solution.named-technology': {
    pos: [
      'The new system must be developed in Java.',
      'The portal must be built with React and Node.js.',
      'The system must be written in C# on the .NET platform.',
      'Case records must be stored in a MongoDB database.',
      'The interface must be built using Microsoft BizTalk.',
      "Pupils' devices must run ChromeOS.",
    ],
    neg: [
      'The app must work on Android and iOS devices released in the last five years.',
      'Staff must react quickly to safeguarding concerns within 1 hour.',
      'Bidders must describe their experience of Java development.',
      'The system must export data to our existing Oracle database.',
    ],
  },
  'solution.architecture': {
    pos: [
      'The solution must use a microservices architecture.',
      "The case management system must be hosted on-premises in the council's data centre.",
      'The application must be a native iOS app.',
      'The solution must use artificial intelligence to triage referrals.',
      'The archive must be stored on magnetic tape.',
    ],
    neg: [
      'The supplier must not use AI to make decisions about eligibility.',
      'Staff must be able to use the system on tablets and smartphones.',
      'The service must be available to users on mobile devices as well as desktops.',
    ],
  },
  'solution.licensing-model': {
    pos: [
      'Software must be licensed on a perpetual basis.',
      'We require 500 concurrent user licences.',
      'Licences must be on a per-seat subscription basis.',
      'The source code must be released under the GPL v3 licence.',
    ],
    neg: ['The supplier must state the total cost of licences over five years.'],
  },
  'solution.fixed-type': {
    pos: [
      'Drainage pipes must be made of PVC.',
      'The new pool cars must be fully electric.',
      'Replacement windows must be uPVC double-glazed units.',
      'The replacement heating system must use air source heat pumps.',
      'Kitchen worktops must be solid oak.',
    ],
    neg: [
      'Pipes must withstand an operating pressure of 16 bar for a design life of at least 50 years.',
      'Electric vehicle charge points must be available at all depots by 2027.',
      'Gloves must be latex-free.',
      'The supplier must replace our diesel vans with zero-emission vehicles by 2028.',
      'New windows must achieve a U-value of 1.4 W/m²K or better.',
    ],
  },
  'solution.problem-names-solution': {
    pos: [
      'We need a mobile app that allows tenants to report repairs.',
      'The council wants to buy a chatbot to answer council tax queries.',
      'Our requirement is for a new CRM system to manage resident contacts.',
    ],
    neg: ['We need residents to be able to report repairs at any time and get a reply within 2 working days.'],
  },
  'method.team-composition': {
    pos: [
      'The supplier must provide a team of at least six developers.',
      'The supplier must provide 2.5 FTE business analysts.',
      'Two security guards must be on duty at the library at all times.',
      'The provider must employ two night staff at each home.',
      'A dedicated full-time contract manager must be based on site.',
    ],
    neg: [
      'The supplier must propose a staffing model that meets the service levels in Schedule 2.',
      'The supplier must train 200 staff in the new system by June.',
      'The supplier must nominate a named account manager.',
    ],
  },
  'method.on-site': {
    pos: [
      "Consultants must be on site at the council's offices four days a week.",
      "All staff must work from the Trust's headquarters in Leeds.",
      'Supplier staff must not work remotely.',
      "The supplier's team must be co-located with the council's digital team.",
    ],
    neg: [
      'Engineers must attend site within 4 hours of an emergency call.',
      'The supplier must attend a quarterly contract review meeting in person.',
    ],
  },
  'method.named-methodology': {
    pos: [
      'The project must be delivered using the PRINCE2 methodology.',
      'The supplier must use Scrum.',
      'Lean Six Sigma must be used to redesign the referral process.',
      "The contractor must follow the council's approved grounds maintenance method statement.",
    ],
    neg: [
      'The supplier must explain the delivery approach it will use and how it will involve users.',
      'The supplier may use any recognised project management method, such as PRINCE2 or an equivalent approach.',
    ],
  },
  'method.process-steps': {
    pos: [
      'Toilets must be cleaned three times a day.',
      'Offices must be vacuumed daily.',
      'Home care visits must last at least 30 minutes.',
      'Grass in parks must be cut every 14 days.',
      'The supplier must use Scrum with two-week sprints and daily stand-ups.',
    ],
    neg: [
      'Floors must be visibly clean, dry and free from litter at all times, checked by a monthly audit scoring at least 95%.',
      'Grass in play areas must be kept between 25mm and 50mm in height.',
    ],
  },
  'method.working-hours': {
    pos: ['Staff must work between 8am and 6pm Monday to Friday.', 'Repairs operatives must start work at 7.30am and finish at 4pm.'],
    neg: [
      'The helpdesk must be available from 8am to 6pm, Monday to Friday.',
      'Faults reported before 2pm must be fixed by the end of the next working day.',
    ],
  },
  'method.tools': {
    pos: ['Project progress must be tracked in a Gantt chart updated weekly.', 'The supplier must use Jira to manage its backlog.'],
    neg: ['The supplier must send a monthly progress report showing completed and planned work.'],
  },
  'method.staff-experience': {
    pos: ['Consultants must have at least 10 years of experience.', 'All care workers must have 2 years of relevant experience.'],
    neg: ['Consultants must have led at least two comparable projects to completion.'],
  },
  'standard.certification': {
    pos: [
      { text: 'Bidders must hold ISO 9001 certification.', span: 'ISO 9001' },
      'The supplier must be Cyber Essentials Plus certified.',
      'All electrical work must be carried out by NICEIC-registered contractors.',
      'Fleet operators must hold FORS Silver accreditation.',
      'All timber must be FSC certified.',
    ],
    neg: [
      'Suppliers must hold ISO 14001 certification or be able to show equivalent environmental management measures.',
      'Cyber Essentials certification, or an equivalent independent assessment, is required.',
      'Gas work must be carried out by Gas Safe registered engineers, as required by law.',
      'The provider must be registered with the Care Quality Commission.',
      'Suppliers are encouraged to hold Cyber Essentials.',
    ],
  },
  'standard.qualification': {
    pos: [
      'The project manager must hold PRINCE2 Practitioner certification.',
      'The lead consultant must be a Chartered Engineer.',
      'Surveyors must be members of the Royal Institution of Chartered Surveyors.',
      'Care staff must hold an NVQ Level 3 in Health and Social Care.',
      'All consultants must have a degree in a relevant subject.',
    ],
    neg: [
      'Staff working with children must have an enhanced DBS check.',
      'Door security guards must hold a valid SIA licence.',
      'Drivers must hold a valid driving licence for the vehicle they drive.',
      'The lead consultant must be a Chartered Engineer or have equivalent experience.',
    ],
  },
  'standard.no-equivalent': {
    pos: ['Playground equipment must conform to BS EN 1176.', 'Systems must exchange data using HL7 FHIR.'],
    neg: [
      'Systems must exchange data using HL7 FHIR or an equivalent open standard.',
      'Fire doors must be tested to BS EN 1634-1 or equivalent.',
    ],
  },
  'standard.national-standard': {
    pos: [
      'The quality system must comply with BS 5750.',
      'The supplier must demonstrate compliance with OHSAS 18001.',
      'Wheelchair restraints must meet DIN 75078.',
    ],
    neg: ['The quality system must comply with ISO 9001 or equivalent.'],
  },
  'standard.legal-baseline': {
    pos: ['The website must meet WCAG 2.2 AA.', 'Electrical installations must comply with BS 7671.'],
    neg: ['The website must meet WCAG 2.2 AA or equivalent.'],
  },
  'threshold.turnover-excessive': {
    pos: [
      'Suppliers must demonstrate a turnover of at least £3m for this £1m contract.',
      'Tenderers must have a minimum turnover of three times the annual contract value.',
      { text: 'Bidders must have a minimum annual turnover of £900,000.', ctx: { estimatedValue: 300_000 } },
      'The minimum turnover requirement is £6m and the contract is worth £2m.',
    ],
    neg: [
      'Bidders must have a minimum annual turnover of £2m for this £1m contract.',
      { text: 'Bidders must have a minimum annual turnover of £400,000.', ctx: { estimatedValue: 250_000 } },
      'Bidders must have an annual turnover of at least twice the contract value.',
    ],
  },
  'threshold.turnover-unverified': {
    pos: ['Bidders must have a minimum annual turnover of £10 million.'],
    neg: [{ text: 'Bidders must have a minimum annual turnover of £10 million.', ctx: { estimatedValue: 6_000_000 } }],
  },
  'threshold.years-trading': {
    pos: [
      'The supplier must have been trading for a minimum of five years.',
      'Applicants must have at least four years of trading accounts.',
      'The firm must have been established for at least a decade.',
      'Start-ups will not be considered for this contract.',
    ],
    neg: ['The supplier must keep records for 7 years.'],
  },
  'threshold.headcount': {
    pos: [
      'Bidders must employ at least 250 staff.',
      'Only companies with more than 50 employees will be considered.',
      'Companies employing fewer than 100 people are not eligible to bid.',
    ],
    neg: ['The supplier must train 250 staff in the new system.'],
  },
  'threshold.previous-authority': {
    pos: [
      'The supplier must have previous experience of working with the Council.',
      'Bidders must have held a contract with the Trust within the last three years.',
      "Bidders must be on the council's approved supplier list.",
    ],
    neg: ["The supplier must work with the council's housing team to agree a joint plan."],
  },
  'threshold.sector-experience': {
    pos: [
      'Bidders must have experience of working with NHS trusts.',
      'Bidders must have public sector clients.',
      'Bidders must show they have worked for at least three NHS organisations.',
      {
        text: 'Suppliers must have at least three contracts with local authorities in the North West.',
        span: 'at least three contracts with local authorities in the North West',
      },
      { text: 'Bidders must provide references from London boroughs.', span: 'references from London boroughs' },
      'The provider must have experience in the higher education sector.',
      'Bidders must have delivered two contracts for housing associations in Yorkshire.',
    ],
    neg: [
      'The supplier must have experience of comparable work, whether in the public or private sector.',
      'Suppliers must have at least three contracts of comparable scope and complexity in any sector.',
      'Bidders must describe comparable work, for example with local authorities or housing associations.',
      'The supplier must provide two references from clients in the last three years.',
    ],
  },
  'threshold.insurance-at-bid': {
    pos: [
      'Bidders must hold professional indemnity insurance of £10 million at the time of tender submission.',
      'Suppliers must hold £10m public liability cover when they submit their bid.',
      "Bidders must currently hold employer's liability insurance of £10 million.",
    ],
    neg: [
      'The successful supplier must hold professional indemnity insurance of £2m from the contract start date.',
      "Employer's liability insurance of £5m must be in place, as required by law.",
      'The supplier must keep the insurances listed in Schedule 5 for the duration of the contract.',
    ],
  },
  'threshold.audited-accounts': {
    pos: ['Suppliers must submit three years of audited accounts with their tender.'],
    neg: ['Audited accounts are required only where the supplier is legally required to have its accounts audited.'],
  },
  'threshold.local-presence': {
    pos: [
      "The supplier must have an office within 10 miles of the council's depot.",
      'Only UK-based suppliers will be invited to tender.',
      'Bidders must be a Yorkshire-based company.',
      'Only firms based within the city boundary may apply.',
    ],
    neg: [
      'Engineers must attend site within 4 hours of a call being logged.',
      'We welcome bids from local SMEs and voluntary organisations.',
    ],
  },
  'threshold.financial-ratio': {
    pos: [
      'Suppliers must have made a pre-tax profit in each of the last three years.',
      'Bidders must demonstrate net assets of at least £1 million.',
      'Suppliers must have a credit score of at least 60 from Creditsafe.',
    ],
    neg: [
      'Suppliers must demonstrate financial capacity proportionate to the contract, and we will accept alternative evidence such as a parent company guarantee.',
    ],
  },
  'measure.vague-term': {
    pos: [
      { text: 'The system must be user-friendly.', span: 'user-friendly' },
      'The supplier must respond to enquiries in a timely manner.',
      'The new platform must be robust and scalable.',
      'Staff must receive appropriate training.',
      'Waiting times must be kept as short as possible.',
    ],
    neg: [
      'Pages must load within 2 seconds for 95% of requests.',
      'At least 90% of first-time users must complete an online application unaided in usability testing.',
      "Employer's liability insurance of £5m must be in place, as required by law.",
      'Staff working with children must have an enhanced DBS check.',
      'The supplier must comply with the Modern Slavery Act 2015.',
      'The provider must make reasonable adjustments for disabled people in line with the Equality Act 2010.',
      'The supplier must provide monthly invoices.',
    ],
  },
  'measure.unmeasurable-outcome': {
    pos: [
      'The service must improve outcomes for young people.',
      'The supplier must reduce carbon emissions.',
      'The supplier must increase the number of residents who recycle.',
    ],
    neg: [
      'The service must reduce missed bin collections from 120 to fewer than 60 per month by March 2027.',
      'Prices must not increase during the first year.',
    ],
  },
  'readability.long-sentence': {
    pos: [
      'The supplier must provide a service that is available to all residents across the borough at any time of day and night, including weekends and bank holidays, and that responds to every enquiry with a clear answer.',
    ],
    neg: ['The supplier must provide monthly invoices.'],
  },
  'solution.prescribed-design': {
    pos: [
      { text: 'The portal must be a three-step wizard.', span: 'a three-step wizard' },
      { text: 'Visit records shall be stored in a shared database.', span: 'in a shared database' },
      { text: 'Case notes are required to be kept in spreadsheets.', span: 'in spreadsheets' },
      { text: 'Applications must be made in the form of an online wizard.', span: 'in the form of an online wizard' },
    ],
    neg: [
      // an outcome, no design
      'Residents must be able to book a collection online in under five minutes.',
      // "or equivalent" covers the design it qualifies
      'The portal must be a three-step wizard or equivalent.',
      // the design offered only as an example
      '90% of applicants must complete the form unaided; this could be a wizard, for example.',
      // interoperability with a stated existing system and a reason
      "Records must be held in the council's existing case management database so that caseworkers see one history.",
      // a legal duty
      'Registers must be kept in the form of paper records as required by the Care Quality Commission (Registration) Regulations 2009.',
    ],
  },
  'method.prescribed-means': {
    pos: [
      { text: 'Cleaning must be done with microfibre cloths.', span: 'with microfibre cloths' },
      { text: 'Training must be delivered by means of classroom sessions.', span: 'by means of classroom sessions' },
      { text: 'Meals shall be produced using cook-chill.', span: 'using cook-chill' },
      { text: 'The supplier must contact tenants through text messages.', span: 'through text messages' },
      { text: 'Deliveries will be made using cargo bikes.', span: 'using cargo bikes' },
      { text: 'The supplier must record visits using handheld devices.', span: 'using handheld devices' },
      { text: "Complaints must be handled through a weekly meeting with the trust's team.", span: 'through a weekly meeting' },
    ],
    neg: [
      // the outcome, with the method only as an example
      'Floors must be visibly clean and dry at all times, for example by using microfibre cloths.',
      'All surfaces must pass a monthly hygiene audit; suppliers could use steam cleaners.',
      // "or equivalent" covers the thing it qualifies
      'Cleaning must be done with microfibre cloths or equivalent.',
      // left to the supplier
      'Training must be delivered using methods of the supplier’s own choice.',
      // a legal duty
      'Waste must be transported using licensed vehicles as required by the Environmental Protection Act 1990.',
      // the buyer's existing channel, named for interoperability
      "Alerts must be sent through the trust's existing paging system, which the wards already use.",
      // an outcome that mentions no means
      'Care plans must be based on the assessed needs of each person.',
    ],
  },
  'readability.passive-no-actor': {
    pos: ['Reports must be submitted every month.'],
    neg: [
      'Reports must be submitted by the supplier every month.',
      'The supplier must submit reports every month.',
      'Staff must be qualified.',
    ],
  },
  'readability.acronym': {
    pos: [{ text: 'The supplier must produce a PID within 2 weeks.', span: 'PID' }],
    neg: [
      'The supplier must produce a Project Initiation Document (PID) within 2 weeks.',
      'The NHS number must be shown on every letter.',
      { text: 'The PID must be signed off.', ctx: { knownAcronyms: new Set(['PID']) } },
    ],
  },
  'readability.jargon': {
    pos: ['The supplier must leverage synergies across the partnership.', 'The supplier must utilise the existing data.'],
    neg: ['The supplier must use the existing data.'],
  },
  'tender.scoring-by-quantity': {
    pos: ['One point will be awarded for each case study provided.', 'The more examples provided, the higher the score.'],
    neg: ['Bidders must provide two case studies, each scored for relevance and results.'],
  },
};

const norm = (c: string | Case): Case => (typeof c === 'string' ? { text: c } : c);

describe('rule catalogue', () => {
  it('every requirement-level rule has positive and negative unit cases', () => {
    const missing = Object.values(RULES)
      .filter((r) => r.category !== 'tender' || r.id === 'tender.scoring-by-quantity')
      .filter((r) => !CASES[r.id] || CASES[r.id]!.pos.length === 0 || CASES[r.id]!.neg.length === 0)
      .map((r) => r.id);
    expect(missing).toEqual([]);
  });
});

for (const [rule, { pos, neg }] of Object.entries(CASES) as [RuleId, { pos: (string | Case)[]; neg: (string | Case)[] }][]) {
  describe(rule, () => {
    it.each(pos.map(norm).map((c) => [c.text, c] as const))('flags: %s', (_t, c) => {
      const findings = checkRequirement(c.text, c.ctx);
      const hit = findings.find((f) => f.rule === rule);
      if (!hit) throw new Error(`expected ${rule} on "${c.text}", got ${JSON.stringify(findings.map((f) => f.rule))}`);
      expect(hit.category).toBe(RULES[rule].category);
      expect(hit.severity).toBe(RULES[rule].severity);
      expect(hit.reference).toBe(RULES[rule].reference);
      expect(hit.message.length).toBeGreaterThan(10);
      expect(hit.suggestion.length).toBeGreaterThan(10);
      expect(hit.start).toBeGreaterThanOrEqual(0);
      expect(hit.end).toBeGreaterThan(hit.start);
      expect(hit.end).toBeLessThanOrEqual(c.text.length);
      if (c.span) expect(c.text.slice(hit.start, hit.end)).toBe(c.span);
    });
    it.each(neg.map(norm).map((c) => [c.text, c] as const))('does not flag: %s', (_t, c) => {
      const findings = checkRequirement(c.text, c.ctx);
      expect(findings.filter((f) => f.rule === rule).map((f) => c.text.slice(f.start, f.end))).toEqual([]);
    });
  });
}

describe('context beats keywords (the issue examples)', () => {
  it.each([
    'The service must meet WCAG 2.2 AA or equivalent.',
    "Suppliers must hold employer's liability insurance of £5m as required by law.",
    'Bidders must have a turnover of £2m for a £1m contract.',
    'Systems must exchange data using HL7 FHIR or an equivalent open standard.',
    'Laptops must be a Dell Latitude or equivalent.',
    'The supplier must provide monthly invoices.',
  ])('no warning or error: %s', (text) => {
    const f = checkRequirement(text).filter((x) => x.severity !== 'info');
    expect(f.map((x) => x.rule)).toEqual([]);
  });

  it('a modal verb alone is never a finding', () => {
    for (const modal of ['must', 'shall', 'will', 'should', 'is required to']) {
      expect(checkRequirement(`The supplier ${modal} provide monthly invoices.`)).toEqual([]);
    }
  });

  it('"or equivalent" covers only what it qualifies', () => {
    const text =
      'Data must be migrated from our Microsoft Dynamics 365 or equivalent system, and the supplier holds ISO 27001 certification.';
    const f = checkRequirement(text).find((x) => x.rule === 'standard.certification');
    expect(f && text.slice(f.start, f.end)).toBe('ISO 27001');
    // one clause, one exception: both named things followed by "or equivalent" raise nothing
    expect(
      checkRequirement('Laptops must be Dell Latitude or equivalent and certified to ISO 14001 or equivalent.').filter(
        (x) => x.severity !== 'info',
      ),
    ).toEqual([]);
  });

  it('applying the brand fix keeps the certification finding', () => {
    const text = 'Staff must use Microsoft Dynamics 365 and the supplier must hold ISO 27001 certification.';
    const brand = checkRequirement(text).find((x) => x.rule === 'brand.named-product');
    expect(brand?.replacement).toBe('Microsoft Dynamics 365 or equivalent');
    const fixed = text.slice(0, brand!.start) + brand!.replacement + text.slice(brand!.end);
    const after = checkRequirement(fixed).map((x) => x.rule);
    expect(after).not.toContain('brand.named-product');
    expect(after).toContain('standard.certification');
  });

  it('returns nothing for empty or blank text', () => {
    expect(checkRequirement('')).toEqual([]);
    expect(checkRequirement('   \n ')).toEqual([]);
  });

  it('can disable rules and categories', () => {
    const text = 'Staff laptops must be Dell Latitude 5440 and the system must be user-friendly.';
    expect(checkRequirement(text, { disabled: ['brand'] }).some((f) => f.category === 'brand')).toBe(false);
    expect(checkRequirement(text, { disabled: ['measure.vague-term'] }).some((f) => f.rule === 'measure.vague-term')).toBe(false);
  });

  it('severity policy: errors only for clear legal breaches', () => {
    const errorRules = Object.values(RULES)
      .filter((r) => r.severity === 'error')
      .map((r) => r.id)
      .sort();
    expect(errorRules).toEqual([
      'brand.equivalents-refused',
      'brand.named-product',
      'standard.certification',
      'tender.weights-sum',
      'threshold.previous-authority',
      'threshold.turnover-excessive',
    ]);
    expect(
      Object.values(RULES)
        .filter((r) => r.category === 'readability')
        .every((r) => r.severity === 'info'),
    ).toBe(true);
  });
});
