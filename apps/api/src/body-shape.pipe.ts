import {
  BadRequestException,
  Injectable,
  type ArgumentMetadata,
  type PipeTransform,
} from '@nestjs/common';

/** Deeper than any body the API takes (a mandate's deadline is three levels down). */
export const MAX_BODY_DEPTH = 32;

/** Keys that would reach an object's prototype when copied onto an instance. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * What is wrong with a request body's shape, or undefined: nesting deeper than MAX_BODY_DEPTH,
 * or a key that names a prototype. Walked without recursion, so no body can exhaust the stack.
 */
export function bodyShapeProblem(body: unknown): string | undefined {
  const stack: Array<{ value: unknown; depth: number; path: string }> = [
    { value: body, depth: 0, path: '' },
  ];
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop() as (typeof stack)[number];
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_BODY_DEPTH)
      return `Der Inhalt ist zu tief verschachtelt: höchstens ${MAX_BODY_DEPTH} Ebenen sind erlaubt.`;
    for (const key of Object.keys(value)) {
      const at = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key)) return `Das Feld „${at}“ ist nicht erlaubt.`;
      stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1, path: at });
    }
  }
  return undefined;
}

/**
 * Runs before validation on every body: class-transformer copies bodies recursively (a deeply
 * nested one overflowed its stack: a 500 without signing in) and would not see prototype keys
 * as unknown fields. Both are refused here with a 400 that names the problem.
 */
@Injectable()
export class BodyShapePipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'body') return value;
    const problem = bodyShapeProblem(value);
    if (problem) throw new BadRequestException(problem);
    return value;
  }
}
