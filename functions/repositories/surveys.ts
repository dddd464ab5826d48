/**
 * Survey governance data: each person's last invitation (the fatigue budget) and the follow-up tasks
 * that low ratings open for the process owner.
 * Access patterns: budget of a person (GetItem USER#id/SURVEY_BUDGET); follow-ups of a department
 * (Query DEPT#code, sk begins_with FOLLOWUP#); one follow-up (GetItem DEPT#code/FOLLOWUP#number).
 * Writes ride in the order's transaction (OrderRepository.update builds them with the functions below).
 */
import { GetCommand, type TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { FollowUp } from '#shared/model.ts';
import type { Db } from '../storage/client.ts';
import { fromItem, keys, partitions } from '../storage/keys.ts';
import { inPartition, queryPage } from '../storage/query-all.ts';
import { updatedWhere } from './conditional.ts';

type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

/** A later answer on an order's follow-up. */
export interface FollowUpAnswer {
  department: string;
  number: string;
  answer: { score: number; comment?: string | undefined; category?: string | undefined };
}

/** The person was invited to a survey at `at` (their fatigue budget). */
export function surveyBudgetPut(tableName: string, userId: string, at: string): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: { ...keys.surveyBudget(userId), type: 'surveyBudget', lastInvitedAt: at },
    },
  };
}

/** A low rating opens a follow-up task for the process owner (once per order). */
export function followUpPut(tableName: string, followUp: FollowUp): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: { ...keys.followUp(followUp.department, followUp.orderNumber), type: 'followUp', ...followUp },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/**
 * A later answer on an existing follow-up (its status is left as it is): `latestScore` always;
 * a low answer also replaces score, reason and comment; a higher one may still add its comment.
 */
export function followUpAnswerUpdate(tableName: string, answered: FollowUpAnswer): TransactItem {
  const { department, number, answer } = answered;
  // Attribute names go through placeholders: COMMENT is a reserved word in DynamoDB.
  const names: Record<string, string> = { '#latest': 'latestScore' };
  const values: Record<string, unknown> = { ':latest': answer.score };
  const set = ['#latest = :latest'];
  const put = (field: 'score' | 'comment' | 'category', value: unknown) => {
    names[`#${field}`] = field;
    values[`:${field}`] = value;
    set.push(`#${field} = :${field}`);
  };
  if (answer.score <= 2) {
    put('score', answer.score);
    if (answer.category) put('category', answer.category);
  }
  if (answer.comment) put('comment', answer.comment);
  return {
    Update: {
      TableName: tableName,
      Key: keys.followUp(department, number),
      UpdateExpression: `SET ${set.join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
      ConditionExpression: 'attribute_exists(pk)',
    },
  };
}

export class SurveyRepository {
  constructor(private readonly db: Db) {}

  async lastInvitedAt(userId: string): Promise<string | undefined> {
    const { Item } = await this.db.doc.send(
      new GetCommand({ TableName: this.db.tableName, Key: keys.surveyBudget(userId) }),
    );
    return Item?.lastInvitedAt as string | undefined;
  }

  async followUps(department: string): Promise<FollowUp[]> {
    const out = await queryPage(this.db, {
      ...inPartition(partitions.followUpsOfDepartment(department)),
      ScanIndexForward: false,
    });
    return (out.Items ?? []).map((item) => fromItem<FollowUp>(item));
  }

  async followUp(department: string, number: string): Promise<FollowUp | undefined> {
    const { Item } = await this.db.doc.send(
      new GetCommand({ TableName: this.db.tableName, Key: keys.followUp(department, number) }),
    );
    return Item ? fromItem<FollowUp>(Item) : undefined;
  }

  /** Closes an open follow-up; returns undefined when it was closed already. */
  async close(department: string, number: string, by: string, at: string, note: string): Promise<FollowUp | undefined> {
    const closed = await updatedWhere(this.db, {
      Key: keys.followUp(department, number),
      UpdateExpression: 'SET #status = :closed, closedAt = :at, closedBy = :by, note = :note',
      ConditionExpression: '#status = :open',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':closed': 'closed', ':open': 'open', ':at': at, ':by': by, ':note': note },
    });
    return closed ? fromItem<FollowUp>(closed) : undefined;
  }
}
