/** Values the global setup (test/support/standins.ts) provides to tests via `inject()`. */
import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** DynamoDB Local endpoint, e.g. http://127.0.0.1:41234 (in memory, shared by all test files). */
    dynamoEndpoint: string;
    /** SES v2 stand-in endpoint; read captured mail with readMailbox() from scripts/local/ses.ts. */
    sesEndpoint: string;
    /** The local OpenID provider every test signs in at (demo people, and made-up ids as strangers). */
    oidc: { issuer: string; clientId: string; redirectUri: string };
    /** Its private signing key, for tests that craft tokens the provider would never issue. */
    oidcSigningKey: import('jose').JWK;
  }
}
