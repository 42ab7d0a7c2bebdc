import { Locator, Page } from 'playwright-core';
import { Person } from './browser';

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

/** Picks "now" in a date-time picker (此刻): it sets the value and closes the panel. */
export async function pickNow(page: Page, path: string): Promise<void> {
  await field(page, path).click();
  const panel = page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)');
  await panel.getByText('此刻', { exact: true }).click();
  // The page's own check, as a string: this file is compiled without the DOM library.
  await page.waitForFunction(`document.getElementById('step_${path}').value !== ''`);
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
