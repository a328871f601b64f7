import { expect, test } from '@playwright/test';
import { cell, freshStart, openYamlOptions, openNotebook, settled, summaryRow, uploadCsv } from './helpers';

test.beforeEach(async ({ page }) => {
  // Each test starts from the shipped notebooks: no saved edits or uploads.
  await freshStart(page);
});

test('the shell shows the notebooks, the backend badge and no error in any shipped notebook', async ({ page }) => {
  // Every lesson settles in turn, the neural networks one training seven networks.
  test.setTimeout(600_000);
  const links = page.getByRole('navigation', { name: 'Notebooks' }).getByRole('link');
  const titles = await links.allInnerTexts();
  expect(titles).toContain('Your data');
  expect(titles.length).toBeGreaterThanOrEqual(2);
  // TensorFlow.js loads on demand: until a cell trains by gradient descent only the exact engine runs.
  await expect(page.getByText('Engine: exact (TensorFlow.js not loaded)')).toBeVisible();
  for (const title of titles) {
    await openNotebook(page, title);
    await expect(page.locator('[data-status="error"]'), `cells in error in '${title}'`).toHaveCount(0);
    await expect(page.getByRole('alert'), `alerts in '${title}'`).toHaveCount(0);
  }
});

test('a shipped dataset shows its shape and column summary', async ({ page }) => {
  await openNotebook(page, 'Exploring a dataset');
  const iris = cell(page, 'Dataset', 'iris');
  await expect(iris.getByText('150 rows × 5 columns')).toBeVisible();
  // Reference: numpy on datasets/iris.csv, sample std (ddof=1): mean 5.8433, std 0.82807.
  expect(await summaryRow(iris, 'sepal_length')).toMatchObject({ Type: 'numeric', Missing: '0', Mean: '5.843', Std: '0.8281', Min: '4.3', Max: '7.9' });
  expect(await summaryRow(iris, 'species')).toMatchObject({ Type: 'categorical', Missing: '0' });
});

test('uploading a semicolon CSV with a BOM, quoted headers, labels and missing cells', async ({ page }) => {
  await openNotebook(page, 'Your data');
  const data = cell(page, 'Dataset', 'data');
  const csv =
    '\uFEFF"house size";"price (k€)";"city";"has garden"\r\n' +
    '120;350;Lyon;yes\r\n' +
    ';410;Paris;no\r\n' +
    '95;NA;Lyon;\r\n' +
    '150;520;"Saint-Étienne";yes\r\n' +
    '80;N/A;Paris;no\r\n' +
    '110;380;Lyon;no\r\n' +
    '\r\n';
  await uploadCsv(data, 'houses.csv', csv);
  await expect(data.getByText('6 rows × 4 columns')).toBeVisible();
  // By hand: sizes 120, 95, 150, 80, 110 → mean 111; prices 350, 410, 520, 380 → mean 415.
  expect(await summaryRow(data, 'house size')).toMatchObject({ Type: 'numeric', Missing: '1', Mean: '111', Min: '80', Max: '150' });
  expect(await summaryRow(data, 'price (k€)')).toMatchObject({ Type: 'numeric', Missing: '2', Mean: '415', Min: '350', Max: '520' });
  expect(await summaryRow(data, 'city')).toMatchObject({ Type: 'categorical', Missing: '0' });
  expect(await summaryRow(data, 'has garden')).toMatchObject({ Type: 'boolean', Missing: '1' });
  // The table cell below re-ran on the new data.
  const rows = cell(page, 'Table', 'rows');
  await expect(rows.getByRole('columnheader', { name: 'price (k€)' })).toBeVisible();
  await expect(rows.getByRole('cell', { name: 'Saint-Étienne' })).toBeVisible();

  // The upload survives a reload.
  await page.reload();
  await settled(page);
  await expect(cell(page, 'Dataset', 'data').getByText('6 rows × 4 columns')).toBeVisible();
});

