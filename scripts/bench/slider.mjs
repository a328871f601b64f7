// Live experimenting: a slider move → refit → redrawn plot in the Linear regression
// notebook (1,000 uploaded rows, 800 drawn), timed in the page from the input event to
// the plot's `fitbook:drawn` event (Plot.svelte, after either drawing path); the reference
// is plotly alone updating the same figure: the minimal update of the changed traces
// (Plotly.animate without redraw, and the title), and, for context, a full Plotly.react.

function syntheticCsv(n, seed = 7) {
  let s = seed >>> 0;
  const rand = () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  const rows = ['RM,MEDV'];
  for (let i = 0; i < n; i++) {
    const x = 4 + 5 * rand();
    rows.push(`${x.toFixed(4)},${(5 + 3 * x - 0.4 * (x - 6) ** 3 + 4 * (rand() - 0.5)).toFixed(4)}`);
  }
  return rows.join('\n') + '\n';
}

export async function openRegression(browser, base) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(120_000);
  await page.goto(`${base}#/linear-regression`);
  await page.locator('article[aria-busy="false"]').waitFor();
  const houses = page.getByRole('region', { name: 'Dataset houses' });
  await houses.getByLabel('Upload CSV').setInputFiles({ name: 'synthetic.csv', mimeType: 'text/csv', buffer: Buffer.from(syntheticCsv(1000)) });
  await houses.getByText('1000 rows × 2 columns').waitFor();
  await page.getByRole('region', { name: 'Regression rooms' }).locator('.js-plotly-plot').waitFor();
  // The upload also retrains the lesson's gradient-descent cell: wait until no cell runs,
  // so the moves are not timed against training in the background.
  await page.waitForFunction(() => !document.querySelector('[data-status="running"], [data-status="queued"]'), null, { polling: 100 });
  // The reader looks at the plot while moving its slider: it is on screen, so its paint counts
  // (an off-screen plot's paint is skipped, which would flatter any page-level change).
  await page.evaluate(() => document.querySelector('[data-cell-id="rooms"] .js-plotly-plot').scrollIntoView({ block: 'center' }));
  await page.waitForTimeout(500);
  return page;
}

/** Moves the degree slider `moves` times; per move: ms to the redrawn plot and to the updated coefficients table. */
export function moveSlider(page, moves) {
  return page.evaluate(async (moves) => {
    const section = document.querySelector('[data-cell-id="rooms"]');
    const slider = [...section.querySelectorAll('input[type=range]')].find((i) => i.closest('label')?.textContent?.includes('Polynomial degree'));
    const plot = section.querySelector('.js-plotly-plot');
    const paths = {};
    const afterPlot = () =>
      new Promise((resolve) =>
        plot.addEventListener(
          'fitbook:drawn',
          (e) => {
            const key = e.detail.reason ? `${e.detail.path} (${e.detail.reason})` : e.detail.path;
            paths[key] = (paths[key] ?? 0) + 1;
            resolve();
          },
          { once: true },
        ),
      );
    const tableChanged = () =>
      new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          observer.disconnect();
          resolve(performance.now());
        });
        observer.observe(section.querySelector('table.coefficients'), { childList: true, subtree: true, characterData: true });
      });
    // On screen: the first moment plotly has changed the plot's lines, then the next frame (its paint).
    // Also "painted": a task posted at that moment, which runs once that frame's rendering (style,
    // layout, paint) is done; the next frame's callbacks may hold other plots' draws, this does not.
    const linesShown = () =>
      new Promise((resolve) => {
        const observer = new MutationObserver((records) => {
          if (!records.some((r) => r.target instanceof Element && r.target.closest('.scatterlayer'))) return;
          observer.disconnect();
          const channel = new MessageChannel();
          const painted = new Promise((done) => (channel.port1.onmessage = () => done(performance.now())));
          channel.port2.postMessage(0);
          const frame = new Promise((done) => requestAnimationFrame(() => done(performance.now())));
          void Promise.all([frame, painted]).then(([f, p]) => resolve({ frame: f, painted: p }));
        });
        observer.observe(plot, { childList: true, subtree: true, attributes: true });
      });
    const slide = [];
    const painted = [];
    const settled = [];
    const tables = [];
    for (let i = 0; i < moves; i++) {
      const degree = 1 + ((i * 3) % 9);
      const done = afterPlot();
      const numbers = tableChanged();
      const shown = linesShown();
      const t0 = performance.now();
      slider.value = String(degree === Number(slider.value) ? degree + 1 : degree);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      await done;
      settled.push(performance.now() - t0);
      const screen = await shown;
      slide.push(screen.frame - t0);
      painted.push(screen.painted - t0);
      tables.push((await numbers) - t0);
    }
    return { slide, painted, settled, tables, paths };
  }, moves);
}

