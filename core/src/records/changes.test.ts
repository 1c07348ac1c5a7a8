import { describe, expect, it } from 'vitest';
import { fieldChanges } from './changes.ts';

describe('fieldChanges', () => {
  it('lists only the fields whose value differs, as from/to pairs', () => {
    const before = { name: 'Acme', city: 'Utrecht', employeeCount: 10 };
    expect(fieldChanges(before, { name: 'Acme', city: 'Delft', employeeCount: 10 })).toEqual({
      city: { from: 'Utrecht', to: 'Delft' },
    });
  });

  it('treats a missing stored value as null and skips fields the patch leaves undefined', () => {
    expect(fieldChanges({ city: null }, { city: null, region: 'Noord', phone: undefined })).toEqual({
      region: { from: null, to: 'Noord' },
    });
  });

  it('compares arrays and objects by value', () => {
    const before = { tags: ['VIP', 'Beurs'], custom: { region: 'Noord' } };
    expect(fieldChanges(before, { tags: ['VIP', 'Beurs'], custom: { region: 'Noord' } })).toEqual({});
    expect(fieldChanges(before, { tags: ['Beurs', 'VIP'] })).toEqual({
      tags: { from: ['VIP', 'Beurs'], to: ['Beurs', 'VIP'] },
    });
  });

  it('sees a stored time and the same instant sent as text in another offset as unchanged', () => {
    const before = { consentAt: new Date('2026-03-01T08:30:00.000Z') };
    expect(fieldChanges(before, { consentAt: '2026-03-01T09:30:00+01:00' })).toEqual({});
    expect(fieldChanges(before, { consentAt: new Date('2026-03-01T08:30:00.000Z') })).toEqual({});
  });

  it('sees a different time, or a time cleared, as a change', () => {
    const before = { dueAt: new Date('2026-03-01T08:30:00.000Z') };
    expect(fieldChanges(before, { dueAt: '2026-03-02T08:30:00Z' })).toEqual({
      dueAt: { from: before.dueAt, to: '2026-03-02T08:30:00Z' },
    });
    expect(fieldChanges(before, { dueAt: null })).toEqual({ dueAt: { from: before.dueAt, to: null } });
    expect(fieldChanges({ dueAt: null }, { dueAt: '2026-03-02T08:30:00Z' })).toEqual({
      dueAt: { from: null, to: '2026-03-02T08:30:00Z' },
    });
  });
});
