// A cell's options as a form drawn from its kind's schema (issue 8), and
// bad options typed in the YAML view (issue 7 item 10): every case gets a
// message on the cell, and the cell recovers once the options are valid.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { cell, freshStart, openYamlOptions, uploadCsv } from './helpers';
import { exactRegression, tableValues, trainingPart } from './engine-reference';

// The notebook's split cell: 20% test, seed 42.
const train = trainingPart('boston-housing.csv', 0.2, 42);

function expectClose(actual: number, expected: number, relative = 1e-5) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.max(1, Math.abs(expected)));
}

async function openForm(section: Locator, id: string): Promise<Locator> {
  await section.locator('summary', { hasText: 'Options' }).click();
  const form = section.getByRole('form', { name: `Options of ${id}` });
  await expect(form).toBeVisible();
  return form;
}

/**
 * The cell's coefficients table, once its refit is done, compared with the
 * engine's direct fit on the same training rows. (Waits for this cell only:
 * the notebook's gradient-descent cell may still be training on a busy machine.)
 */
async function expectCoefficients(section: Locator, spec: Parameters<typeof exactRegression>[1], names: string[]) {
  const exact = exactRegression(train, spec);
  await expect(async () => {
    await expect(section.locator('header [data-status]')).toHaveAttribute('data-status', 'idle', { timeout: 1000 });
    const shown = await tableValues(section, 'Coefficients');
    expect(Object.keys(shown)).toEqual(['Intercept', ...names]);
    expectClose(shown.Intercept[0], exact.model.intercept);
    names.forEach((name, j) => expectClose(shown[name][0], exact.model.coefficients[j]));
  }).toPass({ timeout: 60_000 });
}

/** Waits until a cell is neither queued nor running. */
async function cellSettled(section: Locator) {
  await expect(section.locator('header [data-status]')).not.toHaveAttribute('data-status', /queued|running/, { timeout: 60_000 });
}

const undo = (page: Page) => page.getByRole('toolbar', { name: 'Notebook' }).getByRole('button', { name: 'Undo', exact: true });

test.beforeEach(async ({ page }) => {
  await freshStart(page);
  await page.getByRole('navigation', { name: 'Notebooks' }).getByRole('link', { name: 'Linear regression', exact: true }).click();
  await cellSettled(cell(page, 'Regression', 'rooms'));
});

test('degree, features and penalty changed in the form refit the cell to the engine numbers; undo restores', async ({ page }) => {
  const rooms = cell(page, 'Regression', 'rooms');
  const form = await openForm(rooms, 'rooms');
  // Every option is a labelled control; links and columns are pickers.
  await expect(form.getByRole('combobox', { name: 'Data', exact: true })).toHaveValue('holdout');
  await expect(form.getByRole('combobox', { name: 'Target', exact: true })).toHaveValue('MEDV');
  await expect(form.getByRole('checkbox', { name: 'Intercept' })).toBeChecked();

  await form.getByRole('slider', { name: 'Polynomial degree' }).fill('2');
  await expectCoefficients(rooms, { target: 'MEDV', features: ['RM'], degree: 2 }, ['RM', 'RM^2']);

  await form.getByRole('group', { name: 'Features' }).getByRole('checkbox', { name: 'LSTAT' }).check();
  await expectCoefficients(rooms, { target: 'MEDV', features: ['RM', 'LSTAT'], degree: 2 }, ['RM', 'RM^2', 'LSTAT', 'LSTAT^2']);

  await form.getByRole('combobox', { name: 'Penalty', exact: true }).selectOption('l2');
  await cellSettled(rooms);
  const ridge = { target: 'MEDV', features: ['RM', 'LSTAT'], degree: 2, penalty: 'l2' as const, alpha: 0.1 };
  await expectCoefficients(rooms, ridge, ['RM', 'RM^2', 'LSTAT', 'LSTAT^2']);
  await expect(form.getByRole('slider', { name: 'Penalty strength α' })).toBeVisible();

  // The YAML view shows the same options.
  await rooms.getByRole('button', { name: 'Edit as YAML' }).click();
  await expect(rooms.getByLabel('Options of rooms (YAML)')).toHaveValue(/penalty: l2/);
  await expect(rooms.getByLabel('Options of rooms (YAML)')).toHaveValue(/features: \[RM, LSTAT\]/);
  await rooms.getByRole('button', { name: 'Edit as form' }).click();

  // Each change is one undoable step.
  await undo(page).click();
  await cellSettled(rooms);
  await expect(form.getByRole('combobox', { name: 'Penalty', exact: true })).toHaveValue('none');
  await expectCoefficients(rooms, { target: 'MEDV', features: ['RM', 'LSTAT'], degree: 2 }, ['RM', 'RM^2', 'LSTAT', 'LSTAT^2']);
  await undo(page).click();
  await undo(page).click();
  await expectCoefficients(rooms, { target: 'MEDV', features: ['RM'] }, ['RM']);
  await expect(page.locator('[data-status="error"]')).toHaveCount(0);
});

