import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every `.ts` file under a directory, recursively. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/**
 * The OpenAPI document names each component after its DTO class, so two classes with one name publish
 * one schema for both (the second silently replaces the first): every DTO class name must be unique.
 */
describe('DTO class names', () => {
  it('are unique across the API, so each publishes its own OpenAPI component', () => {
    const declared = new Map<string, string[]>();
    const root = join(__dirname, '..');
    for (const file of sourceFiles(root))
      for (const match of readFileSync(file, 'utf8').matchAll(/export class (\w+Dto)\b/g))
        declared.set(match[1], [...(declared.get(match[1]) ?? []), file.slice(root.length + 1)]);
    const duplicates = [...declared].filter(([, files]) => files.length > 1);
    expect(duplicates).toEqual([]);
    expect(declared.size).toBeGreaterThan(50);
  });
});
