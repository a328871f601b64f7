import type { CellKind } from '../types';
import { streamSchema, type StreamOptions } from './schema';
import { runStream } from './run';
import StreamView from './StreamView.svelte';

export const streamCell: CellKind<StreamOptions> = {
  kind: 'stream',
  label: 'Stream',
  schema: streamSchema,
  inputs: () => [],
  run: runStream,
  view: StreamView as CellKind<StreamOptions>['view'],
  // Its partition keys, with their hash, shard and counts, are a table other cells can read.
  gives: 'table',
  starter: () => ({}),
};
