/** How many rows of each kind the bench workspace holds. */
export interface DatasetSize {
  label: 'full' | 'small' | 'custom';
  accounts: number;
  contacts: number;
  deals: number;
  activities: number;
  /** Users besides the owner who own records (sales reps): lists filter on them. */
  owners: number;
}

export const FULL_SIZE: DatasetSize = {
  label: 'full',
  accounts: 100_000,
  contacts: 1_000_000,
  deals: 200_000,
  activities: 2_000_000,
  owners: 12,
};

/** `--small`: a tenth of everything, the size PGlite is held to its latency targets at. */
export const SMALL_SIZE: DatasetSize = {
  label: 'small',
  accounts: FULL_SIZE.accounts / 10,
  contacts: FULL_SIZE.contacts / 10,
  deals: FULL_SIZE.deals / 10,
  activities: FULL_SIZE.activities / 10,
  owners: FULL_SIZE.owners,
};

export const totalRows = (size: DatasetSize) => size.accounts + size.contacts + size.deals + size.activities;
