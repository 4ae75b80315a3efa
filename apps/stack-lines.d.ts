export type StackEventKind = 'started' | 'ready' | 'exited';

export declare const PREFIX: string;
export declare function processName(kind: 'api' | 'worker', index: number): string;
export declare function processLine(event: StackEventKind, name: string, details: string): string;
export declare function pidDetail(pid: number): string;
export declare function allUpLine(url: string): string;
export declare function readProcessLine(
  line: string,
): { name: string; event: StackEventKind; pid: number | undefined } | undefined;
export declare function isAllUpLine(line: string): boolean;
