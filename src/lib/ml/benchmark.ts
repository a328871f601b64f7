// The engine benchmark's tasks, shared by `npm run bench` (Node) and the browser
// harness: exact linear fit, exact logistic fit and a gradient-descent logistic fit
// on seeded synthetic data. Only measures; the caller prints and compares.
import { fitLogisticGD } from './gd/logistic-gd';
import type { OptimizerName } from './gd/optimizers';
import { fitLinear } from './linear';
import { fitLogistic } from './logistic';
import { syntheticData, type SyntheticData } from './synthetic';

export interface BenchmarkConfig {
  rows: number;
  features: number;
  seed?: number;
  gd?: { epochs: number; batchSize: number; optimizer: OptimizerName; learningRate: number };
  /** Which tasks to run (default all). */
  tasks?: BenchmarkTask[];
}

export type BenchmarkTask = 'exact-linear' | 'exact-logistic' | 'gd-logistic';

export interface BenchmarkResult {
  task: BenchmarkTask;
  ms: number;
  /** Training MSE (linear) or mean log loss (logistic) reached. */
  loss: number;
  detail: string;
}

export const DEFAULT_GD = { epochs: 3, batchSize: 8192, optimizer: 'adam' as OptimizerName, learningRate: 0.05 };

const now = () => performance.now();

export async function runBenchmark(config: BenchmarkConfig, log: (line: string) => void = () => {}): Promise<BenchmarkResult[]> {
  const tasks = config.tasks ?? ['exact-linear', 'exact-logistic', 'gd-logistic'];
  const t0 = now();
  const data = syntheticData(config.rows, config.features, config.seed ?? 42);
  log(`generated ${config.rows} x ${config.features} in ${(now() - t0).toFixed(0)} ms`);
  const labels = Array.from(data.labels);
  const results: BenchmarkResult[] = [];
  for (const task of tasks) {
    const r = await runTask(task, data, labels, config.gd);
    results.push(r);
    log(`${task}: ${r.ms.toFixed(0)} ms`);
  }
  return results;
}

/** Times one task on given data (the bench alternates these with their references). */
export async function runTask(task: BenchmarkTask, data: SyntheticData, labels: number[], gdConfig = DEFAULT_GD): Promise<BenchmarkResult> {
  const t = now();
  if (task === 'exact-linear') {
    const fit = fitLinear(data.X, data.y);
    return { task, ms: now() - t, loss: fit.summary.rss / data.X.rows, detail: `${fit.method}, ${fit.iterations} refinement rounds` };
  }
  if (task === 'exact-logistic') {
    const fit = fitLogistic(data.X, labels);
    return { task, ms: now() - t, loss: fit.logLoss, detail: `${fit.method}, ${fit.iterations} iterations` };
  }
  const gd = gdConfig;
  const fit = await fitLogisticGD(data.X, labels, { ...gd, evaluateEvery: gd.epochs });
  const ms = now() - t;
  const loss = fit.history[fit.history.length - 1].trainLoss;
  return { task, ms, loss, detail: `${gd.optimizer} lr ${gd.learningRate}, batch ${gd.batchSize}, ${gd.epochs} epochs on ${fit.backend}` };
}
