/**
 * One construct with what every postwire function shares: Node.js 24 on ARM64,
 * an ESM bundle minified by esbuild with the AWS SDK inside, source maps, a log
 * group with retention, JSON logs, and explicit memory and timeout.
 */
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Architecture, LoggingFormat, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

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
  packageFiles?: { packageName: string; files: string[]; into: string };
}

export class PostwireFunction extends Construct {
  readonly fn: NodejsFunction;

  constructor(scope: Construct, id: string, props: PostwireFunctionProps) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'Logs', { retention: props.logRetention, removalPolicy: props.logRemovalPolicy ?? RemovalPolicy.DESTROY });
    this.fn = new NodejsFunction(this, 'Function', {
      entry: path.join(ROOT, 'functions', `${props.entry}.ts`),
      handler: 'handler',
      projectRoot: ROOT,
      depsLockFilePath: path.join(ROOT, 'package-lock.json'),
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
      bundling: {
        format: OutputFormat.ESM,
        minify: true,
        sourceMap: true,
        target: 'node24',
        mainFields: ['module', 'main'],
        // Bundle the SDK too: a pinned, tree-shaken copy starts faster than the runtime's.
        externalModules: [],
        // CommonJS dependencies (rss-parser, sanitize-html) call require() inside an ESM bundle.
        banner: "import { createRequire as __postwireRequire } from 'module'; const require = __postwireRequire(import.meta.url);",
        ...(props.packageFiles ? { commandHooks: copyPackageFiles(props.packageFiles) } : {}),
      },
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

/** Bundling hooks that copy a package's files beside the bundle (plain cp: no network, no Docker). */
function copyPackageFiles({ packageName, files, into }: NonNullable<PostwireFunctionProps['packageFiles']>) {
  return {
    beforeBundling: () => [],
    beforeInstall: () => [],
    afterBundling: (inputDir: string, outputDir: string) => [
      `mkdir -p "${outputDir}/${into}"`,
      ...files.map((file) => `cp "${inputDir}/node_modules/${packageName}/${file}" "${outputDir}/${into}/"`),
    ],
  };
}
