import { Locator, Page } from 'playwright-core';
import { Person } from './browser';
import { expectEventually } from './eventually';
import type { JsonSchema } from './schema-payload';

/**
 * How a person works a step in the console: find it in the inbox, fill the schema-rendered form
 * (antd names its inputs `step_<path>`), press the outcome's button. Nothing here knows a step type.
 */
export const field = (page: Page, path: string): Locator => page.locator(`#step_${path.replace(/\./g, '_')}`);

export async function fill(page: Page, path: string, value: string): Promise<void> {
  await field(page, path).fill(value);
}

/** Picks an option of a select (single or multiple) by its visible label. */
export async function choose(page: Page, path: string, label: string): Promise<void> {
  await chooseIn(page, field(page, path), label);
}

/**
 * `closeDropdown: false` inside a modal dialog: Escape would close the dialog too (a single select
 * closes its dropdown on Enter anyway).
 */
export async function chooseIn(page: Page, select: Locator, label: string, closeDropdown = true): Promise<void> {
  // Type to filter, as a person with a keyboard would, then take the highlighted match: clicking an
  // option of a dropdown that is still opening (or flipping above the field) is not reliable.
  await select.click();
  await select.fill(label);
  const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option-active', {
    hasText: label,
  });
  await option.first().waitFor();
  await select.press('Enter');
  if (closeDropdown) await select.press('Escape');
}

/**
 * Enters the current minute (China time) into a date-time picker from the keyboard, as typed by a person,
 * and confirms it with Enter; the panel closes and the field holds the value.
 */
export async function pickNow(page: Page, path: string): Promise<void> {
  const input = field(page, path);
  // China time (UTC+8, no daylight saving) in the picker's format, seconds dropped so it is not in the future.
  const now = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
  await input.click();
  await input.fill(`${now}:00`);
  await input.press('Enter');
  await page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').waitFor({ state: 'hidden' });
  // Polled from here: a string predicate polled inside the page is evaluated there, which the console's CSP
  // (script-src 'self', no 'unsafe-eval') refuses.
  await expectEventually(async () => {
    if ((await input.inputValue()) !== `${now}:00`) throw new Error(`${path} does not hold ${now}`);
  });
}

/** Opens the step of the given type for the case (by its title) from the inbox, reloading until the workflow opened it. */
export async function openFromInbox(
  person: Person,
  caseTitle: string,
  type: string,
  timeoutMs = 30_000,
): Promise<void> {
  const { page } = person;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await page.goto('/ui/inbox');
    const link = page.locator('tr', { hasText: caseTitle }).locator(`a[data-task-type="${type}"]`);
    try {
      await link.first().waitFor({ timeout: 3_000 });
      await link.first().click();
      await page.getByTestId('step-form').waitFor();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
  }
}

/** Presses an outcome's button (choosing its form first when outcomes carry different payloads). */
export async function pressOutcome(page: Page, outcome: string): Promise<void> {
  // The chooser is a radio button group: its (hidden) input carries the codes, its label takes the click.
  const chooser = page.locator('label.ant-radio-button-wrapper', {
    has: page.locator(`[data-choose-outcome~="${outcome}"]`),
  });
  if (await chooser.count()) await chooser.click();
  await page.locator(`button[data-outcome="${outcome}"]`).click();
}

/** Presses the outcome and waits for the workflow's verdict: accepted, with the next steps listed. */
export async function complete(page: Page, outcome: string): Promise<void> {
  await pressOutcome(page, outcome);
  await page.getByTestId('step-answer').waitFor({ timeout: 30_000 });
}

/** A person as the directory shows them (the console labels a user option by the display name). */
export interface DirectoryPerson {
  id: string;
  displayName: string;
  [field: string]: unknown;
}

/** A department as the department directory shows it (the console labels its option by the name). */
export interface DirectoryDepartment {
  id: string;
  name: string;
  [field: string]: unknown;
}

