// The sentence a split cell shows when it re-fitted a preparation pipeline on
// its training rows: which statistics were learned there and nowhere else.
import type { Pipeline } from '../../lib/data/prepare';

const LEARNED: Partial<Record<Pipeline[number]['step'], string>> = {
  impute: 'imputation',
  outliers: 'outlier',
  'one-hot': 'category',
  scale: 'scaling',
};

function joinWords(words: string[]): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

export function learnedOnSentence(pipeline: Pipeline, trainRows: number, heldOut: string[]): string {
  const learned = [...new Set(pipeline.map((s) => LEARNED[s.step]).filter((w): w is string => w !== undefined))];
  const where = joinWords(heldOut);
  if (!learned.length) {
    return `The preparation steps learn nothing from the data; they were run on each part separately.`;
  }
  const what = joinWords(learned);
  const subject = what.charAt(0).toUpperCase() + what.slice(1);
  return (
    `${subject} statistics were learned on the ${trainRows} training rows only` +
    (where ? `, then applied unchanged to the ${where} rows.` : '.')
  );
}
