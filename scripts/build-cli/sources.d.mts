/** The folders the CLI bundle is built from, and the catalog it includes. */
export declare const SOURCE_DIRS: readonly string[];
/** The newest modification time (ms) of the CLI's sources under `root`. */
export declare function newestSource(root: string): number;
/** Whether `root`'s CLI bundle (out/cli/) may run instead of the TypeScript. */
export declare function bundleIsCurrent(root: string, env?: NodeJS.ProcessEnv): boolean;
