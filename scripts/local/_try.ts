import { startDynamoDbLocal } from './dynamodb.ts';
import { startSesLocal, readMailbox } from './ses.ts';
import { freePort } from './ports.ts';
import { installSignalHandlers } from './processes.ts';
installSignalHandlers();
const mode = process.argv[2] ?? 'mem';
let t = performance.now();
const ddb = await startDynamoDbLocal(mode === 'mem' ? { port: await freePort(), inMemory: true } : { port: await freePort(), dbPath: '/tmp/ddbtry/data' });
console.log('dynamodb ready ms', (performance.now() - t).toFixed(0), ddb.endpoint);
t = performance.now();
const ses = await startSesLocal({ port: await freePort() });
console.log('ses ready ms', (performance.now() - t).toFixed(0), ses.endpoint);
console.log('mailbox', (await readMailbox(ses.endpoint)).length);
if (process.argv[3] === 'wait') { console.log('READY'); await new Promise(() => {}); }
t = performance.now();
await Promise.all([ddb.stop(), ses.stop()]);
console.log('stopped ms', (performance.now() - t).toFixed(0));
