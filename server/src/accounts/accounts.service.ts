import type { accountCreateInput, accountUpdateInput } from '@baken/core/accounts/account.schema';
import type { z } from 'zod';
import { recordService } from '../platform/records/record-service.ts';
import { accountStore, listAccounts } from './accounts.repository.ts';

export const accountService = recordService<
  NonNullable<Awaited<ReturnType<typeof accountStore.find>>>,
  z.output<typeof accountCreateInput>,
  z.output<typeof accountUpdateInput>
>(accountStore, listAccounts);
