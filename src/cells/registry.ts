// Every cell kind fitbook knows, by the name used in ```{kind} fences.
import type { CellKind } from './types';
import { datasetCell } from './dataset';
import { tableCell } from './table';
import { plotCell } from './plot';
import { prepareCell } from './prepare';
import { splitCell } from './split';
import { regressionCell } from './regression';
import { classifierCell } from './classifier';
import { evaluateCell } from './evaluate';
import { crossvalCell } from './crossval';
import { sweepCell } from './sweep';
import { baselineCell } from './baseline';
import { bootstrapCell } from './bootstrap';
import { imputationCell } from './imputation';
import { kmeansCell } from './kmeans';
import { streamCell } from './stream';
import { sqlCell } from './sql';
import { searchCell } from './search';
import { networkCell } from './network';

export const cellKinds: Record<string, CellKind> = Object.fromEntries(
  ([datasetCell, tableCell, plotCell, regressionCell, prepareCell, splitCell, classifierCell, baselineCell, evaluateCell, crossvalCell, sweepCell, bootstrapCell, imputationCell, kmeansCell, streamCell, sqlCell, searchCell, networkCell] as CellKind[]).map((kind) => [kind.kind, kind]),
);
