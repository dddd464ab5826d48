/**
 * CDK entry (cdk.json: `npx tsx infra/app.ts`). Options come from context (infra/config.ts, listed
 * in infra/README.md): -c stage=dev|prod (default dev), mail (mailFrom, mailDomain), alarmEmail,
 * portalDist, and sign-in (adminEmails, authDomainPrefix, oidcProvider, samlProvider, cognitoSignIn).
 */
import { createOrdoApp } from './stack.ts';

const { app } = createOrdoApp();
app.synth();
