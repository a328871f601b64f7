// The sql cell against Python's sqlite3: the same queries over the same CSV
// give the same rows (aggregates to 1e-9). Also: NULLs travel both ways,
// results become typed columns, and a mistake is reported at its line and
// column of the query. DuckDB runs in Node through its WebAssembly build.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCsvText } from '../../../src/lib/data/csv/read';
import { getColumn, type Table } from '../../../src/lib/data/table';
import { setSqlEngineLoader } from '../../../src/lib/sql/engine';
import { sqlProblem } from '../../../src/lib/sql/errors';
import { runSql } from '../../../src/cells/sql/run';
import { sqlSchema } from '../../../src/cells/sql/schema';
import { nodeSqlEngine } from '../../node-sql-engine';
import { noPythonReason, python, runPythonJson } from '../../python-reference';
import { runContext } from '../cells/context';

if (!python) console.log(`Skipping the sqlite3 checks of the sql cell: ${noPythonReason}.`);

const houses = readCsvText(readFileSync('datasets/boston-housing.csv')).table;
const run = (query: string, tables: Record<string, unknown> = { houses: { table: houses } }) =>
  runSql(runContext(sqlSchema.parse({ tables: Object.keys(tables), query }), tables)) as Promise<{ table: Table }>;
const values = (table: Table) => table.columns.map((c) => Array.from(c.values as ArrayLike<unknown>, (v) => (typeof v === 'number' && Number.isNaN(v) ? null : v)));

const QUERIES = [
  'SELECT CHAS, COUNT(*) AS n, AVG(MEDV) AS mean_value, MAX(RM) AS most_rooms FROM houses GROUP BY CHAS ORDER BY CHAS',
  'SELECT RAD, ROUND(AVG(TAX), 6) AS tax, SUM(CASE WHEN MEDV > 30 THEN 1 ELSE 0 END) AS dear FROM houses GROUP BY RAD HAVING COUNT(*) > 20 ORDER BY RAD',
  'SELECT RM, LSTAT, MEDV FROM houses WHERE CRIM < 0.05 AND AGE > 50 ORDER BY MEDV DESC, RM LIMIT 12',
];

describe('the sql cell', () => {
  beforeAll(() => setSqlEngineLoader(nodeSqlEngine));

  it.skipIf(!python)("gives the rows Python's sqlite3 gives for the same queries on the same CSV", async () => {
    const sqlite = runPythonJson<unknown[][][]>(
      `import csv, json, sqlite3
case = json.load(open("case.json"))
db = sqlite3.connect(":memory:")
rows = list(csv.reader(open(case["csv"])))
db.execute("CREATE TABLE houses (" + ", ".join(f'"{h}" REAL' for h in rows[0]) + ")")
db.executemany("INSERT INTO houses VALUES (" + ", ".join("?" * len(rows[0])) + ")", [[float(v) for v in r] for r in rows[1:]])
out = []
for q in case["queries"]:
    result = db.execute(q).fetchall()
    out.append([list(col) for col in zip(*result)])
print(json.dumps(out))`,
      { csv: resolve('datasets/boston-housing.csv'), queries: QUERIES },
    );
    for (const [q, query] of QUERIES.entries()) {
      const ours = values((await run(query)).table);
      expect(ours.length, query).toBe(sqlite[q].length);
      ours.forEach((column, j) => column.forEach((v, i) => expect(v as number, `${query} [${i}][${j}]`).toBeCloseTo(sqlite[q][j][i] as number, 9)));
    }
  });

  it('keeps gaps as NULL, makes typed columns, and joins two cells', async () => {
    const left: Table = { rowCount: 3, columns: [{ name: 'id', type: 'numeric', values: Float64Array.of(1, 2, 3) }, { name: 'x', type: 'numeric', values: Float64Array.of(1.5, NaN, 3) }] };
    const right: Table = { rowCount: 2, columns: [{ name: 'id', type: 'numeric', values: Float64Array.of(1, 3) }, { name: 'tag', type: 'categorical', values: ['a', null] }] };
    const { table } = await run('SELECT l.id, x IS NULL AS gap, tag, x * 2 AS twice FROM a l LEFT JOIN "b-2" r ON l.id = r.id ORDER BY l.id', { a: { table: left }, 'b-2': { table: right } });
    expect(table.columns.map((c) => [c.name, c.type])).toEqual([['id', 'numeric'], ['gap', 'boolean'], ['tag', 'categorical'], ['twice', 'numeric']]);
    expect(values(table)).toEqual([[1, 2, 3], [0, 1, 0], ['a', null, null], [3, null, 6]]);
  });

  it('says where a query is wrong: line and column', async () => {
    await expect(run('SELECT RM,\n  MEDV\nFROM houses WHER RM > 6')).rejects.toThrow(/^Line 3, column 18 of the query: Parser Error: syntax error at or near "RM"/);
    await expect(run('SELECT nope FROM houses')).rejects.toThrow(/^Line 1, column 8 of the query: Binder Error: Referenced column "nope" not found/);
    expect(sqlProblem('Catalog Error: Table with name t does not exist!', 'SELECT 1')).toEqual({ message: 'Catalog Error: Table with name t does not exist!' });
  });

  it('waits for an input that has no table yet', async () => {
    expect(await runSql(runContext(sqlSchema.parse({ tables: ['data'], query: 'SELECT 1' }), { data: { waiting: 'Upload a CSV file.' } }))).toEqual({ waiting: 'Upload a CSV file.' });
    expect(getColumn(houses, 'MEDV')).toBeDefined();
  });
});

describe('tables to Arrow under a Content-Security-Policy', () => {
  it('never compiles code: text, booleans and gaps are built from buffers, not Arrow builders', async () => {
    const { tableToArrow } = await import('../../../src/lib/sql/arrow');
    const arrow = await import('apache-arrow');
    const table: Table = {
      rowCount: 3,
      columns: [
        { name: 'n', type: 'numeric', values: Float64Array.of(1, NaN, 3) },
        { name: 'b', type: 'boolean', values: Float64Array.of(1, 0, NaN), labels: ['no', 'yes'] },
        { name: 's', type: 'categorical', values: ['ä', null, 'z'] },
      ],
    };
    const original = globalThis.Function;
    // The page's policy refuses `new Function`; so does this stand-in while the table is converted.
    globalThis.Function = new Proxy(original, {
      construct: () => {
        throw new EvalError('new Function is refused');
      },
      apply: () => {
        throw new EvalError('Function() is refused');
      },
    });
    let bytes: Uint8Array;
    try {
      bytes = arrow.tableToIPC(tableToArrow(table), 'stream');
    } finally {
      globalThis.Function = original;
    }
    const back = arrow.tableFromIPC(bytes);
    expect([0, 1, 2].map((i) => back.getChild('n')!.get(i))).toEqual([1, null, 3]);
    expect([0, 1, 2].map((i) => back.getChild('b')!.get(i))).toEqual([true, false, null]);
    expect([0, 1, 2].map((i) => back.getChild('s')!.get(i))).toEqual(['ä', null, 'z']);
  });
});
