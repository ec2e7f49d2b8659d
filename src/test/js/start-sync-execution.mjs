// StartSyncExecution against `sfn-run serve` with the AWS SDK for JavaScript v3.
import { SFNClient, StartSyncExecutionCommand } from "@aws-sdk/client-sfn";

const client = new SFNClient({
  endpoint: process.env.SFN_ENDPOINT ?? "http://127.0.0.1:8083",
  region: "us-east-1",
  credentials: { accessKeyId: "dummy", secretAccessKey: "dummy" },
  disableHostPrefix: true, // else the SDK calls http://sync-127.0.0.1:8083/, which does not resolve
});

const result = await client.send(new StartSyncExecutionCommand({
  stateMachineArn: "arn:aws:states:us-east-1:123456789012:stateMachine:tutorial",
  input: JSON.stringify({ statuscode: "200" }),
}));
console.log(result.status, result.output);
