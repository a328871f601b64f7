// The engine worker: exposes the engine task table (tasks.ts) to the page
// through comlink. See lib/worker for the protocol.
// First, before any module builds a zod schema: the worker is a page of its own
// under the same Content-Security-Policy, which refuses zod's `new Function` probe.
import '../../lib/zod-jitless';
import { expose } from 'comlink';
import { createEngineHost } from '../../lib/worker/host';
import { engineTasks } from './tasks';

expose(createEngineHost(engineTasks));
