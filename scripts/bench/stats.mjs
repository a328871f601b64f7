// Small statistics for the live benchmark: medians, and running a fitbook task and
// its reference alternately, round after round, so load on a shared machine hits both alike.

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Runs `ours()` then `reference()` `rounds` times, each returning a number (ms) or an array of them.
 * @returns {Promise<{ ours: number[], reference: number[] }>} every sample, in the order taken
 */
export async function interleave(rounds, ours, reference) {
  const result = { ours: [], reference: [] };
  for (let round = 0; round < rounds; round++) {
    result.ours.push(...[await ours(round)].flat());
    result.reference.push(...[await reference(round)].flat());
  }
  return result;
}

export const ms = (x) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(1)} ms`);

/** One line: medians of both, their ratio, and the spread of ours. */
export function report(label, oursName, refName, samples) {
  const a = median(samples.ours);
  const b = median(samples.reference);
  console.log(`${label}`);
  console.log(`  ${oursName.padEnd(44)} median ${ms(a).padStart(9)}  (min ${ms(Math.min(...samples.ours))}, max ${ms(Math.max(...samples.ours))}, n=${samples.ours.length})`);
  console.log(`  ${refName.padEnd(44)} median ${ms(b).padStart(9)}  (min ${ms(Math.min(...samples.reference))}, max ${ms(Math.max(...samples.reference))}, n=${samples.reference.length})`);
  console.log(`  ratio ${(a / b).toFixed(2)}×`);
  return a / b;
}
