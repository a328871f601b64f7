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

// Vectors are made from their buffers (arrow.makeData), never with Arrow's
// builders: a builder compiles its null test with `new Function`, which the
// page's Content-Security-Policy refuses.
function vectorOf(column: Column): arrow.Vector {
  if (!isNumeric(column)) return textVector(column.values);
  const values = column.values;
  const valid = validity(values.length, (i) => !Number.isNaN(values[i]));
  if (column.type === 'boolean') {
    const bits = validity(values.length, (i) => values[i] === 1);
    return arrow.makeVector(arrow.makeData({ type: new arrow.Bool(), length: values.length, data: bits, nullBitmap: valid }));
  }
  return arrow.makeVector(arrow.makeData({ type: new arrow.Float64(), length: values.length, data: values, nullBitmap: valid }));
}

/** A validity (or boolean) bitmap, least significant bit first; undefined when every bit is set. */
function validity(length: number, isSet: (i: number) => boolean): Uint8Array | undefined {
  const bits = new Uint8Array(Math.ceil(length / 8));
  let all = true;
  for (let i = 0; i < length; i++) {
    if (isSet(i)) bits[i >> 3] |= 1 << (i & 7);
    else all = false;
  }
  return all ? undefined : bits;
}

/** UTF-8 bytes end to end with their offsets, and a validity bitmap for the nulls. */
function textVector(values: (string | null)[]): arrow.Vector {
  const encoder = new TextEncoder();
  const encoded = values.map((v) => (v === null ? new Uint8Array(0) : encoder.encode(v)));
  const offsets = new Int32Array(values.length + 1);
  encoded.forEach((bytes, i) => (offsets[i + 1] = offsets[i] + bytes.length));
  const data = new Uint8Array(offsets[values.length]);
  encoded.forEach((bytes, i) => data.set(bytes, offsets[i]));
  const nullBitmap = validity(values.length, (i) => values[i] !== null);
  return arrow.makeVector(arrow.makeData({ type: new arrow.Utf8(), length: values.length, valueOffsets: offsets, data, nullBitmap }));
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
