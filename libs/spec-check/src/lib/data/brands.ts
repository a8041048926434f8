/**
 * Brands, products, proprietary systems and producers common in UK public-sector buying.
 *
 * HOW TO EXTEND
 * - Add a name to the right sector group below. Matching is by whole words and ignores case.
 * - Prefix a name with "^" when it is also an ordinary English word ("^Teams", "^Word", "^Zoom"): it then
 *   only matches when written with exactly that capitalisation, not as the first word of a sentence and not
 *   inside a run of Capitalised Words. Prefer a longer unambiguous phrase ("Ford Transit") where you can.
 * - Genericised trade marks (words people use for the generic thing) go in GENERICISED_TRADE_MARKS with the
 *   generic wording to suggest.
 * - Systems that are usually named because the buyer already runs them (case management, EPR, finance) are
 *   ordinary entries: the checker works out from the wording ("integrate with our existing …") whether the
 *   name is there for interoperability.
 * - Keep entries to real trade names. Technologies (Java, Kubernetes) belong in technologies.ts.
 * Run `npx jest -c libs/spec-check/jest.config.js` afterwards: a test checks every entry is matchable.
 */

export type BrandSector =
  | 'it'
  | 'clinical'
  | 'social-care'
  | 'facilities'
  | 'construction'
  | 'vehicles'
  | 'office'
  | 'catering'
  | 'workwear'
  | 'telecoms';

export interface BrandGroup {
  sector: BrandSector;
  names: readonly string[];
}

