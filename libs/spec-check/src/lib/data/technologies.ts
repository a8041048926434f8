/**
 * Technologies that, when required, decide the solution for the supplier (rule solution.named-technology).
 * Same phrase syntax as brands.ts: "^Swift" is case-sensitive. Open data formats and protocols (JSON, CSV,
 * REST, OAuth, HTTPS) are deliberately absent: requiring open standards is good practice.
 *
 * HOW TO EXTEND: add the name to the right list. A test checks every entry is matchable.
 */
export const LANGUAGES: readonly string[] = [
  'Java', 'JavaScript', 'TypeScript', 'Python', 'PHP', '^Ruby', 'Ruby on Rails', 'Golang', '^Rust', 'Kotlin', '^Swift',
  'Objective-C', 'Scala', 'Perl', 'COBOL', 'Fortran', 'Visual Basic', 'VB.NET', 'VBA', 'Erlang', 'Haskell',
  'Clojure', 'PL/SQL', 'T-SQL', 'Transact-SQL', 'ABAP', '^Apex', 'PowerShell', '^Bash',
];

export const FRAMEWORKS: readonly string[] = [
  '^React', 'React Native', '^Angular', 'AngularJS', 'Vue', 'Vue.js', 'Node.js', 'NodeJS', '^Node', 'Express.js', 'Django', '^Flask',
  'FastAPI', 'Spring Boot', 'Spring Framework', 'Laravel', 'Symfony', 'ASP.NET', 'Blazor', 'Xamarin', '^Ionic', 'jQuery',
  'Next.js', 'Nuxt', 'Svelte', '^Flutter', '^Electron', 'GraphQL', 'gRPC', 'Kafka', 'Apache Kafka', 'RabbitMQ', 'Hadoop',
  'Apache Spark', 'Elasticsearch', 'WebAssembly', 'Silverlight', 'Adobe Flash', 'ActiveX', '^Unity', 'Unreal Engine',
  'Hyperledger', 'Ethereum', 'TensorFlow', 'PyTorch',
];

export const DATABASES: readonly string[] = [
  'PostgreSQL', 'Postgres', 'MySQL', 'MariaDB', 'SQL Server', 'Microsoft SQL Server', 'MS SQL', 'MSSQL', 'Oracle Database',
  'Oracle DB', 'MongoDB', 'Redis', '^Cassandra', 'DynamoDB', 'Cosmos DB', 'CosmosDB', 'Neo4j', 'SQLite', 'Db2', 'Sybase',
  '^Firebird',
];

export const PLATFORMS: readonly string[] = [
  'Kubernetes', 'K8s', 'OpenShift', 'Docker', 'Terraform', 'Ansible', '^Puppet', 'Linux', 'Unix', 'Windows Server',
  'Red Hat Enterprise Linux', 'RHEL', 'Ubuntu', 'Debian', 'CentOS', 'Apache HTTP Server', 'Nginx', 'IIS', 'Tomcat', 'JBoss',
  'WebSphere', 'WebLogic', 'AWS Lambda', 'Azure Functions', 'EC2', 'Hyper-V', 'VMware', 'Citrix', 'AWS', 'Azure', 'Google Cloud',
  'Amazon Web Services', 'Microsoft Azure', 'SharePoint', 'Salesforce', 'Power Apps', 'Power Platform', 'ServiceNow', 'Dynamics 365',
  'Drupal', 'WordPress', 'Umbraco', 'Java EE', 'Jakarta EE', '.NET', 'ChromeOS', 'Chrome OS', 'Windows 10', 'Windows 11', 'macOS', 'iOS', 'iPadOS', 'Android', 'Windows Server 2022',
];

/**
 * Architecture, hosting and solution-type terms (rule solution.architecture). Regex sources, case-insensitive,
 * matched as whole words. Keep them specific: a word that is also used for outcomes does not belong here.
 */
