/**
 * A local stand-in for Secrets Manager that speaks its JSON protocol to the
 * real SDK (point AWS_ENDPOINT_URL_SECRETS_MANAGER at `url`). Besides stored
 * secrets and "not found" it answers two things AWS does: a lookup refused by
 * IAM, as under CDK's grant by name (`…:secret:name-??????`) before the secret
 * exists, or for a role that may not read the secret at all (`mayRead`), and a
 * value that cannot be decrypted.
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
  /**
   * The caller's role, as IAM decides before Secrets Manager looks: whether it may read the secret with this ARN.
   * A secret not created yet has no random suffix to its ARN, so a grant of `name-??????` does not cover it.
   * Unset, every secret may be read.
   */
  mayRead: ((arn: string) => boolean) | undefined;
  /** Every id asked for, in order. */
  lookups: string[];
  close(): Promise<void>;
}

/** Where the stand-in's secrets live: its region and account. */
export const SECRET_ARN_PREFIX = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:';
/** The six random characters Secrets Manager appends to a secret's name in its ARN. */
export const SECRET_ARN_SUFFIX = '-AbCdEf';

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
      const arn = SecretId.startsWith('arn:') ? SecretId : `${SECRET_ARN_PREFIX}${SecretId}${value === undefined ? '' : SECRET_ARN_SUFFIX}`;
      if (stub.mayRead && !stub.mayRead(arn)) return answer(400, { __type: 'AccessDeniedException', Message: notAuthorized(arn) });
      if (undecryptable.has(SecretId)) {
        return answer(400, { __type: 'com.amazonaws.secretsmanager#DecryptionFailure', message: "Secrets Manager can't decrypt the protected secret text using the provided KMS key." });
      }
      if (value === undefined && grantedByName.has(SecretId)) return answer(400, { __type: 'AccessDeniedException', Message: notAuthorized(SecretId) });
      if (value === undefined) return answer(400, { __type: 'com.amazonaws.secretsmanager#ResourceNotFoundException', message: "Secrets Manager can't find the specified secret." });
      return answer(200, { ARN: arn, Name: SecretId, SecretString: value });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const stub: SecretsManagerStub = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stored,
    grantedByName,
    undecryptable,
    mayRead: undefined,
    lookups,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return stub;
}

/** IAM's refusal, naming the resource as AWS does. */
function notAuthorized(resource: string): string {
  return `User: arn:aws:sts::123456789012:assumed-role/postwire-fn/fn is not authorized to perform: secretsmanager:GetSecretValue on resource: ${resource} because no identity-based policy allows the secretsmanager:GetSecretValue action`;
}

/** The environment the SDK needs to send Secrets Manager calls to the stand-in. */
export function secretsManagerEnv(stub: SecretsManagerStub): Record<string, string> {
  return { AWS_ENDPOINT_URL_SECRETS_MANAGER: stub.url, AWS_REGION: 'eu-west-1', AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' };
}