/** `anyOf: [X, {type: 'null'}]` is X. */
const nonNull = (schema: JsonSchema): JsonSchema =>
  schema.anyOf?.find((variant) => variant.type !== 'null') ?? schema.oneOf?.find((variant) => variant.type) ?? schema;

const typeOf = (schema: JsonSchema): string | undefined =>
  Array.isArray(schema.type) ? schema.type.find((type) => type !== 'null') : schema.type;

/**
 * Types a payload into the console's form of a step, knowing nothing but the outcome's published JSON Schema:
 * each value goes into the control its schema asks for (a choice by its label, a person or a department by
 * name, a date typed into its picker, list items added as needed). Nothing here names a step or a field.
 */
export async function fillFromSchema(
  page: Page,
  schema: JsonSchema,
  payload: Record<string, unknown>,
  people: DirectoryPerson[],
  prefix = '',
  departments: DirectoryDepartment[] = [],
): Promise<void> {
  const personLabel = (id: unknown) => {
    const found = people.find((candidate) => candidate.id === id);
    if (!found) throw new Error(`no directory entry ${String(id)}`);
    return found.displayName;
  };
  const departmentLabel = (id: unknown) => {
    const found = departments.find((candidate) => candidate.id === id);
    if (!found) throw new Error(`no department ${String(id)} in the directory given`);
    return found.name;
  };
  const optionLabel = (field: JsonSchema, value: unknown) =>
    (field.oneOf?.find((option) => option.const === value)?.title as string | undefined) ?? String(value);
  for (const [name, value] of Object.entries(payload)) {
    const property = nonNull(schema.properties?.[name] ?? {});
    const path = prefix ? `${prefix}.${name}` : name;
    const widget = property['x-widget'];
    if (value === undefined || value === null) continue;
    if (widget === 'user') await choose(page, path, personLabel(value));
    else if (widget === 'department') await choose(page, path, departmentLabel(value));
    else if (widget === 'users') for (const id of value as unknown[]) await choose(page, path, personLabel(id));
    else if (widget === 'attachments') {
      if ((value as unknown[]).length > 0) throw new Error(`${path}: attachments are chosen by their file names`);
    } else if (property.enum) await choose(page, path, optionLabel(property, value));
    else if (typeOf(property) === 'object')
      await fillFromSchema(page, property, value as Record<string, unknown>, people, path, departments);
    else if (typeOf(property) === 'array')
      await fillList(page, property, path, value as unknown[], people, departments);
    else if (typeOf(property) === 'boolean') {
      if (value === true) await field(page, path).click();
    } else if (property.format === 'date') {
      await field(page, path).click();
      await field(page, path).fill(String(value));
      await field(page, path).press('Enter');
      await page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').waitFor({ state: 'hidden' });
    } else if (property.format === 'date-time') await pickNow(page, path);
    else await fill(page, path, String(value));
  }
}

async function fillList(
  page: Page,
  schema: JsonSchema,
  path: string,
  items: unknown[],
  people: DirectoryPerson[],
  departments: DirectoryDepartment[],
) {
  const item = nonNull(schema.items ?? {});
  if (item.enum) {
    for (const value of items)
      await choose(
        page,
        path,
        (item.oneOf?.find((option) => option.const === value)?.title as string) ?? String(value),
      );
    return;
  }
  const id = `step_${path.replace(/\./g, '_')}_`;
  for (let index = 0; index < items.length; index++) {
    // The form opens with the items the schema requires (a list inside a list item names its button by
    // its path within the item); more are added with the list's button.
    if ((await page.locator(`[id^="${id}${index}_"], #${id}${index}`).count()) === 0)
      await page
        .locator(`[data-add-item="${path}"], [data-add-item$=".${path.split('.').slice(-1)[0]}"]`)
        .first()
        .click();
    const value = items[index];
    if (typeOf(item) === 'object')
      await fillFromSchema(page, item, value as Record<string, unknown>, people, `${path}.${index}`, departments);
    else await fill(page, `${path}.${index}`, String(value));
  }
}
