// Finds the messages the API can answer with in the source: the texts of `error:` and `message:`
// options, AppError, InputError, invalidField, notFound and an import's row problems. The completeness test checks that each
// has a Dutch translation; template literals come back with `{name}` where they interpolate.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

const ROOT = new URL('../../../../', import.meta.url).pathname;
const FOLDERS = ['core/src', 'server/src'];

const QUOTED = String.raw`('(?:[^'\\]|\\.)*'|\x60(?:[^\x60\\]|\\.)*\x60)`;
const PATTERNS = [
  new RegExp(String.raw`\b(?:error|message):\s*${QUOTED}`, 'g'),
  new RegExp(String.raw`new AppError\(\s*'\w+',\s*${QUOTED}`, 'g'),
  new RegExp(String.raw`new InputError\(\s*(?:'[^']*'|\x60[^\x60]*\x60|\w+),\s*${QUOTED}`, 'g'),
  new RegExp(String.raw`invalidField\(\s*'[^']*',\s*${QUOTED}`, 'g'),
  new RegExp(String.raw`notFound\(\s*${QUOTED}`, 'g'),
  new RegExp(String.raw`new RowProblem\(\s*${QUOTED}`, 'g'),
  new RegExp(String.raw`failRow\(\s*[\w.]+,\s*${QUOTED}`, 'g'),
];

/** `a ${b.c} d` → `a {c} d`: the name of the last property is the placeholder's name. */
function templateOf(literal: string): string {
  return literal
    .slice(1, -1)
    .replace(/\$\{([^}]*)\}/g, (_, expression: string) => `{${/(\w+)\W*$/.exec(expression)?.[1] ?? 'value'}}`)
    .replace(/\\(.)/g, '$1');
}

async function sourceFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

export async function apiMessages(): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const folder of FOLDERS)
    for (const file of await sourceFiles(join(ROOT, folder))) {
      // Comments may quote messages as examples; only code counts.
      const text = (await readFile(file, 'utf8'))
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/.*$/gm, '');
      for (const pattern of PATTERNS)
        for (const match of text.matchAll(pattern)) {
          const literal = match[1] ?? '';
          const message = templateOf(literal);
          // A bare placeholder (`${message}`) passes another message on; it is not a text of its own.
          if (!/^\{\w+\}$/.test(message)) found.set(message, file.slice(ROOT.length));
        }
    }
  return found;
}
