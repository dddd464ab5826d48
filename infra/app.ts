/**
 * CDK entry (cdk.json: `npx tsx infra/app.ts`). Options come from context:
 *   -c stage=dev|prod (default dev)   -c mailFrom=…   -c mailDomain=…   -c alarmEmail=…   -c portalDist=web/dist
 */
import { createOrdoApp } from './stack.ts';

const { app } = createOrdoApp();
app.synth();
