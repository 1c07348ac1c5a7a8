import { describe, expect, it } from 'vitest';
import { dutch } from './dutch.ts';
import { apiMessages } from './message-sources.ts';

// Messages only the command line prints (demo loading, backup files, the data folder lock): operators
// read those in English.
const commandLineOnly = [
  'server/src/demo/',
  'server/src/backup/backup-file.ts',
  'server/src/backup/backup-plan.ts',
  'server/src/backup/backup.service.ts',
  'server/src/platform/db/data-dir-lock.ts',
  'server/src/platform/i18n/',
];

/** Placeholders compare by position: the code's names (`{MAX_FILTERS}`) need not match the catalog's. */
const shape = (message: string) => message.replace(/\{\w*\}/g, '{}');

describe('Dutch for every API message', () => {
  it('has a Dutch translation of every message the code can answer with', async () => {
    const known = new Set(Object.keys(dutch).map(shape));
    const missing = [...(await apiMessages())]
      .filter(([, file]) => !commandLineOnly.some((prefix) => file.startsWith(prefix)))
      .filter(([message]) => !known.has(shape(message)))
      .map(([message, file]) => `${file}: ${message}`);
    expect(missing, 'add these to server/src/platform/i18n/dutch.ts').toEqual([]);
  });

  it('keeps the placeholders of each message in its translation', () => {
    for (const [english, translation] of Object.entries(dutch)) {
      const names = (text: string) => [...text.matchAll(/\{(\w*)\}/g)].map((match) => match[1]).sort();
      expect(names(translation), english).toEqual(names(english));
    }
  });
});
