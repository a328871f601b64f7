// The Content-Security-Policy of the built app, and the Vite plugin that puts it
// in the built index.html as a <meta http-equiv>, which works on any static host.
// `vite preview` sends the same policy as a header (vite.config.ts). The dev
// server gets none: Vite's HMR client injects inline scripts and connects a
// websocket, which this policy rightly refuses.
//
// Each source, and why it is allowed (docs/architecture.md, "Privacy and security"):
// - default-src 'self': everything fitbook loads is its own, from its own origin.
// - script-src 'self' 'wasm-unsafe-eval': the app's modules, and compiling the
//   TensorFlow.js WASM backend's .wasm files (not JavaScript eval).
// - worker-src 'self': the CSV parsing worker is a module file of the app.
// - connect-src 'self': fetch may reach only the shipped datasets and .wasm files,
//   so nothing can be sent to another origin.
// - img-src 'self' data: blob:: plotly rasterises its SVG through data: and blob:
//   URLs for the PNG/SVG download buttons.
// - style-src 'self' 'unsafe-inline': plotly inserts <style> rules and Svelte sets
//   style attributes at run time; styles cannot run code.
// - font-src 'self' data:: Vite inlines KaTeX's smallest fonts into the CSS as data: URLs.
// - object-src 'none'; base-uri 'self'; form-action 'none': no plugins, no
//   rewritten base URL, no form posted anywhere.
// No 'unsafe-eval' and no 'unsafe-inline' script: inline event handlers and
// injected scripts never run. Zod runs jitless (src/main.ts) so it never tries eval.
import type { Plugin } from 'vite';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

/** Adds the policy as the first element of the built pages' <head> (build only, so HMR keeps working). */
export function contentSecurityPolicy(policy = CONTENT_SECURITY_POLICY): Plugin {
  return {
    name: 'fitbook-content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' }],
    },
  };
}
