import { ValidationPipe, type ArgumentMetadata, type ValidationPipeOptions } from '@nestjs/common';

/** Longer query strings are validated each time rather than kept. */
const MAX_KEY_LENGTH = 2_000;

/**
 * The app's ValidationPipe, keeping what a query string validated to. class-transformer and
 * class-validator cost a list request about 4% of its CPU, for an answer that depends only on
 * the query's class and its raw values; lists are asked for with the same few query strings over
 * and over (a member's open obligations, page after page). A query that validated is kept by its
 * class and raw values, and each later request gets its own copy (so no handler can change
 * another's). Rejected queries are not kept: each gets its 400 by the full validation. Only
 * queries whose values are all plain values (strings, numbers, booleans) are kept; `limit` bounds
 * the kept ones (all are dropped when it is reached, as the list statements are).
 */
export class CachingValidationPipe extends ValidationPipe {
  private readonly validated = new Map<string, object>();
  private readonly classes = new Map<unknown, number>();

  constructor(
    options: ValidationPipeOptions,
    private readonly limit = 1_000,
  ) {
    super(options);
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const key =
      metadata.type === 'query' && this.toValidate(metadata)
        ? this.keyOf(value, metadata.metatype)
        : undefined;
    if (key === undefined) return super.transform(value, metadata);
    const kept = this.validated.get(key);
    if (kept) return copy(kept);
    const result: unknown = await super.transform(value, metadata);
    if (isFlatInstance(result, metadata.metatype)) {
      if (this.validated.size >= this.limit) this.validated.clear();
      this.validated.set(key, copy(result));
    }
    return result;
  }

  /** The class (by a number of its own) and the raw values, or undefined when not to be kept. */
  private keyOf(value: unknown, metatype: ArgumentMetadata['metatype']): string | undefined {
    if (typeof metatype !== 'function' || value === null || typeof value !== 'object') return;
    let id = this.classes.get(metatype);
    if (id === undefined) {
      id = this.classes.size;
      this.classes.set(metatype, id);
    }
    const key = `${id} ${JSON.stringify(value)}`;
    return key.length <= MAX_KEY_LENGTH ? key : undefined;
  }
}

function isFlatInstance(result: unknown, metatype: ArgumentMetadata['metatype']): result is object {
  return (
    typeof metatype === 'function' &&
    result instanceof metatype &&
    Object.values(result).every((v) => v === null || typeof v !== 'object')
  );
}

/** A new object of the same class with the same (plain) values. */
function copy<T extends object>(instance: T): T {
  return Object.assign(Object.create(Object.getPrototypeOf(instance) as object) as T, instance);
}
