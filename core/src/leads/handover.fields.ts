// The fixed values of lead handover, as plain data: the web app's first code reads them without zod.

export const routingModes = ['round_robin', 'territory', 'account_owner'] as const;
export type RoutingMode = (typeof routingModes)[number];

export const rejectReasons = [
  'not_a_fit',
  'no_budget',
  'no_interest',
  'wrong_person',
  'already_customer',
  'duplicate',
  'bad_data',
  'other',
] as const;
export type RejectReason = (typeof rejectReasons)[number];

export const handoverStatuses = ['pending', 'accepted', 'rejected'] as const;
