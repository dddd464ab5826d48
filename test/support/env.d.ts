/** Values the global setup (test/support/standins.ts) provides to tests via `inject()`. */
import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** DynamoDB Local endpoint, e.g. http://127.0.0.1:41234 (in memory, shared by all test files). */
    dynamoEndpoint: string;
    /** SES v2 stand-in endpoint; read captured mail with readMailbox() from scripts/local/ses.ts. */
    sesEndpoint: string;
  }
}
