/**
 * One construct with what every postwire function shares: Node.js 24 on ARM64,
 * ESM code built by esbuild with the AWS SDK inside and split so a cold start
 * loads only the entry (infra/lambda-bundle.ts), source maps, a log group with
 * retention, JSON logs, and explicit memory and timeout. Its role may write
 * to its own log group only: CDK's default role would carry the managed
 * AWSLambdaBasicExecutionRole, whose log actions are on every log group.
 */
import { execFileSync } from 'node:child_process';
import { AssetHashType, DockerImage, Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Code, Function as LambdaFunction, LoggingFormat, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { fileURLToPath } from 'node:url';
import type { LazyModuleName } from '../shared/lazy-modules.js';
import { PROJECT_ROOT, type LambdaBundleSpec } from './lambda-bundle.js';

const BUNDLER = fileURLToPath(new URL('./lambda-bundle.ts', import.meta.url));

export interface PostwireFunctionProps {
  /** File under functions/, without extension. */
  entry: string;
  memorySize: number;
  timeout: Duration;
  environment: Record<string, string>;
  logRetention: RetentionDays;
  description: string;
  tracing: boolean;
  /** Kept (prod) or deleted with the stack. */
  logRemovalPolicy?: RemovalPolicy | undefined;
  /** Concurrency reserved for this function alone. */
  reservedConcurrency?: number | undefined;
  /** Files of installed packages to place beside the bundle, e.g. Swagger UI's assets: [package, file names, folder]. */
  packageFiles?: { packageName: string; files: string[]; into: string } | undefined;
  /** Modules the function loads on first use (shared/lazy-modules.ts), built as files of their own. */
  lazy?: readonly LazyModuleName[];
}

export class PostwireFunction extends Construct {
  readonly fn: LambdaFunction;
  readonly memorySize: number;
  /** What its code is built from (infra/lambda-bundle.ts): a test builds it the same way to run it as deployed. */
  readonly bundle: LambdaBundleSpec;

  constructor(scope: Construct, id: string, props: PostwireFunctionProps) {
    super(scope, id);
    this.memorySize = props.memorySize;
    const logGroup = new LogGroup(this, 'Logs', { retention: props.logRetention, removalPolicy: props.logRemovalPolicy ?? RemovalPolicy.DESTROY });
    // Named so its id (and its policy's) still begins with the function's: `<Id>FunctionRole…`.
    const role = new Role(this, 'FunctionRole', { assumedBy: new ServicePrincipal('lambda.amazonaws.com'), description: `Runs ${this.node.path}` });
    // The log group exists before the function, so Lambda needs no logs:CreateLogGroup.
    role.addToPolicy(new PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }));
    const spec: LambdaBundleSpec = { entry: props.entry, lazy: props.lazy ?? [], packageFiles: props.packageFiles };
    this.bundle = spec;
    this.fn = new LambdaFunction(this, 'Function', {
      code: Code.fromAsset(PROJECT_ROOT, {
        // Hashed by what is built, as NodejsFunction does; skipped (with a stand-in hash) for stacks outside `bundling-stacks`.
        assetHashType: AssetHashType.OUTPUT,
        bundling: {
          // Never pulled: local bundling always succeeds, so no Docker is needed.
          image: DockerImage.fromRegistry('postwire-local-bundling'),
          // CDK names its bundling folder by these options, and a function is not part of them: without
          // what is built here, every function would share (and reuse) the first one's folder.
          environment: { POSTWIRE_BUNDLE: JSON.stringify(spec) },
          local: {
            tryBundle(outputDir) {
              execFileSync(process.execPath, ['--import', 'tsx', BUNDLER, JSON.stringify(spec), outputDir], { cwd: PROJECT_ROOT, stdio: 'inherit' });
              return true;
            },
          },
        },
      }),
      handler: 'index.handler',
      role,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize,
      ...(props.reservedConcurrency ? { reservedConcurrentExecutions: props.reservedConcurrency } : {}),
      timeout: props.timeout,
      description: props.description,
      logGroup,
      loggingFormat: LoggingFormat.JSON,
      tracing: props.tracing ? Tracing.ACTIVE : Tracing.DISABLED,
      environment: { NODE_OPTIONS: '--enable-source-maps', ...props.environment },
    });
    if (props.tracing && this.fn.role) {
      // Only this function's own role, and only when tracing is on.
      Validations.of(this.fn.role).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'Active tracing grants xray:PutTraceSegments and xray:PutTelemetryRecords, which X-Ray offers on no resource narrower than *.',
      });
    }
  }
}
