// Plain data without zod, so the web app's scoring editor can list the fields without the schemas.

/** Fields a fit rule may read: the contact's, and its company's under `account.`. */
export const scorableFields = [
  'persona',
  'jobTitle',
  'lifecycleStage',
  'leadSource',
  'marketingConsent',
  'tags',
  'account.name',
  'account.industryCode',
  'account.employeeCount',
  'account.annualRevenue',
  'account.foundedYear',
  'account.country',
  'account.region',
  'account.city',
  'account.customerStatus',
  'account.technologies',
  'account.tags',
] as const;

/** Behaviour Baken and its integrations record; a rule may name others (from the API). */
export const knownEvents = ['page_view', 'form_submit', 'email_open', 'email_click', 'meeting'] as const;
