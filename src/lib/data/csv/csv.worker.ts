// The CSV module worker: the 'csv.read' task (task.ts) behind the shared
// worker protocol (lib/worker/host.ts). papaparse runs inside it with
// `worker: false` (its own worker mode breaks in Vite builds).

import { expose } from 'comlink';
import { createEngineHost } from '../../worker/host';
import { csvTasks } from './task';

expose(createEngineHost(csvTasks));
