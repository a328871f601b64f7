// Shipped files are downloaded once per page: the shell's warm start and the
// dataset cell share one download; an abort stops the cell's wait, not the
// download; a failed download is tried again.
import { afterEach, describe, expect, it, vi } from 'vitest';

const calls: string[] = [];
let answer: () => Promise<Response> = async () => new Response('a,b\n1,2\n');

vi.stubGlobal('fetch', (url: string) => {
  calls.push(url);
  return answer();
});

const { fetchShipped, shippedDatasets, warmShippedIn } = await import('../../../src/cells/dataset/shipped');

afterEach(() => {
  calls.length = 0;
  answer = async () => new Response('a,b\n1,2\n');
});

describe('shipped downloads', () => {
  it('warms the files a notebook names, and the cell then reads the same download', async () => {
    warmShippedIn(['---', 'title: t', '---', '```dataset id=d', "source: 'datasets/iris.csv'", '```', 'source: datasets/none.csv'].join('\n'));
    expect(calls).toEqual([shippedDatasets['datasets/iris.csv']]);
    const blob = await fetchShipped('datasets/iris.csv');
    expect(await blob.text()).toBe('a,b\n1,2\n');
    expect(calls).toHaveLength(1);
  });

  it('an abort ends the wait with the signal’s reason; the next read still gets the file without a new download', async () => {
    let release!: () => void;
    answer = () => new Promise((resolve) => (release = () => resolve(new Response('x\n3\n'))));
    const controller = new AbortController();
    const waiting = fetchShipped('datasets/wine.csv', controller.signal);
    controller.abort(new Error('moved on'));
    await expect(waiting).rejects.toThrow('moved on');
    release();
    expect(await (await fetchShipped('datasets/wine.csv')).text()).toBe('x\n3\n');
    expect(calls).toHaveLength(1);
  });

  it('says which file failed, and downloads it again on the next read', async () => {
    answer = async () => new Response('gone', { status: 404 });
    await expect(fetchShipped('datasets/diabetes.csv')).rejects.toThrow('Could not load datasets/diabetes.csv (HTTP 404).');
    answer = async () => new Response('y\n1\n');
    expect(await (await fetchShipped('datasets/diabetes.csv')).text()).toBe('y\n1\n');
    expect(calls).toHaveLength(2);
  });
});
