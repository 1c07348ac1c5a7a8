import { contactFieldSpecs } from '@baken/core/contacts/contact.schema';
import { describe, expect, it } from 'vitest';
import { filtersFromAddress, initialView } from './list-view.ts';

const view = { sort: 'lastName', filters: [], search: '', columns: ['name'] };

describe('filters in the address', () => {
  it('opens a list on the filters a link names', () => {
    expect(filtersFromAddress('?filter=email:empty&filter=lifecycleStage:eq:mql', contactFieldSpecs)).toEqual(
      [
        { field: 'email', op: 'empty', value: '' },
        { field: 'lifecycleStage', op: 'eq', value: 'mql' },
      ],
    );
    expect(filtersFromAddress('?filter=email:contains:a:b', contactFieldSpecs)).toEqual([
      { field: 'email', op: 'contains', value: 'a:b' },
    ]);
  });

  it('reads the filters the router writes as one JSON list', () => {
    const search = `?filter=${encodeURIComponent(JSON.stringify(['email:empty', 'accountId:empty']))}`;
    expect(filtersFromAddress(search, contactFieldSpecs).map((row) => row.field)).toEqual([
      'email',
      'accountId',
    ]);
    expect(filtersFromAddress('?filter=[nope', contactFieldSpecs)).toEqual([]);
  });

  it('leaves out unknown fields, operators a field has not, and Object.prototype names', () => {
    expect(
      filtersFromAddress(
        '?filter=password:eq:x&filter=email:like:x&filter=createdAt:eq:2026-01-01&filter=__proto__:eq:x',
        contactFieldSpecs,
      ),
    ).toEqual([]);
  });

  it('keeps the default view when the address has no filters', () => {
    expect(initialView(view, contactFieldSpecs, '')).toBe(view);
    expect(initialView(view, contactFieldSpecs, '?filter=accountId:empty').filters).toHaveLength(1);
  });
});
