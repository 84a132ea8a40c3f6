import { z } from 'zod';

// Extension pages forbid eval. In the panel, zod's probe for eval fails and it
// parses without its compiled fast path; code evaluated over CDP passes the
// probe but not the later compilation. Imported first, before any schema exists,
// because zod decides when a schema is created.
z.config({ jitless: true });
