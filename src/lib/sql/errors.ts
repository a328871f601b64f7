// DuckDB's error messages name the problem and, for most, show the offending
// line of the query with a caret under the place ("LINE 2: FROM iris WHER a"
// then "                    ^"). This reads that back as a line and column
// of the query the reader wrote, so the cell can point at it.

export interface SqlProblem {
  /** The message without DuckDB's echo of the query. */
  message: string;
  /** 1-based line and column in the query, when DuckDB said where. */
  line?: number;
  column?: number;
}

const lineMarker = /^LINE (\d+): /;

export function sqlProblem(raw: string, query: string): SqlProblem {
  const lines = raw.split('\n');
  const at = lines.findIndex((l) => lineMarker.test(l));
  const message = (at < 0 ? lines : lines.slice(0, at)).join('\n').trim();
  if (at < 0) return { message };
  const [prefix, number] = lineMarker.exec(lines[at])!;
  const caret = lines[at + 1]?.indexOf('^') ?? -1;
  const line = Number(number);
  if (caret < 0) return { message, line };
  // DuckDB shortens a long line around the error with "..."; find the shown text in the query line to place the caret.
  const shown = lines[at].slice(prefix.length);
  const queryLine = query.split('\n')[line - 1] ?? '';
  const offset = shown.startsWith('...') ? queryLine.indexOf(shown.slice(3, 40)) - 3 : 0;
  return { message, line, column: Math.max(0, caret - prefix.length + Math.max(0, offset)) + 1 };
}
