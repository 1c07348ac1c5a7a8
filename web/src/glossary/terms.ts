// The terms of the in-app glossary, in sections, each with the page where it lives in Baken (the
// words themselves are in locales/, in our own words).
export interface GlossaryTerm {
  id: string;
  /** Where to see it in the product; absent for a metric that has no page yet. */
  to?: string;
}

export const glossarySections: { id: string; terms: GlossaryTerm[] }[] = [
  {
    id: 'records',
    terms: [
      { id: 'account', to: '/accounts' },
      { id: 'contact', to: '/contacts' },
      { id: 'deal', to: '/deals' },
      { id: 'pipeline', to: '/deals/board' },
      { id: 'activity', to: '/activities' },
      { id: 'owner' },
      { id: 'buyerPersona', to: '/contacts' },
    ],
  },
  {
    id: 'funnel',
    terms: [
      { id: 'lead', to: '/leads' },
      { id: 'lifecycleStage', to: '/leads' },
      { id: 'funnelBands', to: '/leads' },
      { id: 'mql', to: '/leads/inbox' },
      { id: 'sql', to: '/leads/inbox' },
      { id: 'leadScore', to: '/settings/scoring' },
      { id: 'predictiveScore', to: '/settings/scoring' },
      { id: 'routing', to: '/settings/lead-routing' },
      { id: 'sla', to: '/leads/service-levels' },
      { id: 'smarketing', to: '/leads/service-levels' },
      { id: 'sdr', to: '/settings/lead-routing' },
    ],
  },
  {
    id: 'market',
    terms: [
      { id: 'icp', to: '/settings/icp' },
      { id: 'tam', to: '/settings/icp' },
      { id: 'prospect', to: '/prospects' },
    ],
  },
  {
    id: 'metrics',
    terms: [
      { id: 'closingRate' },
      { id: 'hitRate' },
      { id: 'salesVelocity' },
      { id: 'weightedPipeline' },
      { id: 'mrr' },
      { id: 'acv' },
      { id: 'churn' },
      { id: 'ltv' },
      { id: 'cac' },
      { id: 'nps' },
    ],
  },
];
