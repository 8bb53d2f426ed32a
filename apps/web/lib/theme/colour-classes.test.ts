import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { definedShades, undefinedColourClasses } from './colour-classes';

const webRoot = fileURLToPath(new URL('../..', import.meta.url));
const read = (path: string) => readFileSync(join(webRoot, path), 'utf8');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(webRoot, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory())
      return ['node_modules', '.next', 'test-results'].includes(entry.name) ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const theme = definedShades(read('node_modules/tailwindcss/theme.css'), read('app/globals.css'));

describe('colour classes', () => {
  it('every colour class in the web app names a shade the theme defines', () => {
    const problems = sourceFiles('.').flatMap((file) =>
      undefinedColourClasses(read(file), theme).map(
        (cls) => `${relative(webRoot, join(webRoot, file))}: ${cls}`,
      ),
    );
    expect(problems).toEqual([]);
  });

  it('flags an undefined shade or palette, with variants and opacity, and passes defined ones', () => {
    const source = `className="bg-brand-500 hover:border-brand-250 ring-brand-500/15 md:text-slate-700 bg-accent-100 focus-visible:outline-brand-950/40 border-x-2 outline-offset-2"`;
    expect(undefinedColourClasses(source, theme)).toEqual([
      'hover:border-brand-250',
      'bg-accent-100',
      'focus-visible:outline-brand-950/40',
    ]);
  });
});
