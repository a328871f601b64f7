// Imported first by the app's entry (src/main.ts) and by the engine worker, before any module builds a
// schema: zod decides when a schema is built whether to compile a fast parser
// with `new Function`, and its probe for that is refused and reported as a
// violation by the Content-Security-Policy (src/build/csp.ts), which allows no eval.
import { z } from 'zod';

z.config({ jitless: true });
