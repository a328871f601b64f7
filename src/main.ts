// First: zod must be told before any schema is built (see the module).
import './lib/zod-jitless';
import { mount } from 'svelte';
import './shell/theme-choice.svelte';
import App from './App.svelte';
import { loadPlotly } from './lib/plot/plotly-bundle';

// Start fetching and compiling plotly (its own chunk, the largest file) now, in
// parallel with the shell's start and the first notebook's cells, instead of when
// the first plot mounts. A failure here is not reported: the plot that needs plotly
// asks again and says what went wrong.
loadPlotly().catch(() => undefined);

// Never a blank page: if the shell itself fails to start, say so.
const target = document.getElementById('app')!;
try {
  target.textContent = '';
  mount(App, { target });
} catch (error) {
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.textContent = `fitbook could not start: ${error instanceof Error ? error.message : String(error)}`;
  target.replaceChildren(message);
  throw error;
}