test('a file with ragged rows gets an alert, and the good rows can be kept', async ({ page }) => {
  await openNotebook(page, 'Your data');
  const data = cell(page, 'Dataset', 'data');
  await uploadCsv(data, 'ragged.csv', 'a,b,c\n1,2,3\n4,5\n6,7,8\n9,10,11,12\n13,14,15\n');
  const alert = data.getByRole('alert');
  await expect(alert).toContainText('2');
  await expect(alert).toContainText(/line.*3/i);
  await expect(alert).toContainText('5');
  await data.getByRole('button', { name: 'Keep the good rows' }).click();
  await expect(data.getByText('3 rows × 3 columns')).toBeVisible();
  await expect(data.getByRole('alert')).toHaveCount(0);
});

test('empty, header-only and binary files get clear alerts in the cell', async ({ page }) => {
  await openNotebook(page, 'Your data');
  const data = cell(page, 'Dataset', 'data');
  await uploadCsv(data, 'empty.csv', '');
  await expect(data.getByRole('alert')).toContainText(/empty/i);
  await uploadCsv(data, 'header.csv', 'a,b,c\n');
  await expect(data.getByRole('alert')).toContainText(/no data rows|only a header|header/i);
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);
  await uploadCsv(data, 'picture.csv', png);
  await expect(data.getByRole('alert')).toContainText(/binary|not.*text/i);
  // The page is still alive: a good file reads fine afterwards.
  await uploadCsv(data, 'ok.csv', 'x,y\n1,2\n');
  await expect(data.getByText('1 row × 2 columns')).toBeVisible();
});

test('a header made of HTML is shown as text', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', async (dialog) => {
    dialogs++;
    await dialog.dismiss();
  });
  await openNotebook(page, 'Your data');
  const data = cell(page, 'Dataset', 'data');
  await uploadCsv(data, 'evil.csv', '"<img src=x onerror=alert(1)>",b\n1,2\n3,4\n');
  await expect(data.getByRole('rowheader', { name: '<img src=x onerror=alert(1)>' })).toBeVisible();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(dialogs).toBe(0);
});

test('new data without a column a downstream cell uses asks the reader to choose one', async ({ page }) => {
  await openNotebook(page, 'Exploring a dataset');
  await uploadCsv(cell(page, 'Dataset', 'iris'), 'other.csv', 'length,width,kind\n1,2,a\n3,4,b\n');
  const sample = cell(page, 'Table', 'sample');
  const chooser = sample.getByRole('group', { name: 'Choose columns' });
  await expect(chooser).toBeVisible();
  await sample.getByLabel('Replace sepal_length').selectOption('length');
  await sample.getByLabel('Replace petal_length').selectOption('width');
  await sample.getByLabel('Replace species').selectOption('kind');
  await expect(sample.getByRole('columnheader', { name: 'kind' })).toBeVisible();
  await expect(sample.getByRole('cell', { name: 'b' })).toBeVisible();
  await expect(chooser).toHaveCount(0);
});

test('a bad option is shown on its cell with its line, and the draft is kept', async ({ page }) => {
  await openNotebook(page, 'Exploring a dataset');
  const sample = cell(page, 'Table', 'sample');
  const editor = await openYamlOptions(sample, 'sample');
  await editor.fill('input: iris\nrows: 5\ncolour: red\n');
  await sample.getByRole('button', { name: 'Apply options' }).click();
  await expect(sample.getByRole('alert')).toContainText(/Line \d+: Unknown option 'colour'/);
  await expect(editor).toHaveValue('input: iris\nrows: 5\ncolour: red\n');
  await editor.fill('input: iris\nrows: 3\n');
  await sample.getByRole('button', { name: 'Apply options' }).click();
  await expect(sample.getByText('First 3 of 150 rows')).toBeVisible();
});

test('moving the rows slider re-runs the table', async ({ page }) => {
  await openNotebook(page, 'Exploring a dataset');
  const sample = cell(page, 'Table', 'sample');
  await sample.getByLabel('Rows shown').fill('25');
  await expect(sample.getByText('First 25 of 150 rows')).toBeVisible();
});