export const BRAND_GROUPS: readonly BrandGroup[] = [
  {
    sector: 'it',
    names: [
      'Microsoft', 'Microsoft 365', 'Office 365', 'O365', 'M365', 'Microsoft Office', 'MS Office', 'Windows 10', 'Windows 11',
      'Windows Server', 'Microsoft Windows', '^Windows', 'Microsoft Word', 'MS Word', '^Word', 'Microsoft Excel', 'MS Excel', '^Excel',
      'PowerPoint', '^Outlook', 'Microsoft Teams', 'MS Teams', '^Teams', 'SharePoint', 'OneDrive', 'OneNote', 'Intune', 'Azure',
      'Microsoft Azure', 'Entra ID', 'Azure Active Directory', 'Azure AD', 'Dynamics 365', 'Microsoft Dynamics', 'Power BI', 'PowerBI',
      'Power Apps', 'Power Automate', 'Power Platform', 'Visio', 'Microsoft Project', 'MS Project', 'Exchange Online', 'Microsoft Exchange',
      '^Copilot', 'Skype', 'Yammer', 'Viva Engage', 'LinkedIn', 'GitHub', 'Microsoft Surface', '^Surface Pro', '^Surface Laptop',
      'Google', 'Google Workspace', 'G Suite', 'Gmail', 'Google Drive', 'Google Docs', 'Google Sheets', 'Google Meet', 'Google Cloud',
      'Chromebook', 'Chromebooks', 'ChromeOS', 'Chrome OS', 'Android', '^Chrome', 'YouTube', 'BigQuery', '^Looker',
      '^Apple', 'iPad', 'iPads', 'iPhone', 'iPhones', 'iPadOS', 'iOS', 'macOS', 'MacBook', 'iMac', '^Safari', 'Apple Watch',
      'Amazon', 'AWS', 'Amazon Web Services', '^Alexa', '^Kindle',
      'Oracle', 'Oracle Fusion', 'Oracle Cloud', 'Oracle E-Business Suite', 'PeopleSoft', 'SAP', 'SAP S/4HANA', 'S/4HANA',
      'SuccessFactors', 'SAP Ariba', 'Ariba', 'SAP Concur', '^Concur', 'Salesforce', 'Tableau', '^Slack', 'MuleSoft', 'ServiceNow',
      '^Workday', 'Unit4', 'Agresso', 'Civica', 'Civica Financials', 'Capita', 'Northgate', 'NEC Software Solutions', 'Idox',
      'iTrent', 'MHR', 'Zellis', 'ResourceLink', '^Sage', 'Sage 200', 'Sage 50', 'Sage Intacct', 'Xero', 'QuickBooks', 'FreeAgent',
      'Dell', 'Dell Latitude', '^Latitude', 'OptiPlex', 'PowerEdge', 'Alienware', '^HP', 'HPE', 'Hewlett Packard', 'Hewlett-Packard',
      'EliteBook', 'ProBook', 'LaserJet', 'Lenovo', 'ThinkPad', 'ThinkCentre', 'IdeaPad', 'Acer', 'Asus', 'Toshiba', 'Dynabook',
      'Fujitsu', 'Toughbook', 'Panasonic Toughbook', 'Getac', 'Zebra Technologies', '^Zebra', 'Samsung', 'Samsung Galaxy', 'Galaxy Tab',
      'LG', 'Sony', 'Logitech', 'Jabra', 'Poly Studio', '^Poly', 'Plantronics', 'Yealink', 'Cisco', 'Webex', 'Meraki', 'Juniper Networks', '^Juniper',
      'Aruba', 'Fortinet', 'FortiGate', 'Palo Alto Networks', 'Check Point', 'Sophos', 'CrowdStrike', 'SentinelOne', 'Symantec',
      '^Norton', 'McAfee', 'Trellix', 'Mimecast', 'Proofpoint', 'Darktrace', 'Splunk', 'Qualys', 'Tenable', 'Nessus', 'Rapid7', 'Okta',
      'Citrix', 'VMware', 'vSphere', 'Nutanix', 'NetApp', 'Pure Storage', 'Veeam', 'Commvault', 'Rubrik', 'Red Hat', 'Canonical',
      'SUSE', 'Atlassian', 'Jira', '^Confluence', 'Trello', '^Asana', 'Monday.com', 'Smartsheet', 'Miro', '^Mural', '^Zoom', 'Dropbox',
      'DocuSign', 'Adobe', 'Adobe Acrobat', 'Acrobat', 'Photoshop', 'InDesign', 'Adobe Sign', 'Adobe Experience Manager',
      '^Snowflake', 'Databricks', 'Qlik', 'QlikView', 'Qlik Sense', 'Alteryx', 'SPSS', '^SAS', 'Stata', 'MATLAB', 'Esri', 'ArcGIS',
      'MapInfo', 'QGIS', 'Zendesk', 'Freshdesk', 'Freshservice', 'HubSpot', 'Mailchimp', 'Twilio', 'Genesys', 'Avaya', 'Mitel',
      'RingCentral', '8x8', 'Five9', 'Verint', 'Granicus', 'GovDelivery', 'Jadu', 'Firmstep', 'Netcall', 'Liberty Create', 'Drupal',
      'WordPress', 'Umbraco', 'Sitecore', 'Squiz', 'Contensis', 'Kentico', 'Moodle', '^Blackboard', 'Brightspace', 'Totara',
      'Kallidus', 'Learning Pool', 'Capita SIMS', '^SIMS', '^Arbor', 'Bromcom', 'ParentPay', 'ScholarPack', 'CPOMS', 'MyConcern',
      'Pay360', '^Stripe', 'Worldpay', 'PayPal', 'Barclaycard', 'Adyen', 'GoCardless', 'LexisNexis', 'Westlaw', 'Bloomberg', 'UiPath', 'Blue Prism', 'Automation Anywhere',
      'OutSystems', 'Mendix', 'Appian', 'Pega', 'Pegasystems', 'GitLab', 'Bitbucket', 'Azure DevOps', 'SonarQube', 'Datadog',
      'New Relic', 'Dynatrace', 'PagerDuty', 'Cloudflare', 'Akamai', 'Heroku', 'Firebase', 'Auth0', 'ChatGPT', 'OpenAI',
      '^Gemini', '^Claude', 'Autodesk', 'AutoCAD', 'Revit', 'Navisworks', 'BIM 360', 'MicroStation', 'Tekla', 'ArchiCAD',
      'SketchUp', 'Asta Powerproject', 'Primavera', 'Primavera P6', 'Procore', 'Causeway', 'PaperCut', 'Jamf', 'Tanium', 'Nexthink',
      'Intel', 'Intel Core', 'AMD', 'Ryzen', 'Nvidia', 'Qualcomm', 'Snapdragon', 'Clevertouch', 'Promethean', 'SMART Board', 'Crestron', 'Extron', 'Barco', 'ClickShare',
    ],
  },
  {
    sector: 'telecoms',
    names: [
      'Vodafone', 'BT', 'Openreach', 'Virgin Media', 'Virgin Media O2', '^EE', 'TalkTalk', 'Gamma Telecom', 'KCOM', 'Starlink',
      'Motorola Solutions', 'Motorola', 'Airwave', 'Sepura', 'Tait',
    ],
  },
  {
    sector: 'clinical',
    names: [
      '^Epic', 'Epic EPR', 'Cerner', 'Oracle Cerner', 'Oracle Health', 'Cerner Millennium', '^Lorenzo', 'Allscripts', 'Altera Sunrise',
      'Meditech', 'Dedalus', 'InterSystems', 'TrakCare', 'HealthShare', 'System C', 'CareFlow', 'Nervecentre',
      'Patientrack', 'Alcidion', 'Miya Precision', 'EMIS', 'EMIS Web', 'SystmOne', 'TPP SystmOne', 'Cegedim', 'Ardens', 'Accurx',
      'Docman', 'ScriptSwitch', 'OptimiseRx', '^RiO', 'Carenotes', 'Graphnet', 'Orion Health', 'Sectra', 'Agfa', 'Fujifilm Synapse',
      'Carestream', 'GE Healthcare', 'Siemens Healthineers', 'Philips Healthcare', 'IntelliSpace', 'Canon Medical', 'Hologic',
      'Medtronic', 'Stryker', 'Zimmer Biomet', 'Smith & Nephew', 'Smith and Nephew', 'Johnson & Johnson', 'DePuy Synthes', 'Ethicon',
      'Olympus', 'Karl Storz', 'Pentax Medical', 'Baxter', 'Becton Dickinson', 'BD Alaris', 'Alaris', 'CareFusion', 'B. Braun',
      'Fresenius', 'Fresenius Kabi', 'Smiths Medical', 'ICU Medical', 'Mindray', 'Masimo', 'Nellcor', 'Welch Allyn', 'Hillrom',
      'Hill-Rom', 'Arjo', 'ArjoHuntleigh', 'Invacare', 'Sunrise Medical', 'Drive DeVilbiss', 'Pride Mobility', 'Permobil', 'Ottobock',
      'Otto Bock', 'Össur', 'Liko', 'Draeger', 'Dräger', 'Hamilton Medical', 'ResMed', 'Philips Respironics', 'Zoll', 'Laerdal',
      'Physio-Control', 'LIFEPAK', 'HeartSine', 'Mölnlycke', 'Molnlycke', 'Mepilex', 'Allevyn', 'Aquacel', 'ConvaTec', 'Coloplast',
      'Hollister', 'TENA', 'Essity', 'Halyard', 'Ansell', 'Cardinal Health', 'Vernacare', 'Clinell', 'GAMA Healthcare', 'Gojo',
      'Purell', 'Dettol', 'Milton sterilising fluid', 'Medway PAS', 'Medway EPR', 'Chlor-Clean', 'Actichlor', 'Haz-Tab', 'Roche', '^Abbott', 'FreeStyle Libre', 'Dexcom',
      'Accu-Chek', 'OneTouch', 'Omnipod', 'Littmann', 'Bair Hugger', 'Omron', '^Tunstall', 'Appello', 'Doro', 'Philips',
      'Siemens', '^Nuance', 'Dragon Medical', 'Dragon NaturallySpeaking',
    ],
  },
  {
    sector: 'social-care',
    names: [
      'Liquidlogic', '^Mosaic', 'Servelec', 'ContrOCC', 'CareDirector', 'Care Director', 'Access Care Planning', 'Access Group',
      'Nourish Care', '^Birdie', 'Log my Care', 'CarePlanner', 'Person Centred Software', 'Mobizio', 'CM2000', 'Webroster',
      'CareFreeRota', 'Eclipse Social Care',
    ],
  },
  {
    sector: 'facilities',
    names: [
      'Dyson', 'Dyson Airblade', 'Kärcher', 'Karcher', 'Numatic', 'Henry Hoover', 'Nilfisk', 'Taski', 'Tennant', 'Vileda', 'Tork',
      'Kimberly-Clark', 'Diversey', 'Ecolab', 'Cleenol', 'Jangro', 'Prochem', 'Rentokil', 'Bosch', 'Worcester Bosch', 'Vaillant',
      'Baxi', 'Ideal Logic', 'Viessmann', 'Daikin', 'Mitsubishi Electric', 'Grundfos', 'Wilo', 'Trend IQ', 'Honeywell',
      'Schneider Electric', 'Johnson Controls', 'Tridium', '^Niagara', 'Otis', 'Kone', 'Schindler', 'Stannah', 'Thyssenkrupp',
      'TK Elevator', 'Gent', 'Hochiki', 'Kidde', '^Paxton', 'Salto', 'HID Global', 'Hikvision', 'Dahua', 'Axis Communications',
      'Avigilon', 'Genetec', 'Milestone XProtect', 'Chubb', 'ADT', 'Lutron', 'Philips Hue', 'Hager', 'Legrand', '^Crabtree', 'MK Electric',
      '^Rational', 'Hobart', 'Lincat', 'Winterhalter', 'Electrolux', 'Burco', 'Makita', 'DeWalt', 'Hilti', 'Stihl', 'Husqvarna',
      'Yale', 'Dormakaba', 'Dorma', 'Geze', '^Briton', 'Armitage Shanks', 'Ideal Standard', 'Twyford', 'Grohe', 'Hansgrohe', '^Mira',
      'Triton', 'Herman Miller', 'Steelcase', 'Haworth', 'Orangebox', 'Boss Design', 'IKEA', 'Posturite',
    ],
  },
  {
    sector: 'construction',
    names: [
      'Kingspan', 'Celotex', 'Rockwool', 'Knauf', 'British Gypsum', 'Gyproc', 'Marley', 'Redland', 'Sika', 'Tremco', 'Hanson',
      'Aggregate Industries', 'Breedon', 'Ibstock', 'Forterra', 'Wienerberger', 'Velux', 'Crittall', 'Rehau', 'Veka', 'Kömmerling',
      'Schüco', 'Schueco', 'Reynaers', 'Dulux', 'Dulux Trade', 'Crown Paints', 'Johnstone\'s', 'Farrow & Ball', 'Sandtex', 'Altro',
      'Polyflor', 'Forbo', 'Gerflor', 'Tarkett', 'Amtico', 'Karndean', 'Desso', 'Heckmondwike', '^Marshalls', '^Brett', '^Hepworth',
      'Wavin', 'Polypipe', 'Osma', 'Hep2O', 'JG Speedfit', 'Speedfit', 'Hilti', 'Ramset', 'Bostik', 'Everbuild',
      'Screwfix', 'Travis Perkins', 'Jewson', 'Wickes', 'B&Q',
    ],
  },
  {
    sector: 'vehicles',
    names: [
      'Ford', 'Ford Transit', '^Transit', 'Transit Connect', 'Transit Custom', 'Ford Ranger', 'Ford Focus', 'Ford Fiesta', 'Ford Kuga',
      'Vauxhall', 'Vauxhall Astra', 'Vauxhall Corsa', 'Vivaro', 'Movano', 'Toyota', 'Prius', 'Corolla', 'Yaris', 'Hilux', 'Proace',
      'Hyundai', 'Ioniq', 'Kia', 'Kia Niro', 'Nissan', 'Nissan Leaf', 'e-NV200', 'Volkswagen', 'VW', 'VW Golf', 'Volkswagen Golf',
      'VW Caddy', '^Caddy', '^Crafter', '^Transporter', 'VW Transporter', 'ID. Buzz', 'Mercedes', 'Mercedes-Benz', '^Sprinter',
      'Mercedes Sprinter', 'Mercedes Vito', '^Vito', 'eVito', 'Econic', 'BMW', 'Audi', 'Skoda', 'Škoda', '^Octavia', '^SEAT', 'Cupra',
      'Renault', 'Kangoo', '^Trafic', 'Peugeot', 'Citroën', 'Citroen', 'Berlingo', 'Fiat', 'Ducato', 'Doblo', 'Iveco', 'Isuzu',
      'D-Max', 'Mitsubishi', 'Outlander', 'Land Rover', 'Range Rover', '^Defender', 'Tesla', 'Polestar', 'BYD', 'MG Motor', 'Volvo',
      'Scania', 'DAF', 'MAN Truck', 'Dennis Eagle', 'Alexander Dennis', 'Wrightbus', 'Optare', 'Mellor', 'Geesink', 'Faun',
      'Johnston Sweepers', 'Bucher Municipal', '^Scarab', 'Dulevo', 'Hako', '^Glutton', 'Bobcat', 'Caterpillar', '^CAT', 'Komatsu',
      'Kubota', 'Takeuchi', 'Doosan', 'Terex', 'Thwaites', 'Manitou', '^Genie', 'Niftylift', 'John Deere', 'Ransomes', 'Jacobsen',
      'Iseki', 'Etesia', 'Hayter', 'Honda', 'Kawasaki', 'Yamaha', 'Polaris', 'Michelin', 'Bridgestone', 'Goodyear', 'Pirelli',
      '^Shell', 'Esso', 'Texaco', 'Castrol', 'Webfleet', 'TomTom', '^Samsara', 'Verizon Connect', 'Masternaut', 'Quartix', '^Lightfoot',
    ],
  },
  {
    sector: 'office',
    names: [
      'Canon', 'Xerox', 'Ricoh', 'Kyocera', 'Konica Minolta', '^Sharp', 'Epson', '^Brother', 'Lexmark', 'Pitney Bowes', 'Quadient',
      'Neopost', 'Frama', 'Pritt', 'Bic', 'Stabilo', 'Staedtler', 'Pukka Pad', 'Leitz', 'Rexel', 'Fellowes', '^Avery', 'Niceday',
      'Duracell', 'Energizer', 'Viking Direct', 'Lyreco', '^Staples',
    ],
  },
  {
    sector: 'catering',
    names: [
      'Coca-Cola', '^Coke', 'Pepsi', 'Nestlé', 'Nestle', 'Nescafé', 'Nescafe', 'Kellogg\'s', 'Heinz', '^Walkers', 'Cadbury', 'Tetley',
      'PG Tips', 'Yorkshire Tea', 'Lavazza', 'Costa Coffee', 'Starbucks', '^Brakes', 'Bidfood', '^Booker', '^Müller', 'Warburtons',
      'Hovis', 'Quorn',
    ],
  },
  {
    sector: 'workwear',
    names: [
      'Dickies', 'Portwest', '^Regatta', 'Snickers Workwear', 'Dr Martens', 'Timberland', 'Crocs', 'Skechers', 'Nike', 'Adidas',
      'Puma', 'Under Armour', 'Uvex', 'JSP', '^Centurion', 'MSA Safety', 'Moldex', '3M', 'Scotchlite',
    ],
  },
];

