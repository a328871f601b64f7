// Normal deviates for synthetic data. The seeded generator itself (mulberry32),
// shuffles and the normal deviates live in ../data/random.ts, shared with
// splits, folds and the generated datasets.
export { gaussian } from '../data/random';
