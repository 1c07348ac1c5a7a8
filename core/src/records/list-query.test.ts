import { describe, expect, it } from 'vitest';
import { InputError } from '../shared/input-error.ts';
import {
  type Cursor,
  decodeCursor,
  encodeCursor,
  type FieldSpecs,
  parseFilters,
  parseSort,
  type Sort,
  searchWords,
  sortKey,
} from './list-query.ts';

const specs: FieldSpecs = {
  name: { kind: 'text', sortable: true },
  email: { kind: 'text', nullable: true },
  amount: { kind: 'number', sortable: true },
  closeDate: { kind: 'date', nullable: true, sortable: true, column: 'expectedCloseDate' },
  createdAt: { kind: 'timestamp', sortable: true },
  stageId: { kind: 'id' },
  status: { kind: 'enum', values: ['open', 'won', 'lost'] },
  active: { kind: 'boolean' },
  tags: { kind: 'tags' },
};
const customSpecs: FieldSpecs = { region: { kind: 'enum', nullable: true, values: ['Noord', 'Zuid'] } };
const ID = '0190a000-0000-7000-8000-000000000001';

/** The InputError `run` throws, to check its field and message. */
function inputErrorOf(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('parseFilters', () => {
  it('parses field:operator:value with the value typed by the field', () => {
    expect(parseFilters('amount:gt:1000', specs)).toEqual([
      { field: 'amount', spec: specs.amount, op: 'gt', value: 1000 },
    ]);
    expect(parseFilters('active:eq:false', specs)[0]!.value).toBe(false);
    expect(parseFilters('closeDate:lt:2026-12-31', specs)[0]!.value).toBe('2026-12-31');
    expect(parseFilters('status:eq:won', specs)[0]!.value).toBe('won');
    expect(parseFilters(`stageId:eq:${ID.toUpperCase()}`, specs)[0]!.value).toBe(ID);
  });

  it('reads a time as ISO 8601 in UTC', () => {
    expect(parseFilters('createdAt:gte:2026-03-01T10:00:00+01:00', specs)[0]!.value).toBe(
      '2026-03-01T09:00:00.000Z',
    );
  });

  it('keeps colons and spaces in the value', () => {
    expect(parseFilters('email:contains:mailto:jan@acme.nl', specs)[0]!.value).toBe('mailto:jan@acme.nl');
    expect(parseFilters('tags:contains:Beurs 2026', specs)[0]!.value).toBe('Beurs 2026');
  });

  it('parses a list for in, trimming each value', () => {
    expect(parseFilters('amount:in:1, 2,3', specs)[0]!.value).toEqual([1, 2, 3]);
    expect(parseFilters(`stageId:in:${ID},${ID}`, specs)[0]!.value).toEqual([ID, ID]);
  });

  it('takes no value for empty and not_empty', () => {
    expect(
      parseFilters(['email:empty', 'tags:not_empty'], specs).map((filter) => [filter.op, filter.value]),
    ).toEqual([
      ['empty', null],
      ['not_empty', null],
    ]);
  });

  it('finds custom.<key> among the custom fields and remembers the key', () => {
    expect(parseFilters('custom.region:eq:Noord', specs, customSpecs)).toEqual([
      { field: 'custom.region', spec: customSpecs.region, customKey: 'region', op: 'eq', value: 'Noord' },
    ]);
  });

  it('accepts no filter at all', () => {
    expect(parseFilters(undefined, specs)).toEqual([]);
  });

  it('refuses an unknown field and lists the fields that can be filtered on', () => {
    const error = inputErrorOf(() => parseFilters('shoeSize:eq:42', specs, customSpecs));
    expect(error.field).toBe('filter');
    expect(error.message).toContain('shoeSize');
    expect(error.message).toContain('custom.region');
    expect(inputErrorOf(() => parseFilters('custom.unknown:eq:1', specs, customSpecs)).field).toBe('filter');
  });

  // Found by fuzzing: `specs['__proto__']` is Object.prototype, whose missing kind crashed the parser (500).
  it('refuses the names of Object.prototype members as unknown fields', () => {
    for (const field of ['__proto__', 'constructor', 'toString', 'custom.__proto__', 'custom.constructor']) {
      expect(inputErrorOf(() => parseFilters(`${field}:eq:1`, specs, customSpecs)).field).toBe('filter');
      expect(inputErrorOf(() => parseSort(field, specs, 'name')).field).toBe('sort');
    }
  });

  it('refuses an operator that does not apply to the kind of field', () => {
    for (const item of [
      'amount:contains:1',
      'tags:eq:VIP',
      'createdAt:eq:2026-01-01',
      'name:like:x',
      'active:in:true',
    ]) {
      expect(inputErrorOf(() => parseFilters(item, specs)).field, item).toBe('filter');
    }
  });

  it('refuses a value that does not fit the field', () => {
    for (const item of [
      'amount:gt:many',
      'amount:gt: ',
      'closeDate:eq:01-02-2026',
      'closeDate:eq:2026-02-30',
      'closeDate:eq:2026-13-01',
      'createdAt:gt:yesterday',
      'stageId:eq:42',
      'status:eq:pending',
      'active:eq:yes',
      'custom.region:eq:West',
      `name:eq:${'x'.repeat(501)}`,
    ]) {
      expect(inputErrorOf(() => parseFilters(item, specs, customSpecs)).field, item).toBe('filter');
    }
  });

  it('refuses a missing value and a filter without an operator', () => {
    expect(inputErrorOf(() => parseFilters('amount:gt', specs)).field).toBe('filter');
    expect(inputErrorOf(() => parseFilters('amount:gt:', specs)).field).toBe('filter');
    expect(inputErrorOf(() => parseFilters('amount', specs)).field).toBe('filter');
  });

  it('limits the number of filters and of values in a list', () => {
    expect(parseFilters(Array(20).fill('amount:gt:1'), specs)).toHaveLength(20);
    expect(inputErrorOf(() => parseFilters(Array(21).fill('amount:gt:1'), specs)).field).toBe('filter');
    expect(parseFilters(`amount:in:${Array(200).fill(1).join(',')}`, specs)[0]!.value).toHaveLength(200);
    expect(inputErrorOf(() => parseFilters(`amount:in:${Array(201).fill(1).join(',')}`, specs)).field).toBe(
      'filter',
    );
  });
});

describe('parseSort', () => {
  it('sorts ascending by a field name and descending with a leading -', () => {
    expect(parseSort('amount', specs, 'name')).toEqual({
      field: 'amount',
      spec: specs.amount,
      direction: 'asc',
    });
    expect(parseSort('-closeDate', specs, 'name')).toEqual({
      field: 'closeDate',
      spec: specs.closeDate,
      direction: 'desc',
    });
    expect(parseSort('+amount', specs, 'name').direction).toBe('asc');
  });

  it('falls back to the default sort', () => {
    expect(parseSort(undefined, specs, '-createdAt')).toMatchObject({
      field: 'createdAt',
      direction: 'desc',
    });
  });

  it('refuses a field that is unknown or not sortable, naming the sortable ones', () => {
    const error = inputErrorOf(() => parseSort('email', specs, 'name'));
    expect(error.field).toBe('sort');
    expect(error.message).toContain('amount');
    expect(inputErrorOf(() => parseSort('-nothing', specs, 'name')).field).toBe('sort');
  });
});

describe('cursors', () => {
  const byAmount: Sort = { field: 'amount', spec: specs.amount!, direction: 'desc' };
  const byDate: Sort = { field: 'closeDate', spec: specs.closeDate!, direction: 'asc' };
  const byTime: Sort = { field: 'createdAt', spec: specs.createdAt!, direction: 'asc' };
  const byName: Sort = { field: 'name', spec: specs.name!, direction: 'asc' };
  const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

  it('round-trips the sort, the last value and the last id', () => {
    for (const [sort, value] of [
      [byAmount, 1250],
      [byDate, '2026-12-31'],
      [byDate, null],
      [byName, 'Acme: "quoted" & ümlaut'],
    ] as const) {
      const cursor: Cursor = { sort: sortKey(sort), value, id: ID };
      expect(decodeCursor(encodeCursor(cursor), sort)).toEqual(cursor);
    }
  });

  it('round-trips the mark of a typo search, and leaves it out otherwise', () => {
    const cursor: Cursor = { sort: sortKey(byName), value: 'Bakkerij', id: ID, typo: true };
    expect(decodeCursor(encodeCursor(cursor), byName)).toEqual(cursor);
    expect(decodeCursor(encodeCursor({ ...cursor, typo: undefined }), byName)).not.toHaveProperty('typo');
  });

  it('is URL-safe text', () => {
    expect(encodeCursor({ sort: 'name', value: '???>>>~~~', id: ID })).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('refuses a cursor of another sort order', () => {
    const cursor = encodeCursor({ sort: '-amount', value: 10, id: ID });
    const error = inputErrorOf(() => decodeCursor(cursor, { ...byAmount, direction: 'asc' }));
    expect(error.field).toBe('cursor');
    expect(error.message).toContain('another sort order');
  });

  it('refuses text that is not a cursor', () => {
    for (const cursor of [
      'not-a-cursor',
      raw({ sort: 'name' }),
      raw(['name', 'x']),
      raw(['name', 'x', 'no-id']),
      raw(['name', { a: 1 }, ID]),
      raw(['name', 'x', ID, 2]),
      raw(['name', 'x', ID, 1, 1]),
    ]) {
      expect(inputErrorOf(() => decodeCursor(cursor, byName)).field, cursor).toBe('cursor');
    }
  });

  it('refuses a value that does not fit the sort field', () => {
    expect(inputErrorOf(() => decodeCursor(raw(['name', 5, ID]), byName)).field).toBe('cursor');
    expect(inputErrorOf(() => decodeCursor(raw(['createdAt', 'yesterday', ID]), byTime)).field).toBe(
      'cursor',
    );
    expect(inputErrorOf(() => decodeCursor(raw(['closeDate', '2026-02-30', ID]), byDate)).field).toBe(
      'cursor',
    );
  });
});

describe('searchWords', () => {
  it('folds case and accents', () => {
    expect(searchWords('Öztürk')).toEqual(['ozturk']);
    expect(searchWords('Hélène Müller-Lüdenscheidt')).toEqual(['helene', 'muller', 'ludenscheidt']);
  });

  it('folds letters without a decomposition, of Turkish, Polish, Nordic and German names, to their base letter', () => {
    expect(searchWords('Yıldız Łódź Søren Ærø Straße Œuvre ĦAĐ')).toEqual([
      'yildiz',
      'lodz',
      'soren',
      'aro',
      'strase',
      'ouvre',
      'had',
    ]);
    expect(searchWords('Şahin Doğan Güneş ČAPEK İnce Ștefan')).toEqual([
      'sahin',
      'dogan',
      'gunes',
      'capek',
      'ince',
      'stefan',
    ]);
  });

  it('splits an email address and a domain into their parts', () => {
    expect(searchWords('Jan.Jansen@Bakkerij-De-Vries.nl')).toEqual([
      'jan',
      'jansen',
      'bakkerij',
      'de',
      'vries',
      'nl',
    ]);
  });

  it('drops punctuation that could reach the query syntax', () => {
    expect(searchWords(" acme & (bv) | !x:* 'quote' ")).toEqual(['acme', 'bv', 'x', 'quote']);
    expect(searchWords('&|!')).toEqual([]);
  });

  it('keeps at most eight words', () => {
    expect(searchWords('a b c d e f g h i j')).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
  });
});
