import { expect, test, type Page } from '@playwright/test';
import { cell, freshStart, uploadCsv } from './helpers';

// The lessons train gradient-descent cells as they open; on a busy machine
// that takes longer than the helpers' default wait.
const SLOW = { timeout: 180_000 };
test.setTimeout(400_000);

async function settled(page: Page): Promise<void> {
  await expect(page.locator('article[aria-busy="false"]')).toHaveCount(1, SLOW);
  await expect(page.locator('[data-status="running"], [data-status="queued"]')).toHaveCount(0, SLOW);
}

async function openNotebook(page: Page, title: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Notebooks' }).getByRole('link', { name: title, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await settled(page);
}

// A made-up housing file whose columns differ from the lesson's: an
// identifier, three numeric features, a category, and a price to predict.
function housesCsv(rows = 40): string {
  const lines = ['Sample ID,size,age,rooms_count,city,price'];
  for (let i = 0; i < rows; i++) {
    const size = 50 + ((i * 37) % 100);
    const age = (i * 13) % 60;
    const rooms = 1 + (i % 5);
    const noise = ((i * 7919) % 11) - 5;
    lines.push(`${1001 + i},${size},${age},${rooms},${['north', 'south', 'east'][i % 3]},${(40 + 2 * size - 0.5 * age + 3 * rooms + noise).toFixed(1)}`);
  }
  return lines.join('\n') + '\n';
}

async function noCellAlerts(page: Page): Promise<void> {
  await settled(page);
  await expect(page.locator('section[data-cell-id]').getByRole('alert')).toHaveCount(0);
  await expect(page.locator('[data-status="error"]')).toHaveCount(0);
}

test.beforeEach(async ({ page }) => {
  await freshStart(page);
});

