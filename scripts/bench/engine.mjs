// The engine off the main thread: the longest gap between animation frames
// (GAP_MONITOR) while the cells' own runs fit a 1M × 10 linear model, a
// 1M × 10 logistic model, leave-one-out cross-validation, and evaluate a
// 1M-row classifier (curves, then a threshold move), with the work in
// the engine worker (as the app does) against the same runs forced into the
// page (as before the worker). Each pair alternates for `rounds` rounds, each
// run in a fresh page of the engine harness; the data is generated in the page
// before timing starts. Times include sending the table to the worker.
import { GAP_MONITOR } from './gaps.mjs';

const FEATURES = Array.from({ length: 10 }, (_, j) => `x${j + 1}`);

const SCENARIOS = [
  {
    name: 'linear',
    label: (rows) => `Exact least squares, ${rows.toLocaleString('en')} × 10 (regression cell)`,
    rows: (o) => o.fitRows,
    run: 'regression',
    options: { input: 'data', target: 'y', features: FEATURES },
  },
  {
    name: 'logistic',
    label: (rows) => `Exact logistic regression, ${rows.toLocaleString('en')} × 10 (classifier cell)`,
    rows: (o) => o.fitRows,
    run: 'classifier',
    options: { input: 'data', target: 'label', features: FEATURES },
  },
  {
    name: 'loo',
    label: (rows) => `Leave-one-out cross-validation, ${rows.toLocaleString('en')} rows × 10 (crossval cell, ${rows.toLocaleString('en')} fits)`,
    rows: (o) => o.looRows,
    run: 'crossval',
    options: { model: 'fit', methods: ['loo'] },
  },
  {
    name: 'evaluate',
    label: (rows) => `Evaluate a logistic classifier on ${rows.toLocaleString('en')} rows (evaluate cell: ROC, precision–recall and cost curves)`,
    rows: (o) => o.fitRows,
    run: 'evaluate',
    options: { input: 'model', missedCost: 5, falseAlarmCost: 1 },
    // Then the threshold moves: the curves are kept, only the decisions are re-read.
    then: { threshold: 0.3 },
  },
];

/** One run in a fresh page: ms from start to result, and the longest frame gap meanwhile. */
async function once(browser, base, scenario, rows, settings) {
  const page = await browser.newPage();
  page.setDefaultTimeout(600_000);
  try {
    await page.addInitScript(GAP_MONITOR);
    await page.goto(`${base}harness.html`);
    await page.locator('#status', { hasText: 'ready' }).waitFor();
    return await page.evaluate(
      async ({ scenario, rows, settings, features }) => {
        const fb = window.fitbook.engine;
        fb.tune(settings);
        const table = fb.synthetic(rows, 10, 11);
        let inputs = { data: { table } };
        if (scenario.run === 'crossval') {
          // The model to cross-validate: fitted in the page beforehand (not timed).
          fb.tune({ where: 'inline' });
          inputs = { fit: await fb.runCell('regression', { input: 'data', target: 'y', features }, inputs) };
          fb.tune(settings);
        }
        if (scenario.run === 'evaluate') {
          // The classifier to evaluate: fitted beforehand, in the worker (not timed).
          fb.tune({ where: 'auto' });
          inputs = { model: await fb.runCell('classifier', { input: 'data', target: 'label', features }, inputs) };
          fb.tune(settings);
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
        window.__gapsStart();
        const t0 = performance.now();
        await fb.runCell(scenario.run, scenario.options, inputs);
        const ms = performance.now() - t0;
        // One more frame, so a gap that ends with the result is counted; long tasks are reported after they end.
        await new Promise((resolve) => requestAnimationFrame(resolve));
        await new Promise((resolve) => setTimeout(resolve, 50));
        const result = { ms, gap: window.__gapsStop(), longTask: window.__gaps.longTask, isolated: fb.crossOriginIsolated() };
        if (!scenario.then) return result;
        window.__gapsStart();
        const t1 = performance.now();
        await fb.runCell(scenario.run, { ...scenario.options, ...scenario.then }, inputs);
        const thenMs = performance.now() - t1;
        await new Promise((resolve) => requestAnimationFrame(resolve));
        await new Promise((resolve) => setTimeout(resolve, 50));
        return { ...result, then: { ms: thenMs, gap: window.__gapsStop(), longTask: window.__gaps.longTask } };
      },
      { scenario: { run: scenario.run, options: scenario.options, then: scenario.then }, rows, settings, features: FEATURES },
    );
  } finally {
    await page.close();
  }
}

export async function engineOffMainThread(browser, base, rounds, options, { interleave, median, ms, report }) {
  for (const scenario of SCENARIOS) {
    const rows = scenario.rows(options);
    if (!rows || (options.scenarios && !options.scenarios.includes(scenario.name))) continue;
    const runs = { worker: [], page: [] };
    const samples = await interleave(
      rounds,
      async () => {
        const r = await once(browser, base, scenario, rows, { where: 'auto', shareMemory: options.shareMemory });
        runs.worker.push(r);
        return r.ms;
      },
      async () => {
        const r = await once(browser, base, scenario, rows, { where: 'inline' });
        runs.page.push(r);
        return r.ms;
      },
    );
    report(scenario.label(rows), 'fitbook, engine worker (cell run, table sent)', 'the same run in the page', samples);
    const gap = (list) => median(list.map((r) => r.gap));
    const worst = (list) => Math.max(...list.map((r) => r.gap));
    const g = gap(runs.worker);
    console.log(`  longest main-thread gap, worker: median ${ms(g)}, max ${ms(worst(runs.worker))} (target ≤ 50 ms: ${g <= 50 ? 'met' : 'not met'})`);
    console.log(`  longest main-thread gap, in the page: median ${ms(gap(runs.page))}, max ${ms(worst(runs.page))}`);
    const task = (list) => median(list.map((r) => r.longTask));
    console.log(`  longest main-thread task (long-task timing; 0 = none over 50 ms): worker median ${ms(task(runs.worker))}, in the page median ${ms(task(runs.page))}`);
    if (runs.worker[0].then) {
      const then = (list, key) => median(list.map((r) => r.then[key]));
      console.log(
        `  then ${JSON.stringify(scenario.then)}: time worker ${ms(then(runs.worker, 'ms'))} / in the page ${ms(then(runs.page, 'ms'))}; ` +
          `longest gap ${ms(then(runs.worker, 'gap'))} / ${ms(then(runs.page, 'gap'))}; longest task ${ms(then(runs.worker, 'longTask'))} / ${ms(then(runs.page, 'longTask'))}`,
      );
    }
    console.log(`  tables as ${runs.worker[0].isolated && options.shareMemory !== false ? 'shared memory (cross-origin isolated)' : 'copies'}`);
    console.log();
  }
}
