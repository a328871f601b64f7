// The CSV module worker. papaparse runs inside it with `worker: false` (its
// own worker mode breaks in Vite builds); see handler.ts for the work.

import { handleCsvRequest } from './handler';
import type { CsvRequest } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<CsvRequest>) => {
  void handleCsvRequest(event.data, (message, transfer) => scope.postMessage(message, transfer));
};