test('prose renders maths with KaTeX', async ({ page }) => {
  await openNotebook(page, 'Exploring a dataset');
  await expect(page.locator('.prose .katex-display')).toHaveCount(1);
  await expect(page.locator('.prose .katex').first()).toBeVisible();
  // The markup and the stylesheet come from the same KaTeX: a subscript is smaller than its base.
  await openNotebook(page, 'Linear regression');
  const sizes = await page.locator('.prose .katex-html .msupsub').first().evaluate((sub) => {
    const base = sub.closest('.katex')!;
    return [parseFloat(getComputedStyle(sub.querySelector('.mord')!).fontSize), parseFloat(getComputedStyle(base).fontSize)];
  });
  expect(sizes[0]).toBeLessThan(sizes[1] * 0.8);
  // The TeX source stays inside <annotation>, not loose text in <math>.
  await expect(page.locator('.prose math annotation').first()).toHaveAttribute('encoding', 'application/x-tex');
});

test('a CSV dropped on the dataset cell is read', async ({ page }) => {
  await openNotebook(page, 'Your data');
  const zone = cell(page, 'Dataset', 'data').getByRole('group', { name: 'Data source' });
  const dataTransfer = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['a|b\n1|x\n2|y\n3|\n'], 'piped.csv', { type: 'text/csv' }));
    return transfer;
  });
  await zone.dispatchEvent('drop', { dataTransfer });
  const data = cell(page, 'Dataset', 'data');
  await expect(data.getByText('3 rows × 2 columns')).toBeVisible();
  expect(await summaryRow(data, 'b')).toMatchObject({ Missing: '1' });
});

test('the delimiter can be overridden', async ({ page }) => {
  await openNotebook(page, 'Your data');
  const data = cell(page, 'Dataset', 'data');
  await uploadCsv(data, 'semi.csv', 'a;b\n1;2\n3;4\n');
  await expect(data.getByText('2 rows × 2 columns')).toBeVisible();
  await data.getByLabel('Delimiter').selectOption('comma');
  await expect(data.getByText('2 rows × 1 column')).toBeVisible();
  await expect(data.getByRole('rowheader', { name: 'a;b' })).toBeVisible();
});

test('following the link of the open notebook keeps its state', async ({ page }) => {
  await openNotebook(page, 'Your data');
  const data = cell(page, 'Dataset', 'data');
  await uploadCsv(data, 'one.csv', 'x,y\n1,2\n');
  await expect(data.getByText('1 row × 2 columns')).toBeVisible();
  await openNotebook(page, 'Your data');
  await expect(cell(page, 'Dataset', 'data').getByText('1 row × 2 columns')).toBeVisible();
  await expect(page.locator('[data-status]').first()).toHaveAttribute('data-status', 'idle');
});

test('the table cell shows the columns the reader ticks, and saves them', async ({ page }) => {
  await openNotebook(page, 'Exploring a dataset');
  const sample = cell(page, 'Table', 'sample');
  await sample.getByText(/^Columns \(3 of 5\)/).click();
  await sample.getByRole('checkbox', { name: 'petal_width' }).check();
  await expect(sample.getByRole('columnheader', { name: 'petal_width' })).toBeVisible();
  await sample.getByRole('checkbox', { name: 'species' }).uncheck();
  await expect(sample.getByRole('columnheader', { name: 'species' })).toHaveCount(0);
  // The choice is in the notebook file that Save writes, in the table's order.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save notebook file' }).click();
  const file = await (await download).createReadStream();
  const text = await new Promise<string>((resolve) => {
    let s = '';
    file.on('data', (chunk) => (s += chunk));
    file.on('end', () => resolve(s));
  });
  expect(text).toContain('columns: [sepal_length, petal_length, petal_width]');
  expect(text).toContain('rows: {value: 10, min: 1, max: 50}');
});

