// A stand-in for a Web Worker in Node: the engine host exposed on one end of
// a MessageChannel, so messages are cloned exactly as between a page and its
// worker (same thread, so a long synchronous task blocks both sides).
import { expose } from 'comlink';
import { MessageChannel } from 'node:worker_threads';
import type { WorkerLike } from '../../../src/lib/worker/client';
import { createEngineHost } from '../../../src/lib/worker/host';
import type { TaskTable } from '../../../src/lib/worker/protocol';

export function channelWorker(tasks: TaskTable, started = { count: 0, terminated: 0 }): () => WorkerLike {
  return () => {
    const { port1, port2 } = new MessageChannel();
    expose(createEngineHost(tasks), port2 as unknown as Parameters<typeof expose>[1]);
    started.count++;
    const endpoint = port1 as unknown as WorkerLike;
    endpoint.terminate = () => {
      started.terminated++;
      port1.close();
      port2.close();
    };
    return endpoint;
  };
}
