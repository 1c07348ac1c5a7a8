// The ideal customer profile's API as the web app uses it: types from core's schemas, query keys,
// and the company fields a criterion can read with the kind of value each holds.
import type { IcpCriterion } from '@baken/core/scoring/icp';
import type {
  accountFitResponse,
  icpFields,
  icpResponse,
  icpSuggestionsResponse,
  prospectListResponse,
  tamResponse,
} from '@baken/core/scoring/icp.schema';
import type { FieldCondition } from '@baken/core/scoring/lead-score';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { get } from '../app/api.ts';

export type { FieldCondition, IcpCriterion };
export type IcpAnswer = z.output<typeof icpResponse>;
export type Icp = NonNullable<IcpAnswer['icp']>;
export type IcpSuggestions = z.output<typeof icpSuggestionsResponse>;
export type Suggestion = IcpSuggestions['suggestions'][number];
export type Tam = z.output<typeof tamResponse>;
export type Prospect = z.output<typeof prospectListResponse>['data'][number];
export type ProspectPage = z.output<typeof prospectListResponse>;
export type AccountFit = z.output<typeof accountFitResponse>;

/** Everything derived from the profile lives under this key: saving it refreshes them all. */
export const icpKey = ['icp'] as const;
export const prospectsKey = ['prospects'] as const;
export const accountFitKey = ['account-fit'] as const;

export const useIcp = () => useQuery({ queryKey: icpKey, queryFn: () => get<IcpAnswer>('/icp') });

/** What a field holds decides which conditions fit it: text, a number or a list of values. */
export type FieldKind = 'text' | 'number' | 'list';

type IcpField = (typeof icpFields)[number];

/** core's icpFields (its schema file loads zod, so the list is repeated here) with their kinds. */
export const companyFields: Record<IcpField, FieldKind> = {
  industryCode: 'text',
  employeeCount: 'number',
  annualRevenue: 'number',
  foundedYear: 'number',
  country: 'text',
  region: 'text',
  city: 'text',
  postalCode: 'text',
  technologies: 'list',
  customerStatus: 'text',
  tags: 'list',
};

export interface CustomFieldDefinition {
  key: string;
  label: string;
  type: string;
  options: string[];
}

export const useAccountCustomFields = () =>
  useQuery({
    queryKey: ['custom-fields', 'account'],
    queryFn: () => get<{ data: CustomFieldDefinition[] }>('/custom-fields', { recordType: 'account' }),
    select: ({ data }) => data,
    staleTime: 60_000,
  });

/** As the server reads custom fields: numbers, multi-selects as lists, everything else as text. */
export function kindOf(field: string, custom: CustomFieldDefinition[]): FieldKind {
  if (field in companyFields) return companyFields[field as IcpField];
  const definition = custom.find((candidate) => `custom.${candidate.key}` === field);
  if (definition?.type === 'number') return 'number';
  if (definition?.type === 'multi_select') return 'list';
  return 'text';
}