export interface GenericisedMark {
  mark: string;
  generic: string;
}

/** Trade marks used as everyday words. The suggestion offers the generic wording. */
export const GENERICISED_TRADE_MARKS: readonly GenericisedMark[] = [
  { mark: 'Portakabin', generic: 'portable modular building' },
  { mark: 'Portakabins', generic: 'portable modular buildings' },
  { mark: 'Portaloo', generic: 'portable toilet' },
  { mark: 'Portaloos', generic: 'portable toilets' },
  { mark: '^Hoover', generic: 'vacuum cleaner' },
  { mark: 'tarmac', generic: 'asphalt (bituminous) surfacing' },
  { mark: 'tarmacked', generic: 'surfaced with asphalt' },
  { mark: 'JCB', generic: 'backhoe loader or excavator' },
  { mark: 'JCBs', generic: 'backhoe loaders or excavators' },
  { mark: 'Biro', generic: 'ballpoint pen' },
  { mark: 'Sellotape', generic: 'clear adhesive tape' },
  { mark: 'Tipp-Ex', generic: 'correction fluid' },
  { mark: 'Tippex', generic: 'correction fluid' },
  { mark: 'Post-it', generic: 'sticky notes' },
  { mark: 'Post-its', generic: 'sticky notes' },
  { mark: 'Blu Tack', generic: 'reusable putty adhesive' },
  { mark: 'Blu-Tack', generic: 'reusable putty adhesive' },
  { mark: 'Velcro', generic: 'hook-and-loop fastening' },
  { mark: 'Perspex', generic: 'acrylic sheet' },
  { mark: 'Plexiglas', generic: 'acrylic sheet' },
  { mark: 'Formica', generic: 'high-pressure laminate' },
  { mark: 'Rawlplug', generic: 'wall plug' },
  { mark: 'Rawlplugs', generic: 'wall plugs' },
  { mark: 'Jacuzzi', generic: 'whirlpool bath' },
  { mark: 'Kevlar', generic: 'aramid fibre' },
  { mark: 'Lycra', generic: 'elastane' },
  { mark: 'Teflon', generic: 'PTFE (non-stick) coating' },
  { mark: 'Thermos', generic: 'vacuum flask' },
  { mark: 'Tannoy', generic: 'public address system' },
  { mark: 'Dictaphone', generic: 'voice recorder' },
  { mark: 'Zimmer frame', generic: 'walking frame' },
  { mark: 'Zimmer frames', generic: 'walking frames' },
  { mark: 'Jiffy bag', generic: 'padded envelope' },
  { mark: 'Jiffy bags', generic: 'padded envelopes' },
  { mark: 'Calor gas', generic: 'bottled LPG' },
  { mark: 'Stanley knife', generic: 'utility knife' },
  { mark: 'Catseye', generic: 'retroreflective road stud' },
  { mark: 'Catseyes', generic: 'retroreflective road studs' },
  { mark: 'Heras fencing', generic: 'temporary mesh fencing' },
  { mark: 'Heras', generic: 'temporary mesh fencing' },
  { mark: 'Acrow prop', generic: 'adjustable steel prop' },
  { mark: 'Acrow props', generic: 'adjustable steel props' },
  { mark: 'Kango', generic: 'breaker (demolition hammer)' },
  { mark: 'Sharpie', generic: 'permanent marker' },
  { mark: 'Kleenex', generic: 'tissues' },
  { mark: 'Elastoplast', generic: 'adhesive plasters' },
  { mark: 'Vaseline', generic: 'petroleum jelly' },
  { mark: 'AdBlue', generic: 'diesel exhaust fluid (AUS 32)' },
  { mark: 'Gore-Tex', generic: 'waterproof breathable membrane' },
  { mark: 'Tupperware', generic: 'reusable food containers' },
  { mark: 'Stannah stairlift', generic: 'stairlift' },
];
