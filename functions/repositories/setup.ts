/**
 * A department's guided-setup progress (shared/setup.ts): one small item beside the department.
 * Access patterns: read (GetItem DEPT#code/SETUP); mark a step (UpdateItem SET of that step's
 * attribute, answering the whole item, so two tabs marking different steps never overwrite each other).
 */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { emptyProgress, SETUP_STEPS, type SetupProgress, type SetupStep, type StepMark } from '#shared/setup.ts';
import type { Db } from '../storage/client.ts';
import { keys } from '../storage/keys.ts';

/** Each step's mark is its own attribute ("step_value"), so marking one is a single SET. */
const attribute = (step: SetupStep) => `step_${step}`;

function progressOf(code: string, item: Record<string, unknown> | undefined): SetupProgress {
  const progress = emptyProgress(code);
  if (!item) return progress;
  for (const step of SETUP_STEPS) {
    const mark = item[attribute(step)];
    if (mark === 'done' || mark === 'skipped') progress.marks[step] = mark;
  }
  if (typeof item.updatedAt === 'string') progress.updatedAt = item.updatedAt;
  return progress;
}

export class SetupRepository {
  constructor(private readonly db: Db) {}

  async get(code: string): Promise<SetupProgress> {
    const { Item } = await this.db.doc.send(
      new GetCommand({ TableName: this.db.tableName, Key: keys.departmentSetup(code) }),
    );
    return progressOf(code, Item);
  }

  async mark(code: string, step: SetupStep, mark: StepMark, at: string): Promise<SetupProgress> {
    const { Attributes } = await this.db.doc.send(
      new UpdateCommand({
        TableName: this.db.tableName,
        Key: keys.departmentSetup(code),
        UpdateExpression: 'SET #step = :mark, updatedAt = :at, #type = :type',
        ExpressionAttributeNames: { '#step': attribute(step), '#type': 'type' },
        ExpressionAttributeValues: { ':mark': mark, ':at': at, ':type': 'setup' },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return progressOf(code, Attributes);
  }
}
