// Tables in and out of SQL: a fitbook Table becomes an Apache Arrow table
// (what DuckDB-WASM takes without parsing text), and a query's Arrow result
// becomes a Table again. Missing values travel as SQL NULLs both ways.
import * as arrow from 'apache-arrow';
import { CATEGORICAL_MAX_DISTINCT, isCategorical } from '../data/infer';
import { isNumeric, type Column, type Table } from '../data/table';

export function tableToArrow(table: Table): arrow.Table {
  const vectors: Record<string, arrow.Vector> = {};
  for (const column of table.columns) vectors[column.name] = vectorOf(column);
  return new arrow.Table(vectors);
}

function vectorOf(column: Column): arrow.Vector {
  if (!isNumeric(column)) return arrow.vectorFromArray(column.values, new arrow.Utf8());
  const values = column.values;
  if (column.type === 'boolean') return arrow.vectorFromArray(Array.from(values, (v) => (Number.isNaN(v) ? null : v === 1)), new arrow.Bool());
  // A column without gaps goes over as its own buffer; NaN elsewhere marks a NULL.
  if (!values.some(Number.isNaN)) return arrow.makeVector(values);
  return arrow.vectorFromArray(Array.from(values, (v) => (Number.isNaN(v) ? null : v)), new arrow.Float64());
}

/** The result of a query as a Table: numbers (integers, decimals, floats) as numeric, booleans as boolean, everything else as text. */
export function arrowToTable(result: arrow.Table): Table {
  const columns = result.schema.fields.map((field, j): Column => {
    const vector = result.getChildAt(j)!;
    const name = uniqueName(field.name, result.schema.fields.slice(0, j).map((f) => f.name));
    const cells = Array.from({ length: result.numRows }, (_, i) => vector.get(i) as unknown);
    if (arrow.DataType.isBool(field.type)) {
      return { name, type: 'boolean', labels: ['false', 'true'], values: Float64Array.from(cells, (v) => (v === null ? NaN : v ? 1 : 0)) };
    }
    if (arrow.DataType.isInt(field.type) || arrow.DataType.isFloat(field.type) || arrow.DataType.isDecimal(field.type)) {
      return { name, type: 'numeric', values: Float64Array.from(cells, (v) => (v === null || v === undefined ? NaN : Number(v))) };
    }
    const texts = cells.map((v) => (v === null || v === undefined ? null : textOf(v)));
    const present = texts.filter((t) => t !== null);
    const distinct = new Set(present).size;
    // A few distinct texts are labels (a GROUP BY's keys, a category), as the CSV reader would call them.
    const categorical = distinct <= CATEGORICAL_MAX_DISTINCT || isCategorical(distinct, present.length);
    return { name, type: categorical ? 'categorical' : 'text', values: texts };
  });
  return { columns, rowCount: result.numRows };
}

function textOf(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/** SQL allows two result columns with one name (SELECT a, a); a Table does not. */
function uniqueName(name: string, before: string[]): string {
  if (!before.includes(name)) return name;
  let n = 2;
  while (before.includes(`${name}_${n}`)) n++;
  return `${name}_${n}`;
}
