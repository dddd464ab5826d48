/** The slice of the DynamoDB Streams Lambda event the mail worker reads. */
export interface DynamoDBStreamEvent {
  Records: Array<{
    eventName?: 'INSERT' | 'MODIFY' | 'REMOVE';
    dynamodb?: { Keys?: Record<string, { S?: string }>; SequenceNumber?: string };
  }>;
}

export interface DynamoDBBatchResponse {
  batchItemFailures: Array<{ itemIdentifier: string }>;
}
