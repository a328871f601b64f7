// Exposes the engine on window.fitbook for browser tests and benchmarks.
(window as unknown as { fitbook: Record<string, unknown> }).fitbook = {};
document.getElementById('status')!.textContent = 'ready';
