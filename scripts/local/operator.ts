/**
 * What the one-off operator scripts share: their `--name=value` flags, and the core dependencies on
 * the local stack's table (npm start running) unless TABLE_NAME names a deployed one.
 */
import { loadConfig } from '../../functions/config.ts';
import { type CoreDeps, createCoreDeps } from '../../functions/core-deps.ts';

/** The value of `--name=value` on the command line, if given and not empty. */
export const flag = (name: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) || undefined;

/** The table of the stage the operator's environment names, else the local stack's. */
export function operatorCore(): CoreDeps {
  const local = !process.env.TABLE_NAME;
  const env = local
    ? {
        ...process.env,
        STAGE: 'local',
        TABLE_NAME: 'ordo-local',
        DYNAMODB_ENDPOINT: `http://127.0.0.1:${process.env.ORDO_DYNAMODB_PORT ?? '8000'}`,
      }
    : process.env;
  return createCoreDeps(loadConfig(env));
}
