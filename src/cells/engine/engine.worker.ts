// The engine worker: exposes the engine task table (tasks.ts) to the page
// through comlink. See lib/worker for the protocol.
import { expose } from 'comlink';
import { createEngineHost } from '../../lib/worker/host';
import { engineTasks } from './tasks';

expose(createEngineHost(engineTasks));
