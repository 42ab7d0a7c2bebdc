import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { STEP_CATALOGUE } from '@safety/temporal/steps/catalogue';

/**
 * The console draws every step from its published contract (GET /task-types, the task's `form`), so a new
 * step type is usable there with no change under apps/web. This holds only while the console's code names
 * no step type: a page that tested `task.type === 'X'` or rendered a form for one step would need a change
 * for the next one. The generated client (openapi.d.ts, which names the payload components) and the unit
 * tests' sample schemas are not the console's code.
 */
const WEB_SOURCES = join(__dirname, '..', '..', '..', 'web', 'src');

/** Codes that are also something else the console must name, with what that is. */
const SAME_CODE_ELSEWHERE: Record<string, Record<string, string>> = {
  'lib/i18n.tsx': { LEGAL_REVIEW: 'the label of the penalty case status LEGAL_REVIEW (a stage, not the step)' },
  'pages/case-actions.tsx': { HEARING: 'a right the party waives (POST /cases/penalty/{id}/waivers), not the step' },
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    if (!/\.tsx?$/.test(entry.name) || entry.name.endsWith('.spec.ts') || entry.name === 'openapi.d.ts') return [];
    return [path];
  });
}

/** Every step-type code the text names as a whole word (in a string, an identifier or a comment). */
function stepCodesIn(text: string, codes: readonly string[]): string[] {
  return codes.filter((code) => new RegExp(`(?<![A-Za-z0-9_])${code}(?![A-Za-z0-9_])`).test(text));
}

describe('the console names no step type', () => {
  const codes = STEP_CATALOGUE.map((step) => step.type);

  it('finds a step code wherever it is written', () => {
    expect(codes.length).toBeGreaterThan(30);
    expect(stepCodesIn(`task.type === 'LEGAL_REVIEW'`, codes)).toEqual(['LEGAL_REVIEW']);
    expect(stepCodesIn('a[data-task-type="INSPECTION_RECORD"]', codes)).toEqual(['INSPECTION_RECORD']);
    // Part of a longer code is not the code.
    expect(stepCodesIn(`'PENALTY_PROPOSAL_DRAFT' 'IS_HEARING_DUE'`, codes)).toEqual([]);
  });

  it('has no step-specific code under apps/web/src', () => {
    const files = sourceFiles(WEB_SOURCES);
    expect(files.length).toBeGreaterThan(20);
    const named: string[] = [];
    for (const file of files) {
      const path = relative(WEB_SOURCES, file).split('\\').join('/');
      const allowed = SAME_CODE_ELSEWHERE[path] ?? {};
      for (const code of stepCodesIn(readFileSync(file, 'utf8'), codes))
        if (!(code in allowed)) named.push(`${path}: ${code}`);
    }
    expect(named).toEqual([]);
  });

  it('keeps each allowed exception true: the code is still there and still a step code', () => {
    for (const [path, allowed] of Object.entries(SAME_CODE_ELSEWHERE)) {
      const text = readFileSync(join(WEB_SOURCES, path), 'utf8');
      for (const code of Object.keys(allowed))
        expect({ path, code, named: stepCodesIn(text, [code]) }).toEqual({
          path,
          code,
          named: [code],
        });
      for (const code of Object.keys(allowed)) expect(codes).toContain(code);
    }
  });
});
