/** Values the global setup (test/support/standins.ts) provides to tests via `inject()`. */
import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** DynamoDB Local endpoints, one per integration worker (in memory); a file reads its own with workerDynamoEndpoint(). */
    dynamoEndpoints: string[];
    /** SES v2 stand-in endpoint; read captured mail with readMailbox() from scripts/local/ses.ts. */
    sesEndpoint: string;
    /** The local OpenID provider every test signs in at (demo people, and made-up ids as strangers). */
    oidc: { issuer: string; clientId: string; redirectUri: string };
    /** Its private signing key, for tests that craft tokens the provider would never issue. */
    oidcSigningKey: import('jose').JWK;
  }
}
