import type { accountCreateInput, accountUpdateInput } from '@baken/core/accounts/account.schema';
import { normalizeAccountInput } from '@baken/core/accounts/account-input';
import type { z } from 'zod';
import { assertNoFieldProblems } from '../platform/records/field-problems.ts';
import { recordService } from '../platform/records/record-service.ts';
import { defaultCountryOf } from '../workspaces/workspaces.service.ts';
import { accountStore, listAccounts } from './accounts.repository.ts';

type AccountRow = NonNullable<Awaited<ReturnType<typeof accountStore.find>>>;

export const accountService = recordService<
  AccountRow,
  z.output<typeof accountCreateInput>,
  z.output<typeof accountUpdateInput>
>(accountStore, listAccounts, {
  // Phone numbers, postcodes, domains and SBI codes are checked here rather than in the request
  // schema: they need the account's or the workspace's country, and the schema is shared with the
  // web app, which should not carry libphonenumber, the public suffix list or the SBI list.
  async prepare(ctx, trx, values, before) {
    const country = values.country === undefined ? before?.country : values.country;
    const needsDefault = typeof values.phone === 'string' && !country;
    const defaultCountry = needsDefault ? await defaultCountryOf(trx, ctx.actor.workspaceId) : 'NL';
    assertNoFieldProblems(normalizeAccountInput(values, before, defaultCountry));
    return values;
  },
});
