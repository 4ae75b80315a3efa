import 'reflect-metadata';
import { BadRequestException, type ArgumentMetadata } from '@nestjs/common';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Min } from 'class-validator';
import { CachingValidationPipe } from './query-validation.cache';

class ListQuery {
  @IsOptional()
  @IsString()
  owner?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;
}

class OtherQuery {
  @IsOptional()
  @IsString()
  owner?: string;

  @IsOptional()
  @IsString()
  page?: string;
}

/** The pipe's answer as its plain values. */
const values = (result: unknown) => ({ ...(result as object) });

const asQuery = (metatype: ArgumentMetadata['metatype']): ArgumentMetadata => ({
  type: 'query',
  metatype,
});

/** Express's parsed query string: an object without prototype, every value text. */
const raw = (values: Record<string, string>) => Object.assign(Object.create(null), values);

function pipe(limit?: number): CachingValidationPipe {
  return new CachingValidationPipe(
    { whitelist: true, forbidNonWhitelisted: true, transform: true },
    limit,
  );
}

describe('CachingValidationPipe', () => {
  it('gives a query asked again the same validated values, in an object of its own', async () => {
    const validation = pipe();
    const first = (await validation.transform(
      raw({ owner: 'HB', page: '2', overdue: 'true' }),
      asQuery(ListQuery),
    )) as ListQuery;
    first.owner = 'changed by the first handler';
    const second = (await validation.transform(
      raw({ owner: 'HB', page: '2', overdue: 'true' }),
      asQuery(ListQuery),
    )) as ListQuery;
    expect(second).toBeInstanceOf(ListQuery);
    expect({ ...second }).toEqual({ owner: 'HB', page: 2, overdue: true });
    second.page = 99;
    const third = (await validation.transform(
      raw({ owner: 'HB', page: '2', overdue: 'true' }),
      asQuery(ListQuery),
    )) as ListQuery;
    expect({ ...third }).toEqual({ owner: 'HB', page: 2, overdue: true });
  });

  it('answers other values with their own validation', async () => {
    const validation = pipe();
    await validation.transform(raw({ owner: 'HB', page: '2' }), asQuery(ListQuery));
    const other = await validation.transform(raw({ owner: 'NI', page: '3' }), asQuery(ListQuery));
    expect(values(other)).toEqual({ owner: 'NI', page: 3 });
  });

  it('keeps the same values apart for two query classes', async () => {
    const validation = pipe();
    await validation.transform(raw({ owner: 'HB', page: '2' }), asQuery(ListQuery));
    const other = await validation.transform(raw({ owner: 'HB', page: '2' }), asQuery(OtherQuery));
    expect(other).toBeInstanceOf(OtherQuery);
    expect(values(other)).toEqual({ owner: 'HB', page: '2' });
  });

  it('refuses a wrong query every time it is asked', async () => {
    const validation = pipe();
    for (let i = 0; i < 2; i++) {
      await expect(
        validation.transform(raw({ owner: 'HB', page: '0' }), asQuery(ListQuery)),
      ).rejects.toBeInstanceOf(BadRequestException);
      await expect(
        validation.transform(raw({ owner: 'HB', unknown: 'x' }), asQuery(ListQuery)),
      ).rejects.toBeInstanceOf(BadRequestException);
    }
  });

  it('still validates every query once its limit was reached', async () => {
    const validation = pipe(2);
    for (const page of ['1', '2', '3', '4', '1'])
      expect(values(await validation.transform(raw({ page }), asQuery(ListQuery)))).toEqual({
        page: Number(page),
      });
    await expect(
      validation.transform(raw({ page: 'x' }), asQuery(ListQuery)),
    ).rejects.toBeInstanceOf(BadRequestException);
  });

  it('validates bodies as the ValidationPipe does', async () => {
    const validation = pipe();
    const body = { owner: 'HB', page: 2 };
    expect(await validation.transform(body, { type: 'body', metatype: ListQuery })).toEqual(body);
    body.page = 0;
    await expect(
      validation.transform(body, { type: 'body', metatype: ListQuery }),
    ).rejects.toBeInstanceOf(BadRequestException);
  });
});
