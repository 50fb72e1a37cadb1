/**
 * A local stand-in for Secrets Manager that speaks its JSON protocol to the
 * real SDK (point AWS_ENDPOINT_URL_SECRETS_MANAGER at `url`). Besides stored
 * secrets and "not found" it answers two things AWS does: a lookup refused by
 * IAM, as under CDK's grant by name (`…:secret:name-??????`) before the secret
 * exists, and a value that cannot be decrypted.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SecretsManagerStub {
  url: string;
  /** Secret id → value. */
  stored: Map<string, string>;
  /** Ids this function may read only once they exist: until then the lookup is refused (AccessDeniedException). */
  grantedByName: Set<string>;
  /** Ids whose value cannot be decrypted (a key policy gone wrong). */
  undecryptable: Set<string>;
  /** Every id asked for, in order. */
  lookups: string[];
  close(): Promise<void>;
}

export async function startSecretsManagerStub(): Promise<SecretsManagerStub> {
  const stored = new Map<string, string>();
  const grantedByName = new Set<string>();
  const undecryptable = new Set<string>();
  const lookups: string[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk)).on('end', () => {
      const { SecretId } = JSON.parse(body) as { SecretId: string };
      const value = stored.get(SecretId);
      lookups.push(SecretId);
      const answer = (status: number, json: object) => response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' }).end(JSON.stringify(json));
      if (request.headers['x-amz-target'] !== 'secretsmanager.GetSecretValue') return answer(400, { __type: 'UnknownOperationException' });
      if (undecryptable.has(SecretId)) {
        return answer(400, { __type: 'com.amazonaws.secretsmanager#DecryptionFailure', message: "Secrets Manager can't decrypt the protected secret text using the provided KMS key." });
      }
      if (value === undefined && grantedByName.has(SecretId)) {
        const message = `User: arn:aws:sts::123456789012:assumed-role/postwire-fn/fn is not authorized to perform: secretsmanager:GetSecretValue on resource: ${SecretId} because no identity-based policy allows the secretsmanager:GetSecretValue action`;
        return answer(400, { __type: 'AccessDeniedException', Message: message });
      }
      if (value === undefined) return answer(400, { __type: 'com.amazonaws.secretsmanager#ResourceNotFoundException', message: "Secrets Manager can't find the specified secret." });
      return answer(200, { ARN: `arn:aws:secretsmanager:eu-west-1:123456789012:secret:${SecretId}-AbCdEf`, Name: SecretId, SecretString: value });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stored,
    grantedByName,
    undecryptable,
    lookups,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The environment the SDK needs to send Secrets Manager calls to the stand-in. */
export function secretsManagerEnv(stub: SecretsManagerStub): Record<string, string> {
  return { AWS_ENDPOINT_URL_SECRETS_MANAGER: stub.url, AWS_REGION: 'eu-west-1', AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' };
}