test('a tunable range edited in the form is kept in the options', async ({ page }) => {
  const rooms = cell(page, 'Regression', 'rooms');
  const form = await openForm(rooms, 'rooms');
  await form.getByLabel('Polynomial degree maximum').fill('4');
  await form.getByLabel('Polynomial degree maximum').press('Enter');
  await form.getByLabel('Polynomial degree maximum').blur();
  await expect(form.getByRole('slider', { name: 'Polynomial degree' })).toHaveAttribute('max', '4');
  await rooms.getByRole('button', { name: 'Edit as YAML' }).click();
  await expect(rooms.getByLabel('Options of rooms (YAML)')).toHaveValue(/degree: \{value: 1, min: 1, max: 4\}/);
});

/** A Boston-like file whose RM has gaps: AGE and MEDV are complete. */
function gappyCsv(): string {
  const rows = ['MEDV,RM,AGE'];
  for (let i = 0; i < 40; i++) rows.push(`${(20 + (i % 7) * 1.5).toFixed(1)},${i % 9 === 4 ? '' : (5 + (i % 5) * 0.4).toFixed(2)},${30 + ((i * 7) % 60)}`);
  return rows.join('\n') + '\n';
}

test('a regression in error after an upload with gaps keeps its pickers in the form; fixing the choice clears the error', async ({ page }) => {
  await uploadCsv(cell(page, 'Dataset', 'houses'), 'gappy.csv', gappyCsv());
  // The file lacks columns other cells use: the re-target dialog asks first; this test fixes the cell in its form.
  await page.getByRole('dialog', { name: 'Use gappy.csv in this notebook' }).getByRole('button', { name: 'Not now' }).click();
  const rooms = cell(page, 'Regression', 'rooms');
  await expect(rooms.getByRole('alert')).toContainText(/RM.*missing/);
  const form = await openForm(rooms, 'rooms');
  const target = form.getByRole('combobox', { name: 'Target', exact: true });
  await expect(target).toHaveValue('MEDV');
  await expect(target.getByRole('option')).toHaveText(['MEDV', 'RM', 'AGE']);
  const features = form.getByRole('group', { name: 'Features' });
  await features.getByRole('checkbox', { name: 'AGE' }).check();
  await features.getByRole('checkbox', { name: 'RM' }).uncheck();
  await cellSettled(rooms);
  await expect(rooms.getByRole('alert')).toHaveCount(0);
  await expect(rooms.getByRole('rowheader', { name: 'AGE', exact: true })).toBeVisible();
});

test('a single column where a list belongs is read as a list', async ({ page }) => {
  const rooms = cell(page, 'Regression', 'rooms');
  const editor = await openYamlOptions(rooms, 'rooms');
  await editor.fill('input: holdout\ntarget: MEDV\nfeatures: LSTAT\n');
  await rooms.getByRole('button', { name: 'Apply options' }).click();
  await cellSettled(rooms);
  await expect(rooms.getByRole('alert')).toHaveCount(0);
  await expectCoefficients(rooms, { target: 'MEDV', features: ['LSTAT'] }, ['LSTAT']);
  // The view's own controls still work (they read a list).
  await expect(rooms.getByRole('group', { name: 'Features' }).first().getByRole('checkbox', { name: 'LSTAT' })).toBeChecked();
});

