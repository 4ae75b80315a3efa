import type { Server } from 'node:http';

/** An API process behind the proxy; `ready` once it answers its health route. */
export interface StackBackend {
  port: number;
  ready: boolean;
}

export declare class StackProxy {
  constructor(backends: StackBackend[], retryAfterS?: number);
  readonly server: Server;
  /** Resolves with the port it listens on (0 picks a free one). */
  listen(port: number, host: string): Promise<number>;
  close(): void;
}