test('an upload with other columns asks once for the target and features; Let fitbook pick, Apply, and Undo', async ({ page }) => {
  await openNotebook(page, 'Linear regression');
  await uploadCsv(cell(page, 'Dataset', 'houses'), 'houses.csv', housesCsv());
  const dialog = page.getByRole('dialog', { name: 'Use houses.csv in this notebook' });
  await expect(dialog).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(1);
  await expect(dialog).toContainText('rooms (MEDV, RM)');
  // The identifier is never a feature; the dialog says why it left it out.
  await expect(dialog.getByRole('group', { name: 'Features' }).getByRole('checkbox')).toHaveCount(5);
  await expect(dialog.getByRole('checkbox', { name: 'Sample ID' })).toHaveCount(0);
  await expect(dialog).toContainText(/Sample ID.*identifier/);
  await expect(dialog.getByRole('button', { name: 'Apply' })).toBeDisabled();

  await dialog.getByRole('button', { name: 'Let fitbook pick' }).click();
  await expect(dialog.getByLabel('Target')).toHaveValue('price');
  await expect(dialog.getByRole('checkbox', { name: 'size' })).toBeChecked();
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await noCellAlerts(page);
  await expect(page.getByRole('group', { name: 'Choose columns' })).toHaveCount(0);
  const rooms = cell(page, 'Regression', 'rooms');
  await expect(rooms.getByRole('img', { name: /least-squares line/i })).toBeVisible();
  await expect(rooms.getByLabel('Target')).toHaveValue('price');
  const several = cell(page, 'Regression', 'several');
  const coefficients = several.getByRole('table').filter({ has: page.locator('caption', { hasText: 'Coefficients' }) });
  await expect(coefficients.getByRole('rowheader')).toHaveText(['Intercept', 'size', 'age', 'rooms_count']);
  // The identifier is not offered in any model's features.
  await expect(several.getByRole('group', { name: 'Features' }).getByRole('checkbox', { name: 'Sample ID' })).toHaveCount(0);
  await expect(several.getByRole('group', { name: 'Features' }).getByRole('checkbox')).toHaveCount(3);

  // One change: one Undo brings back the lesson's columns (and its per-cell question).
  await page.getByRole('button', { name: 'Undo', exact: true }).first().click();
  await expect(rooms.getByRole('group', { name: 'Choose columns' })).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('dismissing the dialog leaves each cell asking for its replacements', async ({ page }) => {
  await openNotebook(page, 'Linear regression');
  await uploadCsv(cell(page, 'Dataset', 'houses'), 'houses.csv', housesCsv());
  const dialog = page.getByRole('dialog', { name: 'Use houses.csv in this notebook' });
  await dialog.getByRole('button', { name: 'Not now' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(cell(page, 'Regression', 'rooms').getByRole('group', { name: 'Choose columns' })).toBeVisible();
});

test('a target that does not suit a cell is said in the dialog, naming the cell', async ({ page }) => {
  await openNotebook(page, 'Linear regression');
  await uploadCsv(cell(page, 'Dataset', 'houses'), 'houses.csv', housesCsv());
  const dialog = page.getByRole('dialog', { name: 'Use houses.csv in this notebook' });
  await dialog.getByLabel('Target').selectOption('city');
  await dialog.getByRole('checkbox', { name: 'size' }).check();
  await expect(dialog.getByRole('alert')).toContainText("rooms: cannot predict it: 'city' holds categories");
});

// Breast-cancer-like rows with gaps in one feature.
function cancerWithGaps(): string {
  const lines = ['diagnosis,radius,texture'];
  for (let i = 0; i < 60; i++) {
    const malignant = i % 2 === 1;
    const radius = (malignant ? 16 : 12) + ((i * 17) % 9) * 0.5 - 2;
    const texture = i % 7 === 3 ? '' : (15 + ((i * 11) % 13) * 0.7).toFixed(2);
    lines.push(`${malignant ? 'M' : 'B'},${radius.toFixed(2)},${texture}`);
  }
  return lines.join('\n') + '\n';
}

async function uploadGapsOntoLogistic(page: Page) {
  await openNotebook(page, 'Logistic regression');
  await uploadCsv(cell(page, 'Dataset', 'cancer'), 'gaps.csv', cancerWithGaps());
  const dialog = page.getByRole('dialog', { name: 'Use gaps.csv in this notebook' });
  await dialog.getByLabel('Target').selectOption('diagnosis');
  await dialog.getByRole('checkbox', { name: 'radius' }).check();
  await dialog.getByRole('checkbox', { name: 'texture' }).check();
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await settled(page);
  const everything = cell(page, 'Classifier', 'everything');
  const offer = everything.getByRole('alert').filter({ hasText: "'texture' has" });
  await expect(offer).toBeVisible();
  // The pickers stay, so the reader could also choose other columns.
  await expect(everything.getByRole('group', { name: 'Features' })).toBeVisible();
  await expect(everything.getByLabel('Target')).toHaveValue('diagnosis');
  return { everything, offer };
}

test('gaps in a feature: Drop rows with missing values fits without them and says how many', async ({ page }) => {
  const { everything, offer } = await uploadGapsOntoLogistic(page);
  await expect(offer.getByRole('button', { name: 'Add a prepare cell' })).toBeVisible();
  await offer.getByRole('button', { name: 'Drop rows with missing values' }).click();
  await settled(page);
  await expect(everything.getByRole('alert')).toHaveCount(0);
  await expect(everything.getByText(/Dropped \d+ of \d+ training rows and \d+ of \d+ test rows/)).toBeVisible();
  await expect(everything.getByRole('table').filter({ has: page.locator('caption', { hasText: 'Metrics' }) })).toBeVisible();
});

test('gaps in a feature: Add a prepare cell fills them for every model reading the split', async ({ page }) => {
  const { everything, offer } = await uploadGapsOntoLogistic(page);
  await offer.getByRole('button', { name: 'Add a prepare cell' }).click();
  await noCellAlerts(page);
  const prepare = cell(page, 'Prepare', 'fill_gaps');
  await expect(prepare).toBeVisible();
  await expect(everything.getByRole('table').filter({ has: page.locator('caption', { hasText: 'Metrics' }) })).toBeVisible();
  // One undoable change: Undo takes the prepare cell away again.
  await page.getByRole('button', { name: 'Undo', exact: true }).first().click();
  await expect(prepare).toHaveCount(0);
});

test('a multiclass classifier with one feature draws each class’s probability curve', async ({ page }) => {
  await openNotebook(page, 'Logistic regression');
  const species = cell(page, 'Classifier', 'species');
  await species.getByRole('group', { name: 'Features' }).getByRole('checkbox', { name: 'petal_length' }).uncheck();
  await settled(page);
  await expect(species.getByRole('img', { name: /Softmax probability of each of 3 classes \(setosa, versicolor, virginica\) against petal_width/ })).toBeVisible();
  await expect(species.getByRole('alert')).toHaveCount(0);
});