test('a __proto__ key is named with its line, the old result is not "up to date", and the cell recovers', async ({ page }) => {
  const rooms = cell(page, 'Regression', 'rooms');
  const editor = await openYamlOptions(rooms, 'rooms');
  await editor.fill('input: holdout\ntarget: MEDV\n__proto__: {polluted: true}\nfeatures: [RM]\n');
  await rooms.getByRole('button', { name: 'Apply options' }).click();
  await expect(rooms.getByRole('alert')).toContainText("Line 3: '__proto__' cannot be an option name");
  await expect(rooms.locator('[data-status]').first()).toHaveAttribute('data-status', 'error');
  expect(await page.evaluate(() => ({}) as Record<string, unknown>)).not.toHaveProperty('polluted');
  await editor.fill('input: holdout\ntarget: MEDV\nfeatures: [RM]\n');
  await rooms.getByRole('button', { name: 'Apply options' }).click();
  await cellSettled(rooms);
  await expect(rooms.getByRole('alert')).toHaveCount(0);
  await expect(rooms.locator('[data-status]').first()).toHaveAttribute('data-status', 'idle');
});

test('a YAML alias bomb gets a message, not a hang', async ({ page }) => {
  const rooms = cell(page, 'Regression', 'rooms');
  const editor = await openYamlOptions(rooms, 'rooms');
  const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 9; i++) {
    const [prev, name] = [String.fromCharCode(96 + i), String.fromCharCode(97 + i)];
    levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
  }
  await editor.fill(levels.join('\n'));
  await rooms.getByRole('button', { name: 'Apply options' }).click();
  await expect(rooms.getByRole('alert')).toContainText('too many aliases');
  await editor.fill('input: holdout\ntarget: MEDV\nfeatures: [RM]\ndegree: 2\n');
  await rooms.getByRole('button', { name: 'Apply options' }).click();
  await cellSettled(rooms);
  await expect(rooms.getByRole('alert')).toHaveCount(0);
  await expectCoefficients(rooms, { target: 'MEDV', features: ['RM'], degree: 2 }, ['RM', 'RM^2']);
});

test('a schema error in the YAML view is numbered by the draft’s lines, and on the cell by the file’s', async ({ page }) => {
  const rooms = cell(page, 'Regression', 'rooms');
  const editor = await openYamlOptions(rooms, 'rooms');
  await editor.fill('input: holdout\ntarget: MEDV\nfeatures: [RM]\ndegree: 40\n');
  await rooms.getByRole('button', { name: 'Apply options' }).click();
  await expect(rooms.getByRole('alert')).toContainText(/^Line 4: degree/);
  // Closing the YAML view shows the cell's own message, at the file's line (the fence is on line 29).
  await rooms.getByRole('button', { name: 'Edit as form' }).click();
  await expect(rooms.getByRole('alert')).toContainText('Line 33: degree');
  await rooms.getByRole('slider', { name: 'Polynomial degree' }).last().fill('3');
  await cellSettled(rooms);
  await expect(rooms.getByRole('alert')).toHaveCount(0);
});

test('cycle and missing-input errors name the line of the input, and clear once it is fixed', async ({ page }) => {
  const holdout = cell(page, 'Split', 'holdout');
  const rooms = cell(page, 'Regression', 'rooms');
  const roomsYaml = await openYamlOptions(rooms, 'rooms');
  await roomsYaml.fill('input: nowhere\ntarget: MEDV\nfeatures: [RM]\n');
  await rooms.getByRole('button', { name: 'Apply options' }).click();
  await expect(rooms.getByRole('alert')).toContainText("Line 30: Input 'nowhere' does not name a cell");

  await roomsYaml.fill('input: holdout\ntarget: MEDV\nfeatures: [RM]\n');
  await rooms.getByRole('button', { name: 'Apply options' }).click();
  const holdoutYaml = await openYamlOptions(holdout, 'holdout');
  await holdoutYaml.fill('input: rooms\ntest: 0.2\nseed: 42\n');
  await holdout.getByRole('button', { name: 'Apply options' }).click();
  await expect(holdout.getByRole('alert')).toContainText(/Line 22: Cells .*depend on each other/);

  // Fixed in the form: the Data picker offers the cells above that give a table.
  await holdout.getByRole('button', { name: 'Edit as form' }).click();
  const data = holdout.getByRole('form', { name: 'Options of holdout' }).getByRole('combobox', { name: 'Data', exact: true });
  await expect(data.getByRole('option')).toHaveText(['Choose…', 'houses']);
  await data.selectOption('houses');
  await expectCoefficients(rooms, { target: 'MEDV', features: ['RM'] }, ['RM']);
  await expect(holdout.getByRole('alert')).toHaveCount(0);
  await expect(rooms.getByRole('alert')).toHaveCount(0);
});