/** Times `moves` updates of the reference page's figure; `how` is 'redraw' (minimal) or 'react'. */
export function redrawReference(page, moves, how) {
  return page.evaluate(
    async ([moves, how]) => {
      const plot = document.getElementById('plot');
      const times = [];
      const painted = [];
      const settled = [];
      for (let i = 0; i < moves; i++) {
        const update = window.benchPlot.prepare(i + 1);
        const shown = new Promise((resolve) => {
          const observer = new MutationObserver((records) => {
            if (!records.some((r) => r.target instanceof Element && r.target.closest('.scatterlayer'))) return;
            observer.disconnect();
            const channel = new MessageChannel();
            channel.port1.onmessage = () => (painted[i] = performance.now());
            channel.port2.postMessage(0);
            requestAnimationFrame(() => resolve(performance.now()));
          });
          observer.observe(plot, { childList: true, subtree: true, attributes: true });
        });
        const t0 = performance.now();
        await update[how]();
        settled.push(performance.now() - t0);
        times.push((await shown) - t0);
        await new Promise((r) => requestAnimationFrame(r));
        painted[i] -= t0;
      }
      return { times, painted, settled };
    },
    [moves, how],
  );
}

/**
 * With `compareBase` (bench-live's --compare DIR: a second build on another port), a second
 * notebook page from that build moves its slider in each round too, between ours and the reference,
 * so two builds are judged within one run.
 */
export async function slider(browser, base, rounds, moves, { interleave, report, median, ms }, compareBase) {
  const app = await openRegression(browser, base);
  const other = compareBase && (await openRegression(browser, compareBase));
  const reference = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await reference.goto(`${base}bench-plot.html?fit`);
  await reference.waitForFunction(() => 'benchPlot' in window);
  const tables = [];
  const reacts = [];
  const settled = { ours: [], reference: [] };
  const painted = { ours: [], reference: [], compared: [] };
  const paths = {};
  const compared = [];
  const samples = await interleave(
    rounds,
    async () => {
      const r = await moveSlider(app, moves);
      tables.push(...r.tables);
      settled.ours.push(...r.settled);
      painted.ours.push(...r.painted);
      for (const [k, v] of Object.entries(r.paths)) paths[k] = (paths[k] ?? 0) + v;
      if (other) {
        const c = await moveSlider(other, moves);
        compared.push(...c.slide);
        painted.compared.push(...c.painted);
      }
      return r.slide;
    },
    async () => {
      reacts.push(...(await redrawReference(reference, moves, 'react')).times);
      const r = await redrawReference(reference, moves, 'redraw');
      settled.reference.push(...r.settled);
      painted.reference.push(...r.painted);
      return r.times;
    },
  );
  const ratio = report(
    `Slider move → redrawn plot on screen (polynomial degree 1–10, 1,000 rows, 800 drawn; ${rounds} rounds × ${moves} moves)`,
    'fitbook: fit, tables and plot',
    'plotly alone: minimal update of the changed traces',
    samples,
  );
  if (other) {
    console.log(`  --compare build, same moves in the same rounds: median ${ms(median(compared))} (min ${ms(Math.min(...compared))}, max ${ms(Math.max(...compared))}), ` +
      `${(median(compared) / median(samples.reference)).toFixed(2)}× the reference; this build / --compare build ${(median(samples.ours) / median(compared)).toFixed(2)}×`);
  }
  console.log(`  (on screen: plotly has changed the plot's lines, then the next animation frame)`);
  console.log(
    `  painted (a task posted when the lines change runs after that frame's rendering): fitbook ${ms(median(painted.ours))}, ` +
      `plotly alone ${ms(median(painted.reference))}, ratio ${(median(painted.ours) / median(painted.reference)).toFixed(2)}×` +
      (other ? `; --compare build ${ms(median(painted.compared))} (this build / it ${(median(painted.ours) / median(painted.compared)).toFixed(2)}×)` : ''),
  );
  console.log(`  plotly alone, full Plotly.react of the new figure: median ${ms(median(reacts))}`);
  console.log(
    `  until plotly's promises settle (animate's settles a frame after it draws): fitbook ${ms(median(settled.ours))}, ` +
      `plotly alone ${ms(median(settled.reference))}, ratio ${(median(settled.ours) / median(settled.reference)).toFixed(2)}×`,
  );
  console.log(`  fitbook's drawing paths: ${Object.entries(paths).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  const fit = median(tables);
  console.log(`  of which fit and tables updated: ${ms(fit)} (${((100 * fit) / median(samples.ours)).toFixed(0)}%)`);
  console.log(`  targets: ≤ 16 ms median (${median(samples.ours) <= 16 ? 'met' : 'not met'}), ≤ 1.2× the reference (${ratio <= 1.2 ? 'met' : 'not met'})`);
  await app.close();
  if (other) await other.close();
  await reference.close();
}