export const ARCHITECTURE_TERMS: readonly string[] = [
  'micro-?services?(?:\\s+architecture)?', 'monolith(?:ic)?(?:\\s+architecture)?', 'serverless', 'event[- ]driven(?:\\s+architecture)?',
  'service[- ]oriented\\s+architecture', 'SOA', '(?:three|3|n)[- ]tier(?:\\s+architecture)?', 'client[- ]server',
  'mainframes?', 'data\\s+warehouses?', 'data\\s+lake(?:house)?s?', 'blockchain', 'distributed\\s+ledgers?',
  'on[- ]prem(?:ise|ises)?', 'self[- ]hosted', 'cloud[- ]based', 'cloud[- ]native', 'cloud[- ]hosted', '(?:public|private|hybrid)\\s+cloud',
  '(?:hosted|held|stored|run|deployed)\\s+in\\s+the\\s+cloud', 'SaaS', 'PaaS', 'IaaS', 'software[- ]as[- ]a[- ]service',
  'virtual\\s+machines?', 'containeri[sz]ed', 'native\\s+(?:[\\w-]+\\s+)?app(?:lication)?s?', '(?:iOS|Android|iPhone|iPad)\\s+app(?:lication)?s?',
  'mobile\\s+app(?:lication)?s?', 'smartphone\\s+app(?:lication)?s?', 'progressive\\s+web\\s+app(?:lication)?s?', 'PWAs?',
  'single[- ]page\\s+app(?:lication)?s?', 'desktop\\s+app(?:lication)?s?', 'thin\\s+clients?', 'thick\\s+clients?', 'chat\\s?bots?',
  'virtual\\s+assistants?', 'artificial\\s+intelligence', 'AI', 'machine\\s+learning', 'large\\s+language\\s+models?', 'LLMs?',
  'generative\\s+AI', 'GenAI', 'RPA', 'robotic\\s+process\\s+automation', 'low[- ]code', 'no[- ]code', 'relational\\s+database',
  'NoSQL', 'graph\\s+database', 'SQL\\s+database', 'kiosks?', 'touch[- ]?screens?', 'QR\\s+codes?', 'RFID(?:\\s+tags?)?', 'NFC',
  'smart\\s?cards?', 'biometric\\w*', 'fingerprint\\s+(?:readers?|scanners?|recognition)', 'facial\\s+recognition',
  'digital\\s+twins?', 'IoT', 'internet\\s+of\\s+things', 'drones?', 'robots?', 'virtual\\s+reality', 'VR\\s+headsets?',
  'augmented\\s+reality', 'headless\\s+CMS', 'VDI', 'virtual\\s+desktops?', 'SD-WAN', 'MPLS', 'leased\\s+lines?', 'FTTP',
  'satellite\\s+(?:broadband|links?|connections?)', 'microsites?', 'VoIP', 'SIP\\s+trunks?', 'PBX', 'ISDN', 'DECT\\s+(?:phones|handsets)', 'analogue\\s+(?:lines|phones)', 'magnetic\\s+tapes?', 'tape\\s+(?:back-?ups?|drives?|librar(?:y|ies))', 'optical\\s+discs?', 'microfiche', 'microfilm', 'USB\\s+(?:sticks|drives|memory\\s+sticks)', 'CD-ROMs?', 'DVDs?', 'pagers?', 'IVR', 'interactive\\s+voice\\s+response', 
];

/** Materials and fixed types (rule solution.fixed-type), regex sources. */
export const MATERIALS: readonly string[] = [
  'PVC(?:-U)?', 'uPVC', 'polyethylene', 'HDPE', 'MDPE', 'polypropylene', 'polycarbonate', 'acrylic', 'GRP', 'fibreglass',
  'glass[- ]reinforced\\s+plastic', 'copper', 'steel', 'stainless\\s+steel', 'galvanised\\s+steel', 'mild\\s+steel', 'aluminium',
  'aluminum', 'cast\\s+iron', 'ductile\\s+iron', 'wrought\\s+iron', 'brass', 'zinc', 'concrete', 'pre-?cast\\s+concrete',
  'reinforced\\s+concrete', 'timber', 'wood', 'wooden', 'hardwood', 'softwood', 'oak', 'beech', 'pine', 'birch', 'plywood', 'MDF',
  'chipboard', 'brick', 'natural\\s+stone', 'granite', 'slate', 'marble', 'sandstone', 'limestone', 'York\\s?stone', 'toughened\\s+glass',
  'laminated\\s+glass', 'ceramic', 'porcelain', 'vinyl', 'linoleum', 'lino', 'carpet', 'rubber', 'latex', 'nitrile', 'cotton',
  'polyester', 'wool', 'leather', 'nylon', 'resin', 'epoxy', 'bitumen', 'asphalt', 'clay', 'terracotta', 'bamboo', 'cork',
];

/** Power-train, heating and lighting types (rule solution.fixed-type), regex sources. */
export const FIXED_TYPES: readonly string[] = [
  'diesel', 'petrol', '(?:battery[- ])?electric', 'fully\\s+electric', 'plug-in\\s+hybrid(?:\\s+electric)?', 'hybrid\\s+(?:electric|vehicles?|cars?|vans?|buses)', 'hydrogen(?:[- ]powered)?',
  'LPG', 'CNG', 'HVO', 'gas[- ](?:fired|powered)', 'oil[- ]fired', 'air[- ]source\\s+heat\\s+pumps?', 'ground[- ]source\\s+heat\\s+pumps?',
  'combi(?:nation)?\\s+boilers?', 'condensing\\s+boilers?', '(?:gas|oil|electric|LPG)\\s+(?:[\\w-]+\\s+)?boilers?', 'biomass\\s+boilers?', 'LED', 'halogen', 'fluorescent',
  'lithium[- ]ion', 'lead[- ]acid', 'timber[- ]framed?', 'steel[- ]framed?', 'modular\\s+(?:buildings?|construction|units?|classrooms?)', 'prefabricated', 'brick[- ]built',
  'solar\\s+PV', 'photovoltaic', 'double[- ]glazed', 'triple[- ]glazed', '(?:automatic|manual)\\s+(?:transmissions?|gearbox(?:es)?)', 'four[- ]wheel[- ]drive', '4x4',
  'box\\s+vans?', 'panel\\s+vans?', 'tipper', 'minibus(?:es)?', 'double[- ]deck(?:er)?', 'single[- ]deck(?:er)?',
];