test('the backend badge says which TensorFlow.js backend runs and why, and the reader can change it', async ({ page }) => {
  await page.goto('./#/your-data');
  await expect(page.getByText('Engine: exact (TensorFlow.js not loaded)')).toBeVisible();
  // A gradient-descent cell loads tfjs (when it starts training: no need to wait for it to end).
  // Headless Chromium renders WebGL with SwiftShader, a software renderer that is slower than WASM.
  await page.getByRole('navigation', { name: 'Notebooks' }).getByRole('link', { name: 'Linear regression', exact: true }).click();
  const badge = page.getByText(/^Backend: (webgl|wasm|cpu)$/);
  await expect(badge).toHaveText('Backend: wasm', { timeout: 60_000 });
  await expect(badge).toHaveAttribute('title', /software/i);
  await page.getByLabel('Backend choice').selectOption('cpu');
  await expect(badge).toHaveText('Backend: cpu');
  // The choice is remembered; choosing a backend loads tfjs even before any training.
  await page.goto('./#/your-data');
  await page.reload();
  await expect(page.getByLabel('Backend choice')).toHaveValue('cpu');
  await page.getByLabel('Backend choice').selectOption('wasm');
  await expect(page.getByText(/^Backend: /)).toHaveText('Backend: wasm');
  // Tests may allow the software WebGL renderer and ask for WebGL.
  await page.goto('./?softwareWebgl=1&backend=webgl#/linear-regression');
  await expect(page.getByText(/^Backend: /)).toHaveText('Backend: webgl', { timeout: 60_000 });
});

test('a file over the size limit is refused with the limit named, and the page stays usable', async ({ page }) => {
  await openNotebook(page, 'Your data');
  const data = cell(page, 'Dataset', 'data');
  await expect(data.getByText(/up to 1 GB/)).toBeVisible();
  const dataTransfer = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    // 1.5 GB made of one 1 MB part repeated: Chromium's Blob refers to the part, it does not copy it.
    const megabyte = new Blob([new Uint8Array(1024 * 1024)]);
    transfer.items.add(new File(Array<Blob>(1536).fill(megabyte), 'huge.csv', { type: 'text/csv' }));
    return transfer;
  });
  await data.getByRole('group', { name: 'Data source' }).dispatchEvent('drop', { dataTransfer });
  await expect(data.getByRole('alert')).toContainText("'huge.csv' is 1.5 GB; fitbook reads files up to 1 GB");
  await uploadCsv(data, 'small.csv', 'a\n1\n');
  await expect(data.getByText('1 row × 1 column')).toBeVisible();
});

test('files from the wild: a comment line, thousands separators, several missing markers', async ({ page }) => {
  await openNotebook(page, 'Your data');
  const data = cell(page, 'Dataset', 'data');
  await uploadCsv(
    data,
    'sensor.tsv',
    '# exported from sensor v2, units: C\ncity\tincome\ttemp\nLyon\t52,000\t20.1\nParis\t61,500\tunknown\nNice\t48,250\t-\n' +
      'Lille\t70,100\t22.4\nBrest\t55,000\t23.0\nMetz\t49,900\t21.7\n',
  );
  await expect(data.getByText('6 rows × 3 columns')).toBeVisible();
  await expect(data.getByText(/Skipped 1 comment line at the top/)).toBeVisible();
  // By hand: (52000 + 61500 + 48250 + 70100 + 55000 + 49900) / 6 = 56125.
  expect(await summaryRow(data, 'income')).toMatchObject({ Type: 'numeric', Mean: '56125' });
  expect(await summaryRow(data, 'temp')).toMatchObject({ Type: 'text' });
  await expect(data.getByText(/"temp" would be numeric except for/)).toBeVisible();
  await data.getByLabel('Missing value markers').fill('unknown, -');
  await data.getByLabel('Missing value markers').press('Enter');
  await data.getByLabel('Missing value markers').blur();
  await expect.poll(async () => (await summaryRow(data, 'temp')).Type).toBe('numeric');
  // (20.1 + 22.4 + 23.0 + 21.7) / 4 = 21.8
  expect(await summaryRow(data, 'temp')).toMatchObject({ Missing: '2', Mean: '21.8' });
});

test('a file where no row fits the header offers no rows to keep', async ({ page }) => {
  await openNotebook(page, 'Your data');
  const data = cell(page, 'Dataset', 'data');
  await uploadCsv(data, 'ragged.csv', 'a,b,c\n1,2\n3,4\n');
  await expect(data.getByRole('alert')).toContainText(/nothing to keep/);
  await expect(data.getByRole('button', { name: 'Keep the good rows' })).toHaveCount(0);
});
