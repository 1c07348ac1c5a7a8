import type { Role } from '../platform/roles.ts';

/**
 * What the demo workspace sells: an installer for sustainable building services. One-off projects
 * carry an `amount`; contracts also a monthly `recurring` amount (euros, turned into cents later).
 */
export interface Product {
  name: string;
  amount: readonly [number, number];
  recurring?: readonly [number, number];
}

export const products: readonly Product[] = [
  { name: 'Zonnepanelen bedrijfsdak', amount: [25_000, 180_000] },
  { name: 'Warmtepomp kantoorpand', amount: [18_000, 95_000] },
  { name: 'LED-verlichting magazijn', amount: [8_000, 60_000] },
  { name: 'Laadplein parkeerterrein', amount: [12_000, 80_000] },
  { name: 'Gebouwbeheersysteem', amount: [15_000, 70_000] },
  { name: 'Renovatie klimaatinstallatie', amount: [40_000, 250_000] },
  { name: 'Verduurzamingsadvies en energielabel', amount: [2_500, 12_000] },
  { name: 'Onderhoudscontract installaties', amount: [0, 0], recurring: [250, 2_500] },
  { name: 'Storingsdienst 24/7', amount: [0, 0], recurring: [400, 1_800] },
  { name: 'Energiemonitoring', amount: [1_500, 6_000], recurring: [99, 499] },
];

export const lostReasons = [
  'Te duur',
  'Gekozen voor concurrent',
  'Geen budget dit jaar',
  'Project uitgesteld',
  'Geen reactie meer',
  'Subsidie niet toegekend',
  'Doet het zelf met eigen technische dienst',
] as const;

/** Where a contact or deal came from: keys that campaign attribution can group by. */
export const leadSources = [
  ['website', 20],
  ['cold_calling', 20],
  ['referral', 15],
  ['linkedin', 12],
  ['trade_show', 10],
  ['webinar', 8],
  ['partner', 8],
  ['event', 7],
] as const;

export const consentSources = [
  'Nieuwsbriefformulier website',
  'Registratie webinar',
  'Beursbezoek, scan van badge',
  'Downloadformulier whitepaper',
] as const;

export const tagNames = {
  account: ['ICP', 'Key account', 'Verduurzaming', 'Meerdere vestigingen'],
  contact: ['Nieuwsbrief', 'Webinar', 'Beursbezoeker'],
  deal: ['EIA-subsidie', 'Raamcontract', 'Spoed'],
} as const;

/** Job titles per buyer persona; Belgian companies add titles of their own. */
export const jobTitles = {
  decision_maker: {
    common: [
      'Algemeen directeur',
      'Directeur-eigenaar',
      'CEO',
      'Operationeel directeur',
      'Financieel directeur',
    ],
    BE: ['Zaakvoerder', 'Gedelegeerd bestuurder'],
  },
  champion: {
    common: [
      'Facilitair manager',
      'Hoofd technische dienst',
      'Manager bedrijfsvoering',
      'Duurzaamheidscoördinator',
    ],
    BE: ['Facility manager'],
  },
  influencer: { common: ['Controller', 'Inkoper', 'IT-manager', 'Projectleider'], BE: ['Preventieadviseur'] },
  user: {
    common: ['Werkvoorbereider', 'Planner', 'Onderhoudsmonteur', 'Teamleider productie', 'Magazijnchef'],
    BE: [],
  },
  gatekeeper: {
    common: ['Office manager', 'Managementassistent', 'Receptionist'],
    BE: ['Onthaalmedewerker'],
  },
} as const;

/** The team of a freshly created demo workspace: who signs in, and in which role. */
export interface DemoTeamMember {
  name: string;
  email: string;
  role: Role;
}

export const demoWorkspaceName = 'Demo Bouw & Techniek BV';

export const demoTeam: readonly DemoTeamMember[] = [
  { name: 'Sanne Visser', email: 'demo@baken.local', role: 'owner' },
  { name: 'Joost van Leeuwen', email: 'demo.manager@baken.local', role: 'manager' },
  { name: 'Bram Dekker', email: 'demo.sales@baken.local', role: 'sales' },
  { name: 'Lotte Peeters', email: 'demo.sales.be@baken.local', role: 'sales' },
  { name: 'Femke de Graaf', email: 'demo.marketing@baken.local', role: 'marketing' },
];
