// Sentences that compare the methods, derived from their results.
import { formatNumber } from '../shared/format';
import type { MethodResult } from './run';

export function formatDuration(ms: number): string {
  return ms >= 1000 ? `${formatNumber(Number((ms / 1000).toPrecision(2)))} s` : `${Math.max(1, Math.round(ms))} ms`;
}

function shortName(result: MethodResult): string {
  if (result.method === 'kfold') return `${result.fits}-fold`;
  return result.method === 'holdout' ? 'the holdout' : 'leave-one-out';
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The cost, most expensive first: "Leave-one-out fitted 506 models (1.9 s);
 * 5-fold fitted 5 (20 ms); the holdout fitted 1 (3 ms)." Then how far apart
 * the folds' scores were, where a method has several.
 */
export function compareMethods(results: readonly MethodResult[]): string {
  if (results.length === 0) return '';
  const byCost = [...results].sort((a, b) => b.fits - a.fits);
  const cost = byCost
    .map((r, i) => `${i === 0 ? capitalised(shortName(r)) : shortName(r)} fitted ${r.fits}${i === 0 ? (r.fits === 1 ? ' model' : ' models') : ''} (${formatDuration(r.elapsedMs)})`)
    .join('; ');
  const spread = results
    .filter((r) => r.fits > 1)
    .map((r) => `${shortName(r)}'s ${r.fits} fold scores range from ${formatNumber(Math.min(...r.scores))} to ${formatNumber(Math.max(...r.scores))}`);
  return `${cost}.` + (spread.length ? ` ${capitalised(spread.join('; '))}.` : '');
}
