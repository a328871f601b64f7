// The sentence under a validation curve, read off the numbers: where both
// errors are high (underfitting, high bias), where the training error keeps
// falling while the validation error climbs (overfitting, high variance),
// and for a learning curve whether more rows would help.
import { formatNumber } from '../shared/format';
import type { SweepParameter } from './schema';

export interface CurvePoint {
  value: number;
  train: number;
  validation: number;
}

/** A validation error within this fraction of the lowest counts as "as good as the best". */
export const NEAR_BEST = 0.05;
/** A learning curve whose final gap is below this fraction of the validation error has converged. */
export const CLOSED_GAP = 0.25;

export function parameterPhrase(parameter: SweepParameter, value: number): string {
  const v = formatNumber(value);
  switch (parameter) {
    case 'degree':
      return `degree ${v}`;
    case 'alpha':
      return `α = ${v}`;
    case 'epochs':
      return `${v} epochs`;
    case 'trainSize':
      return `${v} training rows`;
  }
}

const near = (x: number, best: number) => x <= best + NEAR_BEST * Math.abs(best);

export function describeCurve(parameter: SweepParameter, all: readonly CurvePoint[], errorName: string, heldName: string): string {
  const points = all.filter((p) => Number.isFinite(p.train) && Number.isFinite(p.validation));
  if (points.length < 2) return '';
  if (isFlat(points)) return flatSentence(parameter);
  if (parameter === 'trainSize') return learningSentence(points, errorName, heldName);

  const best = points.reduce((b, p) => (p.validation < b.validation ? p : b));
  const bestSentence =
    `The ${heldName} ${errorName} is lowest at ${parameterPhrase(parameter, best.value)} ` +
    `(${formatNumber(best.validation)}; ${formatNumber(best.train)} on the training rows).`;
  // Ordered from the simplest model to the most flexible: a larger α is a simpler model.
  const simpleFirst = parameter === 'alpha' ? [...points].reverse() : points;
  const first = simpleFirst.findIndex((p) => near(p.validation, best.validation));
  const last = simpleFirst.length - 1 - [...simpleFirst].reverse().findIndex((p) => near(p.validation, best.validation));
  const [simpler, flexible] = parameter === 'alpha' ? ['Above', 'Below'] : ['Below', 'Above'];
  const sentences = [bestSentence];
  if (first > 0) {
    const edge = simpleFirst[first];
    const bothHigh = simpleFirst.slice(0, first).every((p) => p.train > edge.train);
    sentences.push(
      `${simpler} ${parameterPhrase(parameter, edge.value)} ${bothHigh ? 'both errors are high' : `the ${heldName} error is high`}: underfitting (high bias).`,
    );
  }
  if (last < simpleFirst.length - 1) {
    const edge = simpleFirst[last];
    const trainFalls = simpleFirst[simpleFirst.length - 1].train < edge.train;
    sentences.push(
      `${flexible} ${parameterPhrase(parameter, edge.value)} ` +
        (trainFalls ? `the training error keeps falling while the ${heldName} error rises` : `the ${heldName} error rises`) +
        ': overfitting (high variance).',
    );
  }
  if (first === 0 && last === simpleFirst.length - 1) {
    sentences.push(
      `Over the whole range the ${heldName} error stays within ${NEAR_BEST * 100}% of its lowest: no clear underfitting or overfitting here; try a wider range.`,
    );
  }
  return sentences.join(' ');
}

function isFlat(points: readonly CurvePoint[]): boolean {
  const spread = (xs: number[]) => Math.max(...xs) - Math.min(...xs) <= 1e-9 * Math.max(1, ...xs.map(Math.abs));
  return spread(points.map((p) => p.train)) && spread(points.map((p) => p.validation));
}

function flatSentence(parameter: SweepParameter): string {
  const why: Record<SweepParameter, string> = {
    degree: '',
    alpha: ' Give the model an L2 or L1 penalty for α to matter.',
    epochs: ' Only models trained by gradient descent have epochs; an exact solver does not.',
    trainSize: '',
  };
  return `The errors do not change with ${parameter === 'alpha' ? 'α' : parameter}: this model does not use it.${why[parameter]}`;
}

function learningSentence(points: readonly CurvePoint[], errorName: string, heldName: string): string {
  const a = points[0];
  const z = points[points.length - 1];
  const middle = points[Math.floor((points.length - 1) / 2)];
  const opening =
    `With ${formatNumber(a.value)} training rows the ${heldName} ${errorName} is ${formatNumber(a.validation)} (training ${formatNumber(a.train)}); ` +
    `with ${formatNumber(z.value)} rows it is ${formatNumber(z.validation)} (training ${formatNumber(z.train)}).`;
  if (middle.validation - z.validation > NEAR_BEST * Math.abs(z.validation)) {
    return `${opening} The ${heldName} error is still falling over the larger sizes: more data would probably help.`;
  }
  if (z.validation - z.train < CLOSED_GAP * Math.abs(z.validation)) {
    return `${opening} The two curves have levelled off close together, so more rows will not lower the error much; if it is still too high, the model is too simple (high bias) and needs more flexibility.`;
  }
  return `${opening} The curves have levelled off with a wide gap between them: the model does much better on its training rows than on new ones (high variance); a simpler model or a penalty would narrow the gap.`;
}
