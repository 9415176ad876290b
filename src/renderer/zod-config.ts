// Imported first by main.ts, before any schema is built. zod compiles fast parsers with
// `new Function` when it may; the page's CSP forbids eval (script-src 'self'), and zod's probe for
// it would be reported as a violation. The interpreted parsers are fast enough for our messages.
import { config } from 'zod';

config({ jitless: true });
