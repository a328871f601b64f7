// Prints, as JSON, what "Build a notebook" plans for a CSV file with its
// default target and task: the design (steps, columns, model features) and
// the split's rows, as indices into the rows that have a target. Read by
// scripts/make-build-fixtures.py, which fits scikit-learn on the same rows.
//
//   node_modules/.bin/tsx scripts/build-plan.ts tests/fixtures/build/patients.csv
import { readFileSync } from 'node:fs';
import { readCsvText } from '../src/lib/data/csv/read';
import { columnRoles } from '../src/lib/data/roles';
import { summarise } from '../src/lib/data/summary';
import { analyseForBuild } from '../src/lib/notebook/build/analyse';
import { planNotebook } from '../src/lib/notebook/build/plan';
import { rowsWithTarget, splitRows } from '../src/lib/notebook/build/simulate';

const path = process.argv[2];
const table = readCsvText(readFileSync(path)).table;
const summaries = summarise(table);
const roles = columnRoles(table, summaries);
const analysis = analyseForBuild(table, summaries, roles);
const target = analysis.guess!;
const task = analysis.targets.find((t) => t.name === target)!.task;
const { design } = planNotebook({ datasetId: 'data', fileName: path, table, summaries, roles, target, task });
const source = rowsWithTarget(table, target, design.dropTargetRows > 0);
const rows = splitRows(source, design.split);
process.stdout.write(JSON.stringify({ design, train: Array.from(rows.train), test: Array.from(rows.test) }));
