// First: zod must be told before any schema is built (see the module).
import './lib/zod-jitless';
import { mount } from 'svelte';
import './shell/theme-choice.svelte';
import App from './App.svelte';

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
