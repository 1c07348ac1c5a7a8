import type { Account } from '@baken/core/accounts/account.schema';
import type { EnrichableField, Finding, ProviderStatus } from '@baken/core/enrichment/enrichment.schema';
import { cleanFinding, type EnrichmentPlan, planEnrichment } from '@baken/core/enrichment/enrichment-plan';
import { accountService } from '../accounts/accounts.service.ts';
import { audit } from '../platform/audit/audit.ts';
import type { AppContext, RequestContext } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { assertCanChange, assertCanWrite } from '../platform/records/record-writes.ts';
import { fieldSourcesOf, saveProvidedSources } from './enrichment.repository.ts';
import { type CompanyKeys, configuredProviders, type EnrichmentProvider } from './providers.ts';

export interface ProviderRun {
  source: string;
  status: ProviderStatus;
  /** Why a source was skipped or failed, as a code the web app words (`timeout`, `robots`, `refused`, …). */
  reason: string | null;
  detail: string | null;
}

export interface EnrichOptions {
  overwrite?: boolean | readonly EnrichableField[] | undefined;
  /** For a background run (acting as the system): the user who started it, kept with the field sources. */
  requestedBy?: string;
}

function providersOf(ctx: AppContext): EnrichmentProvider[] {
  const providers = configuredProviders(ctx.config.enrichment);
  if (providers.length === 0) {
    throw new AppError(
      'conflict',
      'Enrichment is switched off on this server: no providers are configured (BAKEN_ENRICHMENT_PROVIDERS).',
    );
  }
  return providers;
}

const keysOf = (account: Pick<Account, 'domain' | 'website' | 'kvkNumber'>): CompanyKeys => ({
  domain: account.domain,
  website: account.website,
  kvkNumber: account.kvkNumber,
});

/** Keys a finding adds (a KvK number on the website lets the register look the company up). */
function withFoundKeys(keys: CompanyKeys, findings: Finding[]): CompanyKeys {
  const value = (field: string) =>
    findings.find((finding) => finding.field === field)?.value as string | undefined;
  return {
    domain: keys.domain,
    website: keys.website ?? value('website') ?? null,
    kvkNumber: keys.kvkNumber ?? value('kvkNumber') ?? null,
  };
}

const sameKeys = (a: CompanyKeys, b: CompanyKeys) =>
  a.domain === b.domain && a.website === b.website && a.kvkNumber === b.kvkNumber;

/**
 * Asks every provider, in the configured order, which is also the order of preference. A provider
 * that had nothing to go on, or found nothing, is asked again once when another one found a key
 * (a KvK number, a website) it did not have.
 */
async function askProviders(ctx: AppContext, providers: EnrichmentProvider[], start: CompanyKeys) {
  const answers = new Map<EnrichmentProvider, { run: ProviderRun; findings: Finding[]; keys: CompanyKeys }>();
  let keys = start;
  for (let pass = 0; pass < 2; pass++) {
    for (const provider of providers) {
      const earlier = answers.get(provider);
      if (
        earlier &&
        (earlier.run.status === 'found' || earlier.run.status === 'failed' || sameKeys(earlier.keys, keys))
      )
        continue;
      if (!provider.canLookUp(keys)) {
        if (!earlier)
          answers.set(provider, {
            run: {
              source: provider.source,
              status: 'skipped',
              reason: 'no_keys',
              detail: 'Nothing to look the company up by.',
            },
            findings: [],
            keys,
          });
        continue;
      }
      try {
        const answer = await provider.lookUp(keys, ctx);
        const findings =
          answer.status === 'found'
            ? answer.findings.map(cleanFinding).filter((finding): finding is Finding => finding !== null)
            : [];
        const detail = answer.status === 'not_found' ? answer.detail : null;
        answers.set(provider, {
          run: { source: provider.source, status: answer.status, reason: null, detail },
          findings,
          keys,
        });
        keys = withFoundKeys(keys, findings);
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        const reason = (error as { reason?: unknown }).reason;
        answers.set(provider, {
          run: {
            source: provider.source,
            status: 'failed',
            reason: typeof reason === 'string' ? reason : 'error',
            detail,
          },
          findings: [],
          keys,
        });
      }
    }
  }
  const ordered = providers.map((provider) => answers.get(provider)).filter((answer) => answer !== undefined);
  return {
    runs: ordered.map((answer) => answer.run),
    findings: ordered.flatMap((answer) => answer.findings),
  };
}

