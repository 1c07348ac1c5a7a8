/** What a company of a sector calls itself, with its SBI/NACE code (SBI extends NACE, so the first four digits agree). */
export interface Sector {
  code: string;
  /** Words that follow a family or place name: `Jansen Installatietechniek`. */
  trades: readonly string[];
  /** A trade that reads well before `De`/`Het` and a house name: `Brouwerij De Klok`. */
  house?: string;
  employees: readonly [number, number];
  /** Annual revenue per employee in euros: sets the scale of `annualRevenue`. */
  revenuePerEmployee: readonly [number, number];
  technologies: readonly string[];
  description: string;
}

export const sectors: readonly Sector[] = [
  {
    code: '4322',
    trades: ['Installatietechniek', 'Installatiebedrijf', 'Klimaattechniek'],
    employees: [8, 180],
    revenuePerEmployee: [110_000, 160_000],
    technologies: ['Syntess', 'Exact Online', 'Microsoft 365', 'WordPress'],
    description: 'Installateur van verwarming, koeling en sanitair voor utiliteitsbouw.',
  },
  {
    code: '4321',
    trades: ['Elektrotechniek', 'Elektro', 'Elektrotechnisch Bureau'],
    employees: [5, 120],
    revenuePerEmployee: [100_000, 150_000],
    technologies: ['Exact Online', 'Microsoft 365', 'WordPress'],
    description: 'Elektrotechnische installaties, laadinfrastructuur en zonnestroom.',
  },
  {
    code: '4120',
    trades: ['Bouw', 'Bouwbedrijf', 'Aannemersbedrijf', 'Bouwgroep'],
    employees: [12, 400],
    revenuePerEmployee: [180_000, 280_000],
    technologies: ['AFAS', 'Microsoft 365', 'Autodesk', 'WordPress'],
    description: 'Algemeen aannemer voor bedrijfshallen, kantoren en renovatie.',
  },
  {
    code: '4941',
    trades: ['Transport', 'Transportbedrijf', 'Logistics'],
    employees: [15, 350],
    revenuePerEmployee: [120_000, 200_000],
    technologies: ['AFAS', 'Microsoft 365', 'Transics', 'Salesforce'],
    description: 'Wegtransport in de Benelux, met koel- en bulkvervoer.',
  },
  {
    code: '5210',
    trades: ['Logistiek', 'Warehousing', 'Distributie'],
    employees: [20, 500],
    revenuePerEmployee: [140_000, 220_000],
    technologies: ['SAP Business One', 'Microsoft 365', 'Boltrics', 'HubSpot'],
    description: 'Opslag en fulfilment voor e-commerce en industrie.',
  },
  {
    code: '2511',
    trades: ['Metaalbouw', 'Staalbouw', 'Constructiebedrijf'],
    employees: [10, 220],
    revenuePerEmployee: [130_000, 210_000],
    technologies: ['Exact Globe', 'Microsoft 365', 'SolidWorks'],
    description: 'Staalconstructies en plaatwerk op maat.',
  },
  {
    code: '2829',
    trades: ['Machinebouw', 'Machinefabriek', 'Engineering'],
    employees: [15, 300],
    revenuePerEmployee: [150_000, 240_000],
    technologies: ['Ridder iQ', 'Microsoft 365', 'SolidWorks', 'HubSpot'],
    description: 'Ontwerp en bouw van productielijnen en speciale machines.',
  },
  {
    code: '1105',
    trades: ['Brouwerij', 'Bierbrouwerij'],
    house: 'Brouwerij',
    employees: [6, 90],
    revenuePerEmployee: [150_000, 260_000],
    technologies: ['Shopify', 'Exact Online', 'Mailchimp', 'Google Workspace'],
    description: 'Ambachtelijke brouwerij met proeflokaal en export naar de buurlanden.',
  },
  {
    code: '1071',
    trades: ['Bakkerij', 'Banket'],
    house: 'Bakkerij',
    employees: [10, 160],
    revenuePerEmployee: [90_000, 150_000],
    technologies: ['Exact Online', 'Microsoft 365', 'Shopify'],
    description: 'Industriële bakkerij die retail en horeca dagvers belevert.',
  },
  {
    code: '1812',
    trades: ['Drukkerij', 'Grafimedia', 'Print'],
    house: 'Drukkerij',
    employees: [8, 140],
    revenuePerEmployee: [110_000, 170_000],
    technologies: ['Multipress', 'Microsoft 365', 'WordPress', 'Mailchimp'],
    description: 'Offset- en digitaaldruk, verpakkingen en displays.',
  },
  {
    code: '4674',
    trades: ['Technische Groothandel', 'Groothandel', 'Trading'],
    employees: [12, 260],
    revenuePerEmployee: [300_000, 600_000],
    technologies: ['SAP Business One', 'Shopify', 'Microsoft 365', 'Salesforce'],
    description: 'Groothandel in bevestigingsmiddelen, gereedschap en installatiemateriaal.',
  },
  {
    code: '6201',
    trades: ['Software', 'IT Solutions', 'Digital'],
    employees: [6, 150],
    revenuePerEmployee: [110_000, 190_000],
    technologies: ['HubSpot', 'Microsoft 365', 'Google Workspace', 'Jira'],
    description: 'Maatwerksoftware en koppelingen voor het mkb.',
  },
  {
    code: '6920',
    trades: ['Accountants', 'Administratiekantoor', 'Fiscalisten'],
    employees: [5, 90],
    revenuePerEmployee: [90_000, 140_000],
    technologies: ['AFAS', 'Exact Online', 'Microsoft 365', 'Twinfield'],
    description: 'Accountancy en belastingadvies voor ondernemers.',
  },
  {
    code: '7111',
    trades: ['Architecten', 'Architectenbureau'],
    employees: [4, 60],
    revenuePerEmployee: [80_000, 130_000],
    technologies: ['Autodesk', 'Microsoft 365', 'WordPress'],
    description: 'Architectuur voor utiliteitsbouw en herbestemming.',
  },
  {
    code: '7112',
    trades: ['Ingenieursbureau', 'Advies', 'Engineering Consultants'],
    employees: [6, 200],
    revenuePerEmployee: [100_000, 160_000],
    technologies: ['Autodesk', 'Microsoft 365', 'AFAS', 'HubSpot'],
    description: 'Technisch advies voor installaties, energie en bouwfysica.',
  },
  {
    code: '8121',
    trades: ['Schoonmaak', 'Facility Services', 'Schoonmaakdiensten'],
    employees: [25, 900],
    revenuePerEmployee: [35_000, 55_000],
    technologies: ['AFAS', 'Microsoft 365', 'WordPress'],
    description: 'Schoonmaak en facilitaire diensten voor kantoren en zorg.',
  },
  {
    code: '2229',
    trades: ['Kunststoffen', 'Kunststofverwerking', 'Plastics'],
    employees: [15, 240],
    revenuePerEmployee: [150_000, 230_000],
    technologies: ['Isah', 'Microsoft 365', 'Exact Globe'],
    description: 'Spuitgieten en extrusie van technische kunststofdelen.',
  },
  {
    code: '0119',
    trades: ['Kwekerij', 'Tuinbouw', 'Plantenkwekerij'],
    house: 'Kwekerij',
    employees: [8, 150],
    revenuePerEmployee: [80_000, 140_000],
    technologies: ['Exact Online', 'Google Workspace', 'Shopify'],
    description: 'Glastuinbouw met eigen afzet aan groothandel en tuincentra.',
  },
  {
    code: '1623',
    trades: ['Houtbewerking', 'Timmerfabriek', 'Houtindustrie'],
    house: 'Timmerfabriek',
    employees: [6, 110],
    revenuePerEmployee: [100_000, 160_000],
    technologies: ['Exact Online', 'Microsoft 365', 'WordPress'],
    description: 'Kozijnen, trappen en interieurbouw op maat.',
  },
  {
    code: '5510',
    trades: ['Hotel', 'Hotels', 'Hospitality'],
    house: 'Hotel',
    employees: [15, 180],
    revenuePerEmployee: [55_000, 90_000],
    technologies: ['Mews', 'Microsoft 365', 'WordPress', 'Mailchimp'],
    description: 'Zakelijk hotel met vergader- en evenementenzalen.',
  },
];

/** House names that follow `De`/`Het` in a company name. */
export const houseNames = [
  ['De', 'Klok'],
  ['Het', 'Anker'],
  ['De', 'Molen'],
  ['De', 'Eik'],
  ['Het', 'Zwaantje'],
  ['De', 'Zonnehoek'],
  ['De', 'Hoop'],
  ['Het', 'Wapen'],
  ['De', 'Drie Linden'],
  ['De', 'Vlijt'],
  ['Het', 'Roode Hert'],
  ['De', 'Valk'],
] as const;

/** Systems a company runs that the sales team wants to know about, next to those of its sector. */
export const commonTechnologies = [
  'HubSpot',
  'Exact Online',
  'AFAS',
  'Microsoft 365',
  'Shopify',
  'WordPress',
  'Google Workspace',
  'Salesforce',
  'Mailchimp',
  'Teamleader',
  'Odoo',
  'Visma',
] as const;