/**
 * Writes the plan's account fields through the accounts service (its rights, checks and audit row).
 * A value that service refuses (a phone number that is no number in the account's country) is left
 * out, and the rest written.
 */
async function applyPatch(ctx: RequestContext, id: string, plan: EnrichmentPlan) {
  const patch: Record<string, unknown> = { ...plan.patch };
  for (let attempt = 0; Object.keys(patch).length > 0; attempt++) {
    try {
      return await accountService.update(ctx, id, patch as never);
    } catch (error) {
      const refused =
        error instanceof AppError && error.kind === 'invalid' ? error.fields.map((f) => f.field) : [];
      if (attempt > 0 || refused.length === 0 || !refused.every((field) => field in patch)) throw error;
      for (const field of refused) delete patch[field];
      plan.provided = plan.provided.filter((finding) => !refused.includes(finding.field));
      plan.results = plan.results.filter((result) => !refused.includes(result.field));
    }
  }
  return null;
}

const linkList = (value: unknown) =>
  value && typeof value === 'object' ? Object.values(value as Record<string, string>).join(', ') : null;

/** The audit row of a run: which sources were asked, and the fields without a column that changed. */
function runChanges(runs: ProviderRun[], plan: EnrichmentPlan): Record<string, unknown> {
  const changes: Record<string, unknown> = {
    enrichedFrom: { from: null, to: runs.map((run) => `${run.source}: ${run.status}`).join(', ') },
  };
  for (const result of plan.results) {
    if (result.outcome !== 'applied') continue;
    if (result.field === 'language') changes.language = { from: result.current, to: result.value };
    if (result.field === 'socialLinks')
      changes.socialLinks = { from: linkList(result.current), to: linkList(result.value) };
  }
  return changes;
}

/**
 * Runs the configured providers for one account and writes what they found into the fields that are
 * empty or were filled by a provider before; fields a person set are reported and kept unless
 * `overwrite` names them. Rights are those of changing the account. Runs outside any transaction
 * (the providers read the network); each write is its own transaction.
 */
export async function enrichAccount(ctx: RequestContext, id: string, options: EnrichOptions = {}) {
  const { workspaceId } = ctx.actor;
  const account = (await accountService.get(ctx, id)) as unknown as Account;
  assertCanWrite(ctx);
  assertCanChange(ctx, account.ownerId, 'account');
  const providers = providersOf(ctx);
  const { runs, findings } = await askProviders(ctx, providers, keysOf(account));
  const plan = planEnrichment({
    current: account as unknown as Record<string, unknown>,
    sources: await fieldSourcesOf(ctx.db, workspaceId, id),
    findings,
    overwrite: options.overwrite ?? false,
  });
  const updated = (await applyPatch(ctx, id, plan)) ?? account;
  await ctx.db.transaction().execute(async (trx) => {
    await saveProvidedSources(trx, workspaceId, id, plan.provided, options.requestedBy ?? ctx.actor.userId);
    await audit(ctx, trx, 'update', 'account', id, runChanges(runs, plan));
  });
  return {
    account: updated,
    providers: runs,
    fields: plan.results,
    sources: await fieldSourcesOf(ctx.db, workspaceId, id),
  };
}

/** What the account page shows: the providers that can run and where each field's value came from. */
export async function enrichmentState(ctx: RequestContext, id: string) {
  await accountService.get(ctx, id);
  return {
    providers: configuredProviders(ctx.config.enrichment).map(({ source, label }) => ({ source, label })),
    sources: await fieldSourcesOf(ctx.db, ctx.actor.workspaceId, id),
  };
}

export { providersOf as assertEnrichmentConfigured };
